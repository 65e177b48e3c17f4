// Runs an engine over gold documents and scores it: the report `biolens eval --json` prints.
import { annotateThrough, type Enrich } from '../annotateThrough';
import type { NerEngine } from '../engineApi';
import type { Annotation, EntityType } from '../types';
import type { Document } from '../formats/document';
import type { Scores } from './metrics';
import { goldTypes, scoreCorpus } from './score';

/** Fractions in 0..1. `micro`/`byType` are strict (exact start, end and type) scores. */
export interface EvalReport extends Scores {
  lenient: Scores;
  documents: number;
  /** Model tokens (the engine's tokenizer) per second of annotation time, rounded. */
  tokensPerSecond: number;
  /**
   * The predicted annotations, one list per gold document, when `keepPredictions` was asked for
   * (e.g. to score linking on them). Not part of the `biolens eval --json` report.
   */
  predictions?: Annotation[][];
}

/** The part of a NerEngine that evaluation uses (tests may pass a stand-in). */
export type AnnotatingEngine = Pick<NerEngine, 'annotateBatch' | 'countTokens'>;

export interface EvaluateOptions {
  /** Score only these types; default: the types present in the gold documents. */
  types?: EntityType[];
  minScore?: number;
  /** Documents per annotateBatch call; progress is reported after each. */
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Return the predictions in `report.predictions` too. */
  keepPredictions?: boolean;
  /**
   * What the user gets after the model (the terminology layer's enrich()): scored instead of the
   * model's output. The model is then asked for every type, because enrich() may retype a
   * mention, and the scored types are kept after it.
   */
  enrich?: Enrich;
}

export async function evaluate(engine: AnnotatingEngine, documents: Document[], options: EvaluateOptions = {}): Promise<EvalReport> {
  const types = options.types ?? goldTypes(documents);
  const batchSize = options.batchSize ?? 16;
  const predictions: Annotation[][] = [];
  const started = performance.now();
  for (let i = 0; i < documents.length; i += batchSize) {
    const texts = documents.slice(i, i + batchSize).map((d) => d.text);
    predictions.push(...(await annotateThrough(engine, texts, { types, minScore: options.minScore, signal: options.signal }, options.enrich)));
    options.onProgress?.(Math.min(i + batchSize, documents.length), documents.length);
  }
  const seconds = (performance.now() - started) / 1000;
  // Counted after the clock stops: tokenising again is not part of the annotation time.
  let tokens = 0;
  for (const d of documents) tokens += await engine.countTokens(d.text);

  const { strict, lenient } = scoreCorpus(documents, predictions, types);
  return {
    micro: strict.micro,
    byType: strict.byType,
    lenient,
    documents: documents.length,
    tokensPerSecond: seconds > 0 ? Math.round(tokens / seconds) : 0,
    ...(options.keepPredictions && { predictions }),
  };
}
