// Reads and checks a model folder (transformers.js layout plus config.json's "biolens" block)
// before anything heavy loads. One check serves every caller: the engine throws the first
// problem it finds (a broken folder fails fast with the file it is about), while the "use a
// local folder" command and the hub download list them all to the user.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { ModelDtype, ModelInfo } from './engineApi';
import { ModelLoadError } from './errors';
import { LabelScheme, labelScheme } from './labels';
import type { EntityType } from './types';

export const DEFAULT_MODEL = 'biolens-ner-mini';
const DEFAULT_MAX_LENGTH = 128;
const DEFAULT_GAZETTEER_MAX_WORDS = 6;
/** Written by the hub download (hub/download.ts) next to the model files: where they came from. */
export const HUB_MANIFEST = '.biolens-hub.json';
// Smaller than any real ONNX graph: an HTML error page or an interrupted copy.
const MIN_ONNX_BYTES = 1024;

export interface GazetteerSpec {
  file: string;
  maxWords: number;
  /** OR of config.biolens.gazetteerBits: the only bits a token type may carry. */
  allowedBits: number;
  /** config.biolens.gazetteerBits: the bit of each entity type's terms (absent: none). */
  bits: Partial<Record<string, number>>;
}

export interface ModelFolder {
  info: ModelInfo;
  scheme: LabelScheme;
  onnxFile: string;
  gazetteer: GazetteerSpec | null;
  /**
   * config.biolens.typeHeads: groups of entity types the ONNX model scores with heads of their
   * own (its `type_logits` output, one row of labels per group, in this order); null when the
   * model has one output layer.
   */
  typeHeads: string[][] | null;
}

export interface FolderProblem {
  /** The file at fault, relative to the folder with '/' ('' for the folder itself). */
  file: string;
  /** What is wrong, in words a user can act on; starts with the file's relative name. */
  message: string;
}

export interface FolderCheck {
  /** Every problem found, in the order the engine would meet them; empty when the folder loads. */
  problems: FolderProblem[];
  /** Entity types the labels give (when id2label is readable). */
  entityTypes: EntityType[];
  /** The folder as the engine loads it; null when there is a problem. */
  folder: ModelFolder | null;
}

export const ONNX_FILE: Record<ModelDtype, string> = { fp32: 'onnx/model.onnx', q8: 'onnx/model_quantized.onnx' };

/** models/biolens-ner-mini of the package this code runs from (src/ under tsx, or dist/). */
export function defaultModelDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'models'))) {
      return path.join(dir, 'models', DEFAULT_MODEL);
    }
    if (path.dirname(dir) === dir) return path.resolve('models', DEFAULT_MODEL);
  }
}

/** The folder as the engine loads it, or a ModelLoadError naming the first problem's file. */
export function readModelFolder(modelDir: string, dtype: ModelDtype): ModelFolder {
  const dir = path.resolve(modelDir);
  const check = checkModelFolder(dir, dtype);
  const first = check.problems[0];
  if (first) {
    const file = first.file ? path.join(dir, first.file) : dir;
    throw new ModelLoadError(first.file ? `${first.message} (${file})` : `model folder not found: ${dir}`, file);
  }
  return check.folder!;
}

/** Every problem that keeps BioLens's engine from running the folder (int8 weights unless `dtype`). */
export function checkModelFolder(modelDir: string, dtype: ModelDtype = 'q8'): FolderCheck {
  const dir = path.resolve(modelDir);
  const problems: FolderProblem[] = [];
  const problem = (file: string, message: string) => problems.push({ file, message });
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    problem('', `${dir} is not a folder`);
    return { problems, entityTypes: [], folder: null };
  }
  const config = readJsonIn(dir, 'config.json', problems);
  const labels = config === undefined ? undefined : checkConfig(config, problem);
  // The ONNX file before the tokenizer: it is the likeliest to be broken (a download that stopped).
  checkOnnx(dir, dtype, problem);
  checkTokenizer(readJsonIn(dir, 'tokenizer.json', problems), problem);
  readJsonIn(dir, 'tokenizer_config.json', problems);
  const biolens = labels ? checkBiolensBlock(dir, labels.config, labels.scheme, problem) : undefined;
  const entityTypes = labels?.scheme.entityTypes ?? [];
  if (problems.length || !labels || !biolens) return { problems, entityTypes, folder: null };
  const info: ModelInfo = {
    id: modelName(dir),
    dir,
    labels: [...labels.scheme.labels],
    entityTypes,
    maxLength: biolens.maxLength,
    dtype,
  };
  const folder = { info, scheme: labels.scheme, onnxFile: path.join(dir, ONNX_FILE[dtype]), gazetteer: biolens.gazetteer, typeHeads: biolens.typeHeads };
  return { problems, entityTypes, folder };
}

/**
 * The name a model folder goes by (status bar, logs): the hub id for a downloaded model (its
 * folder is named after the revision), else the folder's name.
 */
export function modelName(modelDir: string): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(modelDir, HUB_MANIFEST), 'utf8')) as { modelId?: unknown; revision?: unknown };
    if (typeof manifest.modelId === 'string') return manifest.revision && manifest.revision !== 'main' ? `${manifest.modelId}@${String(manifest.revision)}` : manifest.modelId;
  } catch {
    // not downloaded from a hub (or its manifest is unreadable): the folder name says enough
  }
  return path.basename(modelDir);
}

type Report = (file: string, message: string) => void;

/** config.json: a BERT token classifier whose BIO labels include types BioLens shows. */
function checkConfig(config: unknown, problem: Report): { config: Record<string, unknown>; scheme: LabelScheme } | undefined {
  if (!config || typeof config !== 'object' || Array.isArray(config)) {
    problem('config.json', 'config.json is not a JSON object');
    return undefined;
  }
  const c = config as Record<string, unknown>;
  if (c.model_type !== undefined && c.model_type !== 'bert') problem('config.json', `config.json: model_type is "${String(c.model_type)}"; BioLens runs BERT token classifiers ("bert")`);
  if (c.id2label === undefined) {
    problem('config.json', 'config.json has no id2label (the entity labels): is this a token-classification model?');
    return undefined;
  }
  let scheme: LabelScheme;
  try {
    scheme = labelScheme(c.id2label);
  } catch (e) {
    problem('config.json', `config.json: id2label: ${(e as Error).message}`);
    return undefined;
  }
  if (!scheme.entityTypes.length) problem('config.json', `config.json: id2label has none of the entity types BioLens shows (labels: ${scheme.labels.slice(0, 8).join(', ')})`);
  return { config: c, scheme };
}

/** tokenizer.json: the engine reads WordPiece itself (wordPieces.ts), nothing else. */
function checkTokenizer(tokenizer: unknown, problem: Report): void {
  if (tokenizer === undefined) return; // missing or corrupt: already reported
  const model = (tokenizer as { model?: { type?: unknown; vocab?: unknown } } | null)?.model;
  if (model?.type !== 'WordPiece' || !model.vocab || typeof model.vocab !== 'object') {
    problem('tokenizer.json', `tokenizer.json is not a WordPiece tokenizer with a vocabulary (its model is ${JSON.stringify(model?.type ?? null)}); BioLens runs BERT WordPiece tokenizers`);
  }
}

function checkOnnx(dir: string, dtype: ModelDtype, problem: Report): void {
  const name = ONNX_FILE[dtype];
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    const onlyFp32 = dtype === 'q8' && existsSync(path.join(dir, ONNX_FILE.fp32));
    problem(name, `${name} is missing${onlyFp32 ? ` (only ${ONNX_FILE.fp32} is there: BioLens runs the int8 file; quantise it first)` : ''}`);
  } else if (statSync(file).size < MIN_ONNX_BYTES) {
    // Worded like the ONNX loader's own error (onnxSession.ts): the same fault, found earlier.
    problem(name, `corrupt or unreadable ONNX model ${name}: empty or truncated (${statSync(file).size} bytes)`);
  }
}

/** config.json's "biolens" block: window length, the gazetteer file with its feature bits, type heads. */
function checkBiolensBlock(dir: string, config: Record<string, unknown>, scheme: LabelScheme, problem: Report): { maxLength: number; gazetteer: GazetteerSpec | null; typeHeads: string[][] | null } | undefined {
  const biolens = (config.biolens ?? {}) as Record<string, unknown>;
  const bad = (message: string) => {
    problem('config.json', `config.json: ${message}`);
    return undefined;
  };
  const maxLength = positiveInt(biolens.maxLength, DEFAULT_MAX_LENGTH);
  if (maxLength === undefined) return bad('biolens.maxLength must be a positive integer');
  if (maxLength < 3) return bad('biolens.maxLength must be at least 3');
  const typeHeads = biolens.typeHeads === undefined ? null : checkTypeHeads(biolens.typeHeads, scheme);
  if (typeof typeHeads === 'string') return bad(`biolens.typeHeads ${typeHeads}`);
  if (typeof biolens.gazetteer !== 'string') return { maxLength, gazetteer: null, typeHeads };
  const bitsByType = Object.fromEntries(
    Object.entries((biolens.gazetteerBits ?? {}) as Record<string, unknown>).filter(([, b]) => Number.isInteger(b)),
  ) as Record<string, number>;
  const allowedBits = Object.values(bitsByType).reduce((acc, b) => acc | b, 0);
  const typeVocab = config.type_vocab_size;
  if (typeof typeVocab === 'number' && allowedBits >= typeVocab) return bad(`biolens.gazetteerBits ${allowedBits} exceed type_vocab_size ${typeVocab}`);
  const maxWords = positiveInt(biolens.gazetteerMaxWords, DEFAULT_GAZETTEER_MAX_WORDS);
  if (maxWords === undefined) return bad('biolens.gazetteerMaxWords must be a positive integer');
  const name = biolens.gazetteer.split(path.sep).join('/');
  const file = path.join(dir, biolens.gazetteer);
  if (!existsSync(file)) {
    problem(name, `${name} is missing (the gazetteer that config.json's biolens.gazetteer names)`);
    return undefined;
  }
  return { maxLength, gazetteer: { file, maxWords, allowedBits, bits: bitsByType }, typeHeads };
}

/** The type groups, or what is wrong with them: every labelled type in exactly one group. */
function checkTypeHeads(value: unknown, scheme: LabelScheme): string[][] | string {
  if (!Array.isArray(value) || !value.length || !value.every((g) => Array.isArray(g) && g.length && g.every((t) => typeof t === 'string'))) {
    return 'must be a non-empty list of non-empty lists of entity types';
  }
  const groups = value as string[][];
  const labelled = [...new Set(scheme.labels.filter((l) => l !== 'O').map((l) => l.slice(2)))];
  const listed = groups.flat();
  const unknown = listed.find((t) => !labelled.includes(t));
  if (unknown !== undefined) return `name ${JSON.stringify(unknown)}, which id2label has no labels for`;
  const twice = listed.find((t, i) => listed.indexOf(t) !== i);
  if (twice !== undefined) return `name ${JSON.stringify(twice)} in more than one group`;
  const missing = labelled.find((t) => !listed.includes(t));
  if (missing !== undefined) return `leave out ${JSON.stringify(missing)}: every labelled type needs a group`;
  return groups;
}

/** Parses a JSON file of the model folder, or throws a ModelLoadError naming it (readJsonIn's wording). */
export function readJson(file: string): unknown {
  const problems: FolderProblem[] = [];
  const value = readJsonIn(path.dirname(file), path.basename(file), problems);
  if (problems.length) throw new ModelLoadError(`${problems[0].message} (${file})`, file);
  return value;
}

/** A JSON file of the folder; a problem (not a throw) and undefined when missing or unreadable. */
function readJsonIn(dir: string, name: string, problems: FolderProblem[]): unknown {
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    problems.push({ file: name, message: `${name} is missing` });
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const detail = (e as Error).message;
    problems.push({ file: name, message: e instanceof SyntaxError ? `${name} is corrupt (not valid JSON: ${detail})` : `${name} is unreadable (${detail})` });
    return undefined;
  }
}

function positiveInt(value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return Number.isInteger(value) && (value as number) >= 1 ? (value as number) : undefined;
}
