// Dictionary features. The model was trained with token_type_ids carrying, per word, a bitmask
// of the entity types of gazetteer terms covering it; this must match the Python trainer
// (models/train/text.py gazetteer_features) exactly:
//   for each start word i, take only the LONGEST term (≤ maxWords words, non-zero mask)
//   starting there and OR its mask into each of its words; matches from different starts overlap.
// Keys are BERT-normalised words joined by one space (see bertWords' `norm`).

export class Gazetteer {
  /** Longest term length (in words) per first word: most words start no term, so no joins. */
  private readonly longestFrom = new Map<string, number>();

  private constructor(
    private readonly masks: Map<string, number>,
    readonly maxWords: number,
  ) {
    for (const key of masks.keys()) {
      const space = key.indexOf(' ');
      const first = space < 0 ? key : key.slice(0, space);
      let words = 1;
      for (let at = space; at >= 0; at = key.indexOf(' ', at + 1)) words++;
      if (words > (this.longestFrom.get(first) ?? 0)) this.longestFrom.set(first, words);
    }
  }

  /**
   * Parses gazetteer.tsv: `<key>\t<mask>` per line. Keeps only the bits in `allowedBits` so a
   * stray bit can never index past the model's token-type embedding.
   */
  static parse(tsv: string, maxWords: number, allowedBits = 0xffff): Gazetteer {
    const masks = new Map<string, number>();
    for (const line of tsv.split('\n')) {
      const tab = line.lastIndexOf('\t');
      if (tab <= 0) continue;
      const mask = Number.parseInt(line.slice(tab + 1), 10);
      if (Number.isNaN(mask)) continue;
      masks.set(line.slice(0, tab), mask & allowedBits); // a repeated key: the last line wins, as in the trainer
    }
    return new Gazetteer(masks, maxWords);
  }

  static empty(): Gazetteer {
    return new Gazetteer(new Map(), 0);
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
      const longest = this.longestFrom.get(words[i].norm);
      if (longest === undefined) continue;
      let key = '';
      const keys: string[] = [];
      for (let k = i; k < Math.min(to, i + Math.min(longest, this.maxWords)); k++) {
        key = k === i ? words[k].norm : key + ' ' + words[k].norm;
        keys.push(key);
      }
      for (let n = keys.length; n >= 1; n--) {
        const mask = this.masks.get(keys[n - 1]);
        if (!mask) continue; // absent, or a zero mask: the trainer tries the shorter terms
        for (let k = 0; k < n; k++) out[i - from + k] |= mask;
        break;
      }
    }
  }
}
