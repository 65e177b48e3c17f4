// Reads and checks a model folder (transformers.js layout plus config.json's "biolens" block)
// before anything heavy loads, so a broken folder fails fast with the file it is about.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { ModelDtype, ModelInfo } from './engineApi';
import { ModelLoadError } from './errors';
import { LabelScheme, labelScheme } from './labels';

export const DEFAULT_MODEL = 'biolens-ner-mini';
const DEFAULT_MAX_LENGTH = 128;
const DEFAULT_GAZETTEER_MAX_WORDS = 6;

export interface GazetteerSpec {
  file: string;
  maxWords: number;
  /** OR of config.biolens.gazetteerBits: the only bits a token type may carry. */
  allowedBits: number;
}

export interface ModelFolder {
  info: ModelInfo;
  scheme: LabelScheme;
  onnxFile: string;
  gazetteer: GazetteerSpec | null;
}

const ONNX_FILE: Record<ModelDtype, string> = { fp32: 'model.onnx', q8: 'model_quantized.onnx' };

/** models/biolens-ner-mini of the package this code runs from (src/ under tsx, or dist/). */
export function defaultModelDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'models'))) {
      return path.join(dir, 'models', DEFAULT_MODEL);
    }
    if (path.dirname(dir) === dir) return path.resolve('models', DEFAULT_MODEL);
  }
}

export function readModelFolder(modelDir: string, dtype: ModelDtype): ModelFolder {
  const dir = path.resolve(modelDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ModelLoadError(`model folder not found: ${dir}`, dir);
  const configFile = path.join(dir, 'config.json');
  const config = readJson(configFile) as Record<string, unknown>;
  if (!config || typeof config !== 'object') throw new ModelLoadError(`bad model config ${configFile}: not a JSON object`, configFile);
  let scheme: LabelScheme;
  try {
    scheme = labelScheme(config.id2label);
  } catch (e) {
    throw new ModelLoadError(`bad model config ${configFile}: ${(e as Error).message}`, configFile);
  }
  for (const name of ['tokenizer.json', 'tokenizer_config.json']) requireFile(path.join(dir, name));
  const onnxFile = requireFile(path.join(dir, 'onnx', ONNX_FILE[dtype]));

  const biolens = (config.biolens ?? {}) as Record<string, unknown>;
  const maxLength = positiveInt(biolens.maxLength, DEFAULT_MAX_LENGTH, 'biolens.maxLength', configFile);
  if (maxLength < 3) throw new ModelLoadError(`bad model config ${configFile}: biolens.maxLength must be at least 3`, configFile);
  let gazetteer: GazetteerSpec | null = null;
  if (typeof biolens.gazetteer === 'string') {
    const bits = Object.values((biolens.gazetteerBits ?? {}) as Record<string, unknown>);
    const allowedBits = bits.reduce<number>((acc, b) => acc | (Number.isInteger(b) ? (b as number) : 0), 0);
    const typeVocab = config.type_vocab_size;
    if (typeof typeVocab === 'number' && allowedBits >= typeVocab) {
      throw new ModelLoadError(`bad model config ${configFile}: gazetteerBits ${allowedBits} exceed type_vocab_size ${typeVocab}`, configFile);
    }
    gazetteer = {
      file: requireFile(path.join(dir, biolens.gazetteer)),
      maxWords: positiveInt(biolens.gazetteerMaxWords, DEFAULT_GAZETTEER_MAX_WORDS, 'biolens.gazetteerMaxWords', configFile),
      allowedBits,
    };
  }
  const info: ModelInfo = {
    id: path.basename(dir),
    dir,
    labels: [...scheme.labels],
    entityTypes: scheme.entityTypes,
    maxLength,
    dtype,
  };
  return { info, scheme, onnxFile, gazetteer };
}

/** Parses a JSON file of the model folder, or throws a ModelLoadError naming it. */
export function readJson(file: string): unknown {
  requireFile(file);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const what = e instanceof SyntaxError ? 'corrupt' : 'cannot read';
    throw new ModelLoadError(`${what} model file ${file}: ${(e as Error).message}`, file, { cause: e });
  }
}

function requireFile(file: string): string {
  if (!existsSync(file)) throw new ModelLoadError(`model file missing: ${file}`, file);
  return file;
}

function positiveInt(value: unknown, fallback: number, name: string, file: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || (value as number) < 1) throw new ModelLoadError(`bad model config ${file}: ${name} must be a positive integer`, file);
  return value as number;
}
