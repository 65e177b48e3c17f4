// Loads the NER engine for a command. The import is lazy so that `--help` and usage errors answer
// at once, without loading onnxruntime.
import { resolve } from 'node:path';
import type { NerEngine } from '../engine';
import { CliError } from './errors';

export interface LoadOptions {
  model?: string;
  dtype?: 'fp32' | 'q8';
  threads?: number;
  cwd: string;
}

export async function loadEngine(options: LoadOptions): Promise<NerEngine> {
  // require, not import(): a dynamic import() would be left to Node's ESM resolver under tsx.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createEngine } = require('../engine') as typeof import('../engine');
  try {
    // Only the options given: an explicit `undefined` could override the engine's own defaults.
    return await createEngine({
      // A terminal command has no UI thread to keep responsive, so the worker would only add start-up time.
      inWorker: false,
      ...(options.model !== undefined && { modelDir: resolve(options.cwd, options.model) }),
      ...(options.dtype && { dtype: options.dtype }),
      ...(options.threads && { threads: options.threads }),
    });
  } catch (error) {
    if ((error as Error).name === 'ModelLoadError') throw new CliError(`cannot load model: ${(error as Error).message}`);
    throw error;
  }
}
