// Messages between the main-thread engine proxy (workerEngine.ts) and the worker (worker.ts).
import type { ModelInfo } from './engineApi';
import { EngineCrashedError, EngineDisposedError, ModelLoadError } from './errors';
import type { EntityType } from './types';

export type WorkerRequest =
  | { type: 'annotate'; id: number; texts: string[]; minScore?: number; types?: EntityType[] }
  | { type: 'countTokens'; id: number; text: string }
  | { type: 'cancel'; id: number }
  | { type: 'dispose'; id: number };

export type WorkerReply =
  | { type: 'ready'; info: ModelInfo }
  | { type: 'loadFailed'; error: SerializedError }
  | { type: 'done'; id: number; result?: unknown }
  | { type: 'failed'; id: number; error: SerializedError };

export interface SerializedError {
  name: string;
  message: string;
  file?: string;
}

export function serializeError(e: unknown): SerializedError {
  const error = e instanceof Error ? e : new Error(String(e));
  return { name: error.name, message: error.message, file: (error as ModelLoadError).file };
}

/** Rebuilds the error classes callers test for with instanceof. */
export function deserializeError(e: SerializedError): Error {
  switch (e.name) {
    case 'ModelLoadError':
      return new ModelLoadError(e.message, e.file);
    case 'EngineCrashedError':
      return new EngineCrashedError(e.message);
    case 'EngineDisposedError':
      return new EngineDisposedError();
    case 'AbortError':
      return new DOMException(e.message, 'AbortError');
    default: {
      const error = new Error(e.message);
      error.name = e.name;
      return error;
    }
  }
}
