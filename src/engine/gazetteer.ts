// Dictionary features. The model was trained with token_type_ids carrying, per word, a bitmask
// of the entity types of gazetteer terms covering it; this must match the Python trainer
// (models/train/text.py gazetteer_features) exactly:
//   for each start word i, take only the LONGEST term (≤ maxWords words, non-zero mask)
//   starting there and OR its mask into each of its words; matches from different starts overlap.
// Keys are BERT-normalised words joined by one space (see bertWords' `norm`). A key the
// gazetteer lacks is tried again spelt the American way ("hyperkalaemia" → "hyperkalemia"),
// before any shorter key: the vocabularies spell mostly so, clinical notes often not.
import { RangeTable } from './rangeTable';
import { americanKey, americanSpelling } from './spelling';

export class Gazetteer {
  private constructor(
    /** Mask per term. */
    private readonly masks: RangeTable,
    /** Longest term length (in words) per first word: most words start no term, so no joins. */
    private readonly longestFrom: RangeTable,
    readonly maxWords: number,
  ) {}

  /**
   * Parses gazetteer.tsv: `<key>\t<mask>` per line (the mask in decimal digits; a line without
   * them is skipped). Keeps only the bits in `allowedBits` so a stray bit can never index past
   * the model's token-type embedding. The tables point into `tsv`, which they keep.
   */
  static parse(tsv: string, maxWords: number, allowedBits = 0xffff): Gazetteer {
    let lines = 1;
    for (let at = tsv.indexOf('\n'); at >= 0; at = tsv.indexOf('\n', at + 1)) lines++;
    const masks = new RangeTable(tsv, lines);
    const longestFrom = new RangeTable(tsv, lines);
    for (let start = 0; start < tsv.length; ) {
      let end = tsv.indexOf('\n', start);
      if (end < 0) end = tsv.length;
      const tab = tsv.lastIndexOf('\t', end - 1);
      const mask = tab > start ? digitsAt(tsv, tab + 1, end) : -1;
      if (mask >= 0) {
        masks.set(start, tab, mask & allowedBits); // a repeated key: the last line wins, as in the trainer
        let words = 1;
        let firstEnd = tab;
        for (let at = tsv.indexOf(' ', start); at >= 0 && at < tab; at = tsv.indexOf(' ', at + 1)) {
          if (words++ === 1) firstEnd = at;
        }
        longestFrom.set(start, firstEnd, words, Math.max);
      }
      start = end + 1;
    }
    return new Gazetteer(masks, longestFrom, maxWords);
  }

  static empty(): Gazetteer {
    return new Gazetteer(new RangeTable('', 0), new RangeTable('', 0), 0);
  }

  get size(): number {
    return this.masks.size;
  }

  /** The mask of one exact key, or 0. */
  lookup(key: string): number {
    return this.masks.get(key) ?? 0;
  }

  /**
   * Writes the feature of each word in words[from, to) to out[0, to - from); matches never
   * cross that range. The trainer computes them per sentence, and so do we.
   */
  features(words: ReadonlyArray<{ norm: string }>, from: number, to: number, out: Int32Array): void {
    out.fill(0, 0, to - from);
    if (this.masks.size === 0) return;
    for (let i = from; i < to; i++) {
      const match = this.longestTerm(words, i, to, (mask) => mask !== 0); // a zero mask: the trainer tries the shorter terms
      for (let k = 0; k < match.words; k++) out[i - from + k] |= match.mask;
    }
  }

  /**
   * The longest term starting at words[i] and ending before words[to] whose mask `accept`s, as
   * its length in words and its mask ({ words: 0, mask: 0 } when there is none).
   */
  longestTerm(words: ReadonlyArray<{ norm: string }>, i: number, to: number, accept: (mask: number) => boolean): { words: number; mask: number } {
    const first = words[i].norm;
    const americanFirst = americanSpelling(first);
    const longest = Math.max(this.longestFrom.get(first) ?? 0, americanFirst === first ? 0 : (this.longestFrom.get(americanFirst) ?? 0));
    if (longest === 0) return NO_TERM;
    // Each candidate key and its American spelling, built word by word (americanKey, without
    // splitting every key again: this runs for every word of every sentence).
    const keys: string[] = [];
    const americanKeys: string[] = [];
    const end = Math.min(to, i + Math.min(longest, this.maxWords));
    for (let k = i, key = '', american = ''; k < end; k++) {
      const word = words[k].norm;
      const americanWord = k === i ? americanFirst : americanSpelling(word);
      key = k === i ? word : key + ' ' + word;
      american = k === i ? americanWord : american + ' ' + americanWord;
      keys.push(key);
      americanKeys.push(american);
    }
    for (let n = keys.length; n >= 1; n--) {
      const mask = this.maskOf(keys[n - 1], americanKeys[n - 1], accept);
      if (mask !== undefined) return { words: n, mask };
    }
    return NO_TERM;
  }

  /** The mask of `key`, or else of its American spelling, if `accept`ed. */
  private acceptedMask(key: string, accept: (mask: number) => boolean): number | undefined {
    return this.maskOf(key, americanKey(key), accept);
  }

  private maskOf(key: string, american: string, accept: (mask: number) => boolean): number | undefined {
    const mask = this.masks.get(key);
    if (mask !== undefined && accept(mask)) return mask;
    const other = american === key ? undefined : this.masks.get(american);
    return other !== undefined && accept(other) ? other : undefined;
  }

  /** Words in the longest term of the type whose feature bit is `bit` starting at words[i], before words[to]; 0 if none (or no bit). */
  termLength(words: ReadonlyArray<{ norm: string }>, i: number, to: number, bit: number): number {
    return bit ? this.longestTerm(words, i, to, (mask) => (mask & bit) !== 0).words : 0;
  }

  /** Whether the exact `key` is a term of the type whose feature bit is `bit`. */
  hasTerm(key: string, bit: number): boolean {
    return this.acceptedMask(key, (mask) => (mask & bit) !== 0) !== undefined;
  }
}

const NO_TERM = { words: 0, mask: 0 };

/** The non-negative integer written in text[start, end) up to its first non-digit; -1 if none. */
function digitsAt(text: string, start: number, end: number): number {
  let value = -1;
  for (let k = start; k < end; k++) {
    const digit = text.charCodeAt(k) - 48;
    if (digit < 0 || digit > 9) break;
    value = (value < 0 ? 0 : value * 10) + digit;
  }
  return value;
}
