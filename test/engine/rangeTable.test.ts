// RangeTable replaces a Map<string, number> for the gazetteer: it must answer exactly as that Map
// would, for keys that are ranges of one source string, whatever the collisions.
import { strict as assert } from 'node:assert';
import { RangeTable } from '../../src/engine/rangeTable';

describe('RangeTable', () => {
  it('finds each key by its text and nothing else', () => {
    const source = 'aspirin|breast cancer|IL-6|Zu\u0308rich|\u{1F9EC} dna';
    const table = new RangeTable(source, 8);
    let at = 0;
    source.split('|').forEach((key, i) => {
      table.set(at, at + key.length, i + 1);
      at += key.length + 1;
    });
    assert.equal(table.size, 5);
    assert.equal(table.get('aspirin'), 1);
    assert.equal(table.get('breast cancer'), 2);
    assert.equal(table.get('Zu\u0308rich'), 4);
    assert.equal(table.get('\u{1F9EC} dna'), 5);
    for (const absent of ['', 'aspirin|', 'breast', 'il-6', 'Zürich', 'aspirin ']) assert.equal(table.get(absent), undefined, absent);
  });

  it('overwrites a repeated key, or merges it when asked', () => {
    const source = 'lithium lithium';
    const last = new RangeTable(source, 2);
    last.set(0, 7, 1);
    last.set(8, 15, 4);
    assert.equal(last.get('lithium'), 4);
    assert.equal(last.size, 1);
    const max = new RangeTable(source, 2);
    max.set(0, 7, 5, Math.max);
    max.set(8, 15, 3, Math.max);
    assert.equal(max.get('lithium'), 5);
  });

  it('agrees with a Map on 20,000 random keys (many collisions in the probe sequence)', () => {
    let seed = 7;
    const random = () => ((seed = Math.imul(seed, 48271) % 0x7fffffff) & 0xffff) / 0x10000;
    const alphabet = 'ab c\u03b1\u00e9';
    const keys: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      let key = '';
      for (let n = 1 + Math.floor(random() * 6); n > 0; n--) key += alphabet[Math.floor(random() * alphabet.length)];
      keys.push(key);
    }
    const source = keys.join('\n');
    const table = new RangeTable(source, keys.length);
    const map = new Map<string, number>();
    let at = 0;
    keys.forEach((key, i) => {
      table.set(at, at + key.length, i);
      map.set(key, i);
      at += key.length + 1;
    });
    assert.equal(table.size, map.size);
    for (const [key, value] of map) assert.equal(table.get(key), value, key);
    for (const probe of ['zzz', 'abcabcabc', '\u03b1\u03b1\u03b1\u03b1\u03b1\u03b1\u03b1']) assert.equal(table.get(probe), map.get(probe));
  });

  it('refuses more keys than its capacity instead of looping', () => {
    const table = new RangeTable('abc', 2);
    table.set(0, 1, 1);
    table.set(1, 2, 1);
    assert.throws(() => table.set(2, 3, 1), /capacity/);
  });

  it('is usable empty', () => {
    assert.equal(new RangeTable('', 0).get('anything'), undefined);
  });
});
