// One terminal colour per entity type, used by the pretty output and its legend.
import type { EntityType } from '../../engine/types';

// Bright foreground colours read on both dark and light terminal themes.
const TYPE_COLORS: Record<EntityType, number> = {
  Chemical: 92,
  Disease: 91,
  Gene: 94,
  Species: 93,
  CellLine: 95,
  CellType: 96,
};

export function paint(text: string, type: EntityType, dim = false): string {
  return `\x1b[${dim ? '2;' : ''}1;${TYPE_COLORS[type]}m${text}\x1b[0m`;
}

export const bold = (text: string) => `\x1b[1m${text}\x1b[0m`;
