// BioLens NER engine: text in, entity annotations out. No `vscode`, no LSP.
// createEngine() runs inference in a worker thread by default (see workerEngine.ts); the
// pure helpers below are exported for tests and tools.
import * as path from 'node:path';
import { checkEngineOptions, type EngineOptions, type NerEngine } from './engineApi';
import { defaultModelDir, readModelFolder } from './modelFolder';
import { NerPipeline } from './nerPipeline';
import { WorkerNerEngine } from './workerEngine';

export type { AnnotateOptions, EngineOptions, ModelDtype, ModelInfo, NerEngine } from './engineApi';
export type { Annotation, EntityType } from './types';
export { ENTITY_TYPES } from './types';
export { EngineCrashedError, EngineDisposedError, ModelLoadError } from './errors';
export { withAbbreviationMentions } from './abbreviationMentions';
export { withDocumentMentions } from './documentMentions';
export { REPEATED_NAME_MIN_SCORE, withRepeatedMentions } from './repeatedMentions';
export { alignTokens, type TokenSpan } from './alignment';
export { bertWords, type BertWord, type MappedBertWord } from './bertWords';
export { encodeSentences, type EncodedSentence } from './encodedSentences';
export { Gazetteer } from './gazetteer';
export { labelScheme, type LabelScheme } from './labels';
export { checkModelFolder, defaultModelDir, modelName, readModelFolder, type FolderCheck, type FolderProblem } from './modelFolder';
export { WINDOW_OVERLAP } from './nerPipeline';
export { paragraphs, sentences, splitSentences, type TextRange } from './sentences';
export { bioSpans, viterbi, type LabelledSpan } from './viterbi';
export { planWindows, type WindowPlan, type WordWindow } from './windows';
export { WordPieceEncoder } from './wordPieces';

/**
 * Loads the model and returns a ready engine. Rejects with ModelLoadError (naming the file)
 * when the model folder is missing, incomplete or corrupt, and with RangeError for bad options.
 */
export async function createEngine(opts: EngineOptions = {}): Promise<NerEngine> {
  checkEngineOptions(opts);
  const resolved: EngineOptions = { ...opts, modelDir: path.resolve(opts.modelDir ?? defaultModelDir()) };
  readModelFolder(resolved.modelDir!, resolved.dtype ?? 'q8'); // fail fast, before a worker starts
  return resolved.inWorker === false ? NerPipeline.load(resolved) : WorkerNerEngine.start(resolved);
}
