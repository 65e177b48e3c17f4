// Word shape features. The tokenizer lower-cases, so "BRCA1", "Brca1" and "brca1", or "IL" and
// "il", reach the model as the same pieces, yet case is much of what tells a gene symbol from an
// ordinary word. A model trained with word shapes (config.json's biolens.wordShape, since
// session 17) takes each word's case class in its token type:
//   token_type_id = gazetteer mask + stride × class
// The classes must match the Python trainer (models/train/text.py word_shape) exactly.
import type { BertWord } from './bertWords';
import type { Gazetteer } from './gazetteer';

/** config.json's biolens.wordShape: the token-type stride of one shape class, and how many classes. */
export interface WordShapeSpec {
  stride: number;
  classes: number;
}

/** Shape classes (WORD_SHAPE_CLASSES of them). */
export const enum WordShape {
  /** No capital: "brca1", "-", "2", "β". */
  Lower = 0,
  /** A capital first and no other: "Brca1", "A". */
  Capitalised = 1,
  /** Two capitals or more and no lower-case letter: "BRCA1", "IL". */
  Capitals = 2,
  /** A capital after the first character among lower-case letters: "mRNA", "IkappaB", "cAMP". */
  Mixed = 3,
}
export const WORD_SHAPE_CLASSES = 4;

// Python's str.isupper/islower on one character are these Unicode properties (not only Lu/Ll:
// Roman numerals and circled letters count too; titlecase letters are neither).
const UPPER = /\p{Uppercase}/u;
const LOWER = /\p{Lowercase}/u;

/** The case class of a word as written (code points, as the trainer iterates them). */
export function wordShape(surface: string): WordShape {
  let capitals = 0;
  let capitalFirst = false;
  let lower = false;
  let first = true;
  for (const ch of surface) {
    if (UPPER.test(ch)) {
      capitals++;
      if (first) capitalFirst = true;
    } else if (LOWER.test(ch)) {
      lower = true;
    }
    first = false;
  }
  if (capitals === 0) return WordShape.Lower;
  if (!lower) return capitals > 1 ? WordShape.Capitals : WordShape.Capitalised;
  return capitalFirst && capitals === 1 ? WordShape.Capitalised : WordShape.Mixed;
}

/**
 * Each word's token type, as the trainer built them for a sentence: its gazetteer mask, plus its
 * shape class times the stride when the model was trained with shapes. `text` is what the words'
 * offsets point into.
 */
export function tokenTypes(text: string, words: readonly BertWord[], gazetteer: Gazetteer, shapes: WordShapeSpec | null): Int32Array {
  const types = new Int32Array(words.length);
  gazetteer.features(words, 0, words.length, types);
  if (shapes) {
    for (let w = 0; w < words.length; w++) types[w] += shapes.stride * wordShape(text.slice(words[w].start, words[w].end));
  }
  return types;
}
