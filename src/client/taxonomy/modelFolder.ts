// Checks a model folder the user picks before the server is asked to load it, and reads the
// measured numbers of a model card. No `vscode` here: unit-testable, and the messages are the
// ones the user sees.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { labelScheme } from '../../engine/labels';

export interface FolderCheck {
  ok: boolean;
  /** Each problem in words a user can act on, naming the file. */
  problems: string[];
  /** Entity types the labels give (when id2label is readable). */
  entityTypes: string[];
}

/** What BioLens's engine needs in a model folder (transformers.js layout, int8 ONNX weights). */
export function checkModelFolder(dir: string): FolderCheck {
  const problems: string[] = [];
  let entityTypes: string[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { ok: false, problems: [`${dir} is not a folder`], entityTypes };
  const config = readJsonFile(dir, 'config.json', problems);
  if (config !== undefined) {
    if (!config || typeof config !== 'object' || Array.isArray(config)) problems.push('config.json: not a JSON object');
    else {
      const c = config as Record<string, unknown>;
      if (c.model_type !== undefined && c.model_type !== 'bert') problems.push(`config.json: model_type is "${String(c.model_type)}"; BioLens runs BERT token classifiers ("bert")`);
      if (c.id2label === undefined) problems.push('config.json: no id2label (the entity labels); is this a token-classification model?');
      else {
        try {
          const scheme = labelScheme(c.id2label);
          entityTypes = scheme.entityTypes;
          if (!entityTypes.length) problems.push(`config.json: id2label has none of the entity types BioLens shows (labels: ${scheme.labels.slice(0, 8).join(', ')})`);
        } catch (e) {
          problems.push(`config.json: id2label: ${(e as Error).message}`);
        }
      }
    }
  }
  readJsonFile(dir, 'tokenizer.json', problems);
  readJsonFile(dir, 'tokenizer_config.json', problems);
  const onnx = path.join(dir, 'onnx', 'model_quantized.onnx');
  if (!existsSync(onnx)) {
    const fp32 = existsSync(path.join(dir, 'onnx', 'model.onnx'));
    problems.push(`onnx/model_quantized.onnx is missing${fp32 ? ' (only onnx/model.onnx is there: BioLens runs the int8 file; quantise it first)' : ''}`);
  } else if (statSync(onnx).size < 1024) problems.push('onnx/model_quantized.onnx is empty or truncated');
  return { ok: problems.length === 0, problems, entityTypes };
}

function readJsonFile(dir: string, name: string, problems: string[]): unknown {
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    problems.push(`${name} is missing`);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(`${name} is not valid JSON: ${(e as Error).message}`);
    return undefined;
  }
}

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
