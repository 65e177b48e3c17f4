// Maps the entity type names used by corpora onto BioLens's six types.
import { ENTITY_TYPES, type EntityType } from '../types';

/** Target `null` means "ignore mentions of this type on purpose" (written `-` on the command line). */
export type TypeMap = Readonly<Record<string, EntityType | null>>;

// NCBI-disease annotates four disease subtypes; all of them are diseases to us.
export const DEFAULT_TYPE_MAP: TypeMap = {
  SpecificDisease: 'Disease',
  DiseaseClass: 'Disease',
  Modifier: 'Disease',
  CompositeMention: 'Disease',
};

/**
 * Resolves one of the six names written in any case and with or without separators:
 * `GENE`, `chemical`, `cell_line`, `Cell-Type`. Corpora disagree on spelling, not on meaning.
 */
export function canonicalEntityType(name: string): EntityType | undefined {
  const key = name.replace(/[\s_-]/g, '').toLowerCase();
  return ENTITY_TYPES.find((type) => type.toLowerCase() === key);
}

/**
 * Maps raw type names and remembers how many mentions of each unmapped name it saw, so a caller
 * can say what was left out instead of silently scoring less.
 */
export class EntityTypeMapper {
  readonly unmapped = new Map<string, number>();
  private readonly map: TypeMap;

  constructor(userMap: TypeMap = {}) {
    this.map = { ...DEFAULT_TYPE_MAP, ...userMap };
  }

  resolve(raw: string): EntityType | undefined {
    if (Object.prototype.hasOwnProperty.call(this.map, raw)) return this.map[raw] ?? undefined;
    const type = canonicalEntityType(raw);
    if (!type) this.unmapped.set(raw, (this.unmapped.get(raw) ?? 0) + 1);
    return type;
  }
}

/** Parses `GENE:Gene,protein:Gene,DNA:-` into a TypeMap; throws with the offending entry. */
export function parseTypeMap(spec: string): TypeMap {
  const map: Record<string, EntityType | null> = {};
  for (const entry of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const colon = entry.lastIndexOf(':');
    const from = entry.slice(0, colon).trim();
    const to = entry.slice(colon + 1).trim();
    if (colon <= 0 || !to) throw new Error(`bad type map entry '${entry}' (expected FROM:TO, e.g. GENE:Gene)`);
    if (to === '-') {
      map[from] = null;
      continue;
    }
    const type = canonicalEntityType(to);
    if (!type) throw new Error(`bad type map entry '${entry}': '${to}' is not one of ${ENTITY_TYPES.join(', ')} (or - to ignore)`);
    map[from] = type;
  }
  return map;
}

/** Parses `Chemical,disease` into entity types; throws naming the unknown one. */
export function parseEntityTypes(spec: string): EntityType[] {
  const names = spec.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new Error(`no entity types given (known: ${ENTITY_TYPES.join(', ')})`);
  return names.map((name) => {
    const type = canonicalEntityType(name);
    if (!type) throw new Error(`unknown entity type '${name}' (known: ${ENTITY_TYPES.join(', ')})`);
    return type;
  });
}
