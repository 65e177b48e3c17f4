// Reads the measured numbers of a model card for the comparison. No `vscode` here: unit-testable.
// (Whether a folder can run at all is the engine's own check: engine/modelFolder.ts.)
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface CardScore {
  /** Corpus (dev split) or entity type within the corpus above it ("BC5CDR … — Chemical"). */
  name: string;
  strictF1: number;
}

export interface ModelCardNumbers {
  model: string;
  scores: CardScore[];
  /** Tokens per second of the int8 model, as the card reports it. */
  tokensPerSecond: number | null;
}

/**
 * The strict F1 rows of the card's "Measured dev scores" table (the first table under a heading
 * that starts with "## Measured dev scores") and its bold "N tokens/s" speed. Null if the folder
 * has no MODEL_CARD.md.
 */
export function readModelCard(dir: string): ModelCardNumbers | null {
  const file = path.join(dir, 'MODEL_CARD.md');
  if (!existsSync(file)) return null;
  return parseModelCard(path.basename(dir), readFileSync(file, 'utf8'));
}

export function parseModelCard(model: string, text: string): ModelCardNumbers {
  const scores: CardScore[] = [];
  const start = text.search(/^## Measured dev scores/m);
  if (start >= 0) {
    const lines = text.slice(start).split('\n').slice(1);
    let inTable = false;
    let corpus = '';
    for (const line of lines) {
      if (!line.startsWith('|')) {
        if (inTable) break;
        continue;
      }
      inTable = true;
      const cells = line.split('|').slice(1, -1).map((c) => c.trim());
      if (cells.length < 4 || /^-+$/.test(cells[0]) || /strict F1/i.test(cells.join(' '))) continue;
      const name = cells[0];
      const f1 = Number(/([\d.]+)/.exec(cells[3].replace(/\*/g, ''))?.[1]);
      if (!Number.isFinite(f1)) continue;
      const sub = /^—\s*(.+)$/.exec(name);
      if (!sub) corpus = name.replace(/\s*\(.*\)\s*$/, '');
      const clean = name.replace(/\s*\(.*\)\s*$/, '');
      scores.push({ name: sub ? `${corpus} — ${sub[1]}` : clean, strictF1: f1 });
      // "JNLPBA Gene / CellLine / CellType" with "64.17 (65.29 / 51.28 / 65.79)": one row per type too.
      const perType = /\(([\d.\s/]+)\)/.exec(cells[3])?.[1].split('/').map(Number);
      const [corpusWord, ...rest] = clean.split(' ');
      const types = rest.join(' ').split(' / ');
      if (!sub && perType && perType.length > 1 && perType.length === types.length) {
        types.forEach((t, i) => scores.push({ name: `${corpusWord} — ${t.trim()}`, strictF1: perType[i] }));
      }
    }
  }
  const speed = /\*\*([\d,]+) tokens\/s\*\*/.exec(text);
  return { model, scores, tokensPerSecond: speed ? Number(speed[1].replace(/,/g, '')) : null };
}
