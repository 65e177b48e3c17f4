// A table of text lines stored as small independently compressed blocks. Only the blocks a
// lookup touches are inflated (and a few kept), so the vocabulary loads without inflating or
// parsing anything and stays compressed in memory: 35 MB of concept lines cost about 7 MB.
// Tables sorted by their first tab-separated field also keep each block's first key, so a key
// is found by binary search over blocks, then within one block.
// Inflated blocks are kept as bytes, and only the line asked for becomes a string: cached
// blocks then live outside the JavaScript heap, and the strings a lookup makes die young.
// Caching every block's lines as strings made each cache entry survive garbage collections,
// which grew V8's young generation to its maximum (about 30 MB of resident memory).
//
// Layout: "BLBT", u32 version, u32 lines, u32 lines per block, u32 blocks, u32 sorted (0/1),
// (blocks + 1) u32 block offsets into the data, [sorted: u32 bytes + first keys joined by
// "\n"], then the raw-deflated blocks, each its lines joined by "\n".
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const MAGIC = 'BLBT';
const VERSION = 1;
const CACHED_BLOCKS = 256;
const NEWLINE = 0x0a;
const TAB = 0x09;

export class BlockTable {
  /** Inflated blocks, least recently used first; each with the start of every line in it. */
  private readonly cache = new Map<number, { bytes: Buffer; starts: Uint32Array }>();

  private constructor(
    private readonly data: Buffer,
    private readonly offsets: Uint32Array,
    readonly length: number,
    private readonly perBlock: number,
    /** Each block's first key as UTF-8 bytes (views into the file): compared without allocating. */
    private readonly firstKeys?: Buffer[],
  ) {}

  static encode(lines: string[], perBlock: number, sorted: boolean): Buffer {
    const blocks: Buffer[] = [];
    for (let i = 0; i < lines.length; i += perBlock) blocks.push(deflateRawSync(lines.slice(i, i + perBlock).join('\n'), { level: 9 }));
    const header = Buffer.alloc(24 + 4 * (blocks.length + 1));
    header.write(MAGIC, 0, 'ascii');
    [VERSION, lines.length, perBlock, blocks.length, sorted ? 1 : 0].forEach((v, i) => header.writeUInt32LE(v, 4 + 4 * i));
    let offset = 0;
    blocks.forEach((b, i) => {
      header.writeUInt32LE(offset, 24 + 4 * i);
      offset += b.length;
    });
    header.writeUInt32LE(offset, 24 + 4 * blocks.length);
    const parts = [header];
    if (sorted) {
      const keys = Buffer.from(blocks.map((_, b) => keyOf(lines[b * perBlock])).join('\n'), 'utf8');
      const size = Buffer.alloc(4);
      size.writeUInt32LE(keys.length);
      parts.push(size, keys);
    }
    return Buffer.concat([...parts, ...blocks]);
  }

  static decode(bytes: Buffer): BlockTable {
    if (bytes.toString('ascii', 0, 4) !== MAGIC || bytes.readUInt32LE(4) !== VERSION) throw new Error('not a BioLens block table (or another version)');
    const [lines, perBlock, blocks, sorted] = [8, 12, 16, 20].map((at) => bytes.readUInt32LE(at));
    const offsets = new Uint32Array(blocks + 1);
    for (let i = 0; i <= blocks; i++) offsets[i] = bytes.readUInt32LE(24 + 4 * i);
    let at = 24 + 4 * (blocks + 1);
    let firstKeys: Buffer[] | undefined;
    if (sorted) {
      const size = bytes.readUInt32LE(at);
      firstKeys = splitBytes(bytes.subarray(at + 4, at + 4 + size), 0x0a);
      at += 4 + size;
    }
    const data = bytes.subarray(at);
    if (data.length !== offsets[blocks] || (firstKeys && firstKeys.length !== blocks)) throw new Error('truncated BioLens block table');
    return new BlockTable(data, offsets, lines, perBlock, firstKeys);
  }

  line(i: number): string {
    const [bytes, start, end] = this.locate(i);
    return bytes.toString('utf8', start, end);
  }

  key(i: number): string {
    const [bytes, start, end] = this.locate(i);
    const tab = bytes.indexOf(TAB, start);
    return bytes.toString('utf8', start, tab < 0 || tab > end ? end : tab);
  }

  value(i: number): string {
    const [bytes, start, end] = this.locate(i);
    const tab = bytes.indexOf(TAB, start);
    return tab < 0 || tab > end ? '' : bytes.toString('utf8', tab + 1, end);
  }

  /** Line number whose first field is `key` (sorted tables only, byte order), or -1. */
  find(key: string): number {
    if (!this.firstKeys) throw new Error('find() needs a sorted table');
    const target = Buffer.from(key, 'utf8');
    // The last block whose first key is <= key.
    let lo = 0;
    let hi = this.firstKeys.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (Buffer.compare(this.firstKeys[mid], target) <= 0) lo = mid;
      else hi = mid - 1;
    }
    const { bytes, starts } = this.block(lo);
    for (let k = 0; k < starts.length; k++) {
      const start = starts[k];
      const end = start + target.length;
      if (end > bytes.length) continue;
      const next = end < bytes.length ? bytes[end] : NEWLINE;
      if ((next === TAB || next === NEWLINE) && bytes.compare(target, 0, target.length, start, end) === 0) return lo * this.perBlock + k;
    }
    return -1;
  }

  /** The block bytes holding line i, and where the line starts and ends in them. */
  private locate(i: number): [Buffer, number, number] {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`line ${i} of ${this.length}`);
    const { bytes, starts } = this.block(Math.floor(i / this.perBlock));
    const k = i % this.perBlock;
    return [bytes, starts[k], k + 1 < starts.length ? starts[k + 1] - 1 : bytes.length];
  }

  private block(b: number): { bytes: Buffer; starts: Uint32Array } {
    let block = this.cache.get(b);
    if (block) {
      this.cache.delete(b); // re-insert: the Map's order is the eviction order
    } else {
      const inflated = inflateRawSync(this.data.subarray(this.offsets[b], this.offsets[b + 1]));
      // Its own exact-size copy: the inflated result is a view into zlib's larger output chunk.
      const bytes = Buffer.allocUnsafeSlow(inflated.length);
      inflated.copy(bytes);
      block = { bytes, starts: lineStarts(bytes) };
      if (this.cache.size >= CACHED_BLOCKS) this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(b, block);
    return block;
  }
}

function lineStarts(bytes: Buffer): Uint32Array {
  const starts = [0];
  for (let at = bytes.indexOf(NEWLINE); at >= 0; at = bytes.indexOf(NEWLINE, at + 1)) starts.push(at + 1);
  return Uint32Array.from(starts);
}

/** `bytes` cut at every `separator` byte; the parts are views, not copies. */
function splitBytes(bytes: Buffer, separator: number): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = bytes.indexOf(separator); at >= 0; at = bytes.indexOf(separator, start)) {
    parts.push(bytes.subarray(start, at));
    start = at + 1;
  }
  parts.push(bytes.subarray(start));
  return parts;
}

function keyOf(line: string): string {
  const tab = line.indexOf('\t');
  return tab < 0 ? line : line.slice(0, tab);
}
