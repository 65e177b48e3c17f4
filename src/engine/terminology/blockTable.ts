// A table of text lines stored as small independently compressed blocks. Only the blocks a
// lookup touches are inflated (and a few kept), so the vocabulary loads without inflating or
// parsing anything and stays compressed in memory: 35 MB of concept lines cost about 7 MB.
// Tables sorted by their first tab-separated field also keep each block's first key, so a key
// is found by binary search over blocks, then within one block.
//
// Layout: "BLBT", u32 version, u32 lines, u32 lines per block, u32 blocks, u32 sorted (0/1),
// (blocks + 1) u32 block offsets into the data, [sorted: u32 bytes + first keys joined by
// "\n"], then the raw-deflated blocks, each its lines joined by "\n".
import { deflateRawSync, inflateRawSync } from 'node:zlib';

const MAGIC = 'BLBT';
const VERSION = 1;
const CACHED_BLOCKS = 64;

export class BlockTable {
  private readonly cache = new Map<number, string[]>();

  private constructor(
    private readonly data: Buffer,
    private readonly offsets: Uint32Array,
    readonly length: number,
    private readonly perBlock: number,
    private readonly firstKeys?: string[],
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
    let firstKeys: string[] | undefined;
    if (sorted) {
      const size = bytes.readUInt32LE(at);
      firstKeys = bytes.toString('utf8', at + 4, at + 4 + size).split('\n');
      at += 4 + size;
    }
    const data = bytes.subarray(at);
    if (data.length !== offsets[blocks] || (firstKeys && firstKeys.length !== blocks)) throw new Error('truncated BioLens block table');
    return new BlockTable(data, offsets, lines, perBlock, firstKeys);
  }

  line(i: number): string {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`line ${i} of ${this.length}`);
    return this.block(Math.floor(i / this.perBlock))[i % this.perBlock];
  }

  key(i: number): string {
    return keyOf(this.line(i));
  }

  value(i: number): string {
    const line = this.line(i);
    const tab = line.indexOf('\t');
    return tab < 0 ? '' : line.slice(tab + 1);
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
      if (Buffer.compare(Buffer.from(this.firstKeys[mid], 'utf8'), target) <= 0) lo = mid;
      else hi = mid - 1;
    }
    const lines = this.block(lo);
    const at = lines.findIndex((line) => keyOf(line) === key);
    return at < 0 ? -1 : lo * this.perBlock + at;
  }

  private block(b: number): string[] {
    let lines = this.cache.get(b);
    if (lines) {
      this.cache.delete(b); // re-insert: the Map's order is the eviction order
    } else {
      lines = inflateRawSync(this.data.subarray(this.offsets[b], this.offsets[b + 1])).toString('utf8').split('\n');
      if (this.cache.size >= CACHED_BLOCKS) this.cache.delete(this.cache.keys().next().value!);
    }
    this.cache.set(b, lines);
    return lines;
  }
}

function keyOf(line: string): string {
  const tab = line.indexOf('\t');
  return tab < 0 ? line : line.slice(0, tab);
}
