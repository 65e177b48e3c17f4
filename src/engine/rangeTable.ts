// A read-only map from strings to small ints whose keys are ranges of one big source string
// (the gazetteer file as read). Held as typed arrays: 276k gazetteer terms in a JS Map cost
// ~80 MB and ~0.5 s to build (a string and a hash-table entry per term); here they cost the
// source text plus 16 bytes per key, and building is one pass over the text.
//
// Open addressing with linear probing, FNV-1a over UTF-16 code units, so a lookup hashes the
// key string and compares it against the source in place, without slicing anything.

const EMPTY = -1;

export class RangeTable {
  private readonly slots: Int32Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly values: Int32Array;
  private count = 0;

  /** `capacity`: the most keys that will be set; the slot array is kept at most half full. */
  constructor(
    private readonly source: string,
    capacity: number,
  ) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /**
   * Sets the value of the key source[start, end), combining it with the value the key already
   * has through `merge` (default: the new value wins).
   */
  set(start: number, end: number, value: number, merge?: (old: number, value: number) => number): void {
    const mask = this.slots.length - 1;
    for (let slot = hashRange(this.source, start, end) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === EMPTY) {
        if (this.count === this.values.length) throw new RangeError('RangeTable: more keys than its capacity');
        this.starts[this.count] = start;
        this.ends[this.count] = end;
        this.values[this.count] = value;
        this.slots[slot] = this.count++;
        return;
      }
      if (this.rangeEquals(entry, this.source, start, end)) {
        this.values[entry] = merge ? merge(this.values[entry], value) : value;
        return;
      }
    }
  }

  /** The value of `key`, or undefined. */
  get(key: string): number | undefined {
    const mask = this.slots.length - 1;
    for (let slot = hashRange(key, 0, key.length) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === EMPTY) return undefined;
      if (this.rangeEquals(entry, key, 0, key.length)) return this.values[entry];
    }
  }

  private rangeEquals(entry: number, text: string, start: number, end: number): boolean {
    const from = this.starts[entry];
    if (this.ends[entry] - from !== end - start) return false;
    for (let k = 0; k < end - start; k++) {
      if (this.source.charCodeAt(from + k) !== text.charCodeAt(start + k)) return false;
    }
    return true;
  }
}

function hashRange(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let k = start; k < end; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
  return hash >>> 0;
}
