// Shared by the engine tests: the model they run against and the real-text fixtures.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { AutoTokenizer, env } from '@huggingface/transformers';
import { defaultModelDir } from '../../src/engine';

/** The bundled model. BIOLENS_TEST_MODEL_DIR points the tests at another folder of the same contract. */
export const MODEL_DIR = process.env.BIOLENS_TEST_MODEL_DIR ?? defaultModelDir();

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'engine');

/** Real sentences from the BC5CDR development set, one per entry. */
export function corpusSentences(): string[] {
  return readFileSync(path.join(FIXTURES, 'bc5cdr-sentences.txt'), 'utf8').split('\n').filter(Boolean);
}

/** Deterministic PRNG (mulberry32) so a failing fuzz case can be replayed. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The tokenizer's own BertNormalizer + BertPreTokenizer output (no offsets), via transformers.js internals. */
export async function referenceWords(): Promise<(text: string) => string[]> {
  env.allowRemoteModels = false;
  const tokenizer = await AutoTokenizer.from_pretrained(MODEL_DIR, { local_files_only: true });
  const inner = (tokenizer as unknown as { _tokenizer: { normalizer(t: string): string; pre_tokenizer(t: string): string[] } })._tokenizer;
  return (text) => (text ? inner.pre_tokenizer(inner.normalizer(text)) : []);
}
