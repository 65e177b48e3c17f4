// Fuzzy candidate search: cosine similarity of character 3-gram TF-IDF vectors (binary term
// frequency, smoothed IDF as in scikit-learn), the features of scispaCy's candidate generator,
// but searched exactly with an inverted index instead of approximate nearest neighbours.
// Each name carries entity-type bits so a search can keep to vocabularies that fit the mention.
//
// Speed and memory come from prefix filtering: a name that shares none of the query's rarer
// grams cannot reach the threshold (Cauchy-Schwarz bounds what the common grams can add), so
// only rare grams generate candidates and the index need not store the posting lists of the
// most common grams at all (df above POSTING_CAP). Candidates are then scored exactly from
// their own text.
//
// In memory each gram's posting list is a run of variable-length (LEB128) deltas in one byte
// array, decoded while a search walks it: about a third of the 4-byte numbers the file holds,
// and searches only ever walk lists from their start.
//
// Binary form (fuzzy.bin, gzipped on disk): "BLFZ", u32 version, u32 names, u32 grams,
// u32 stored postings, u32 gram-text bytes, gram texts joined by "\n", u8 type bits per name,
// padding to 4 bytes, f32 norm per name, u32 df per gram, u32 stored postings per gram
// (df or 0), u32 posting deltas (each gram's list ascending, the first delta from 0).
import { trigrams } from './normalize';

const MAGIC = 'BLFZ';
const VERSION = 3;
export const POSTING_CAP = 5000;
const VERIFY = 40;

export interface FuzzyHit {
  /** Number of the name (its line in names.tsv, or its place in the keys given to build()). */
  name: number;
  score: number;
}

export interface FuzzySearch {
  /** Entity-type bits a name must share; 0 = any. */
  typeBits?: number;
  limit?: number;
  minScore?: number;
}

export class FuzzyIndex {
  private readonly idf: Float32Array;
  private readonly maxIdf: number;
  private scratch?: Float32Array;

  private readonly offsets: Uint32Array;
  private readonly postings: Uint8Array;

  /** `postings` holds each gram's list (absolute name numbers) from offsets[g] to offsets[g + 1]. */
  private constructor(
    private readonly gramIds: Map<string, number>,
    private readonly df: Uint32Array,
    offsets: Uint32Array,
    postings: Uint32Array,
    private readonly typeBits: Uint8Array,
    private readonly norms: Float32Array,
  ) {
    const names = typeBits.length;
    this.idf = Float32Array.from(df, (d) => Math.log((1 + names) / (1 + d)) + 1);
    this.maxIdf = Math.log(1 + names) + 1;
    [this.offsets, this.postings] = packPostings(offsets, postings);
  }

  get size(): number {
    return this.typeBits.length;
  }

  /** Index over `keys` (normalised names; '' for none); typeBits[i] are the entity types of keys[i]. */
  static build(keys: string[], typeBits: Uint8Array, postingCap = Infinity): FuzzyIndex {
    const lists = new Map<string, number[]>();
    const gramSets = keys.map((key) => new Set(key ? trigrams(key) : []));
    gramSets.forEach((grams, n) => {
      for (const gram of grams) {
        const list = lists.get(gram);
        if (list) list.push(n);
        else lists.set(gram, [n]);
      }
    });
    const gramTexts = [...lists.keys()].sort();
    const df = Uint32Array.from(gramTexts, (g) => lists.get(g)!.length);
    const offsets = new Uint32Array(gramTexts.length + 1);
    let total = 0;
    gramTexts.forEach((g, i) => {
      offsets[i] = total;
      if (df[i] <= postingCap) total += df[i];
    });
    offsets[gramTexts.length] = total;
    const postings = new Uint32Array(total);
    gramTexts.forEach((g, i) => df[i] <= postingCap && postings.set(lists.get(g)!, offsets[i]));
    const gramIds = new Map(gramTexts.map((g, i) => [g, i]));
    const idf = (g: string) => Math.log((1 + keys.length) / (1 + df[gramIds.get(g)!])) + 1;
    const norms = Float32Array.from(gramSets, (grams) => Math.sqrt([...grams].reduce((s, g) => s + idf(g) ** 2, 0)));
    return new FuzzyIndex(gramIds, df, offsets, postings, typeBits, norms);
  }

  /**
   * Names whose cosine similarity to `key` is at least minScore, best first. `keyOf(n)` gives
   * the key of name n, to score candidates exactly.
   */
  search(key: string, keyOf: (name: number) => string, opts: FuzzySearch = {}): FuzzyHit[] {
    const { typeBits = 0, limit = 10, minScore = 0.5 } = opts;
    const query = new Map<number, number>(); // gram id → weight (idf²)
    let norm2 = 0;
    for (const gram of new Set(trigrams(key))) {
      const g = this.gramIds.get(gram);
      const idf = g === undefined ? this.maxIdf : this.idf[g];
      norm2 += idf * idf;
      if (g !== undefined) query.set(g, idf * idf);
    }
    const qn = Math.sqrt(norm2);
    const grams = [...query].sort((a, b) => b[1] - a[1]);
    // Rarest grams generate candidates until the rest could no longer lift a name to minScore.
    let rest = grams.reduce((s, [, w]) => s + w, 0);
    const scores = (this.scratch ??= new Float32Array(this.typeBits.length));
    const touched: number[] = [];
    for (const [g, w] of grams) {
      if (Math.sqrt(rest) / qn < minScore) break;
      rest -= w;
      for (let p = this.offsets[g], end = this.offsets[g + 1], n = 0; p < end; ) {
        let delta = 0;
        for (let shift = 0; ; shift += 7) {
          const byte = this.postings[p++];
          delta += (byte & 0x7f) * 2 ** shift;
          if (byte < 0x80) break;
        }
        n += delta;
        if (typeBits && !(this.typeBits[n] & typeBits)) continue;
        if (scores[n] === 0) touched.push(n);
        scores[n] += w;
      }
    }
    const bounded: FuzzyHit[] = [];
    for (const n of touched) {
      // What the remaining grams can still add is bounded by what is left of both vectors.
      const left = Math.max(0, this.norms[n] ** 2 - scores[n]);
      const upper = (scores[n] + Math.min(rest, left, Math.sqrt(rest * left))) / (qn * this.norms[n]);
      scores[n] = 0;
      if (upper >= minScore) bounded.push({ name: n, score: upper });
    }
    bounded.sort((a, b) => b.score - a.score);
    const hits: FuzzyHit[] = [];
    for (const { name } of bounded.slice(0, VERIFY)) {
      let dot = 0;
      for (const gram of new Set(trigrams(keyOf(name)))) dot += query.get(this.gramIds.get(gram) ?? -1) ?? 0;
      const score = Math.min(1, dot / (qn * this.norms[name]));
      if (score >= minScore) hits.push({ name, score });
    }
    return hits.sort((a, b) => b.score - a.score || a.name - b.name).slice(0, limit);
  }

  encode(): Buffer {
    const gramText = Buffer.from([...this.gramIds.keys()].join('\n'), 'utf8');
    const names = this.typeBits.length;
    const grams = this.gramIds.size;
    // Deltas, not numbers: the file is gzipped and small deltas compress far better.
    const lists = Array.from({ length: grams }, (_, g) => unpackDeltas(this.postings, this.offsets[g], this.offsets[g + 1]));
    const deltas = Uint32Array.from(lists.flat());
    const stored = Uint32Array.from(lists, (list) => list.length);
    const header = Buffer.alloc(24);
    header.write(MAGIC, 0, 'ascii');
    [VERSION, names, grams, deltas.length, gramText.length].forEach((v, i) => header.writeUInt32LE(v, 4 + i * 4));
    const bytes = (a: Uint32Array | Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const padding = Buffer.alloc((4 - ((24 + gramText.length + names) % 4)) % 4);
    return Buffer.concat([header, gramText, Buffer.from(this.typeBits), padding, bytes(this.norms), bytes(this.df), bytes(stored), bytes(deltas)]);
  }

  static decode(bytes: Buffer): FuzzyIndex {
    if (bytes.toString('ascii', 0, 4) !== MAGIC || bytes.readUInt32LE(4) !== VERSION) throw new Error('not a BioLens fuzzy index (or another version)');
    const [names, grams, total, gramBytes] = [8, 12, 16, 20].map((at) => bytes.readUInt32LE(at));
    let at = 24;
    const gramTexts = grams ? bytes.toString('utf8', at, (at += gramBytes)).split('\n') : [];
    const typeBits = new Uint8Array(bytes.subarray(at, (at += names)));
    at += (4 - (at % 4)) % 4;
    if (bytes.length !== at + 4 * (names + 2 * grams + total) || gramTexts.length !== grams) throw new Error('corrupt BioLens fuzzy index');
    // Copies of the small arrays, so the file's bytes can go once the postings are packed.
    const take = (count: number) => {
      const start = bytes.byteOffset + at;
      at += 4 * count;
      return new Uint32Array(bytes.buffer.slice(start, start + 4 * count));
    };
    const norms = new Float32Array(take(names).buffer);
    const df = take(grams);
    const stored = take(grams);
    // The postings are read in place where aligned (a fresh gunzip result is) and packed by the constructor.
    const start = bytes.byteOffset + at;
    const postings = start % 4 === 0 ? new Uint32Array(bytes.buffer, start, total) : new Uint32Array(bytes.buffer.slice(start, start + 4 * total));
    const offsets = new Uint32Array(grams + 1);
    for (let g = 0, p = 0; g < grams; g++) {
      offsets[g] = p;
      for (let end = p + stored[g], value = 0; p < end; p++) postings[p] = value += postings[p];
      offsets[g + 1] = p;
    }
    return new FuzzyIndex(new Map(gramTexts.map((g, i) => [g, i])), df, offsets, postings, typeBits, norms);
  }
}

/** Lists of ascending name numbers → one byte array of LEB128 deltas, with byte offsets per list. */
function packPostings(offsets: Uint32Array, postings: Uint32Array): [Uint32Array, Uint8Array] {
  const lists = offsets.length - 1;
  let bytes = 0;
  for (let g = 0; g < lists; g++) {
    for (let p = offsets[g]; p < offsets[g + 1]; p++) bytes += varintLength(postings[p] - (p > offsets[g] ? postings[p - 1] : 0));
  }
  const packed = new Uint8Array(bytes);
  const byteOffsets = new Uint32Array(lists + 1);
  let at = 0;
  for (let g = 0; g < lists; g++) {
    byteOffsets[g] = at;
    for (let p = offsets[g]; p < offsets[g + 1]; p++) {
      let delta = postings[p] - (p > offsets[g] ? postings[p - 1] : 0);
      while (delta >= 0x80) {
        packed[at++] = (delta & 0x7f) | 0x80;
        delta = Math.floor(delta / 0x80);
      }
      packed[at++] = delta;
    }
  }
  byteOffsets[lists] = at;
  return [byteOffsets, packed];
}

function unpackDeltas(packed: Uint8Array, from: number, to: number): number[] {
  const deltas: number[] = [];
  for (let p = from; p < to; ) {
    let delta = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = packed[p++];
      delta += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    deltas.push(delta);
  }
  return deltas;
}

function varintLength(value: number): number {
  let length = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 0x80);
    length++;
  }
  return length;
}
