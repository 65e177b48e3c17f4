// Test helper: a decoded span laid over a phrase of a text, as the Viterbi step would give it.
import { strict as assert } from 'node:assert';
import { bertWords } from '../../src/engine';
import type { LabelledSpan } from '../../src/engine/viterbi';

/** The span covering the words of `phrase` (its first occurrence) in `text`. */
export function spanOf(text: string, phrase: string, label: number, score = 0.9): LabelledSpan {
  const words = bertWords(text);
  const from = text.indexOf(phrase);
  const firstWord = words.findIndex((w) => w.start === from);
  const lastWord = words.findIndex((w) => w.end === from + phrase.length);
  assert.ok(from >= 0 && firstWord >= 0 && lastWord >= firstWord, phrase);
  return { firstWord, lastWord, label, score };
}
