// The engine's public contract (re-exported by index.ts). The CLI and the language server are
// written against exactly these shapes: change them only together with their callers.
import type { Annotation, EntityType } from './types';

export type ModelDtype = 'fp32' | 'q8';

export interface ModelInfo {
  /** The model folder's name, e.g. biolens-ner-mini. */
  id: string;
  /** Absolute path of the model folder. */
  dir: string;
  /** BIO labels in the model's output order, from config.json's id2label. */
  labels: string[];
  entityTypes: EntityType[];
  /** Word pieces per model input, [CLS] and [SEP] included. */
  maxLength: number;
  dtype: ModelDtype;
}

export interface AnnotateOptions {
  /** Aborting rejects the call with the signal's reason and stops its remaining inference. */
  signal?: AbortSignal;
  /** Drop entities whose score (mean label probability) is below this. */
  minScore?: number;
  /** Report only these entity types. */
  types?: EntityType[];
}

export interface NerEngine {
  readonly info: ModelInfo;
  /** Entities of `text`, sorted by start; offsets are UTF-16 units into `text`. */
  annotate(text: string, opts?: AnnotateOptions): Promise<Annotation[]>;
  /** annotate() for several texts at once (they share inference batches). */
  annotateBatch(texts: string[], opts?: AnnotateOptions): Promise<Annotation[][]>;
  /** Number of word pieces the model reads for `text` (no special tokens), for tokens/s reports. */
  countTokens(text: string): Promise<number>;
  dispose(): Promise<void>;
}

export interface EngineOptions {
  /** Model folder; default: the bundled models/biolens-ner-mini. */
  modelDir?: string;
  /** Default q8 (onnx/model_quantized.onnx); fp32 reads onnx/model.onnx. */
  dtype?: ModelDtype;
  /** ONNX Runtime intra-op threads, default 1. */
  threads?: number;
  /** Default true: run inference in a worker thread so the caller's thread never blocks. */
  inWorker?: boolean;
  /** Most model inputs (sentence windows) per inference batch, default 32; a batch also stays under 256 padded tokens (one long window may exceed it alone). */
  batchSize?: number;
}

/** Throws a RangeError for options no engine can honour (before any model loads). */
export function checkEngineOptions(opts: EngineOptions): void {
  for (const name of ['threads', 'batchSize'] as const) {
    const value = opts[name];
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
  if (opts.dtype !== undefined && opts.dtype !== 'fp32' && opts.dtype !== 'q8') throw new RangeError(`dtype must be 'fp32' or 'q8', got ${opts.dtype}`);
}
