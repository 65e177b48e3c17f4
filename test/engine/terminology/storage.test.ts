// The compiled vocabulary's storage: block-compressed line tables and the fuzzy index survive
// encoding, and protected ranges find the code and links where nothing may be rewritten.
import { strict as assert } from 'node:assert';
import { FuzzyIndex } from '../../../src/engine/terminology/fuzzyIndex';
import { BlockTable } from '../../../src/engine/terminology/blockTable';
import { normalizeTerm, protectedRanges } from '../../../src/engine/terminology';

describe('block table', () => {
  const lines = ['alpha\t1', 'beta\t2', 'gamma\t3', 'délta\t4', 'epsilon\t5'].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const table = BlockTable.decode(BlockTable.encode(lines, 2, true));

  it('gives back every line, key and value', () => {
    assert.equal(table.length, 5);
    lines.forEach((line, i) => {
      assert.equal(table.line(i), line);
      assert.equal(table.key(i), line.split('\t')[0]);
      assert.equal(table.value(i), line.split('\t')[1]);
    });
  });

  it('finds keys by binary search in byte order, including non-ASCII ones, and misses cleanly', () => {
    for (const [i, line] of lines.entries()) assert.equal(table.find(line.split('\t')[0]), i);
    assert.equal(table.find('zeta'), -1);
    assert.equal(table.find('aaa'), -1);
  });

  it('rejects a truncated file', () => {
    const bytes = BlockTable.encode(lines, 2, true);
    assert.throws(() => BlockTable.decode(bytes.subarray(0, bytes.length - 3)), /truncated/);
  });
});

describe('fuzzy index', () => {
  const names = ['myocardial infarction', 'heart attack', 'cardiac arrest', 'myocarditis', ''].map(normalizeTerm);
  const bits = Uint8Array.from([2, 2, 2, 2, 0]);
  const keyOf = (n: number) => names[n];

  it('ranks by 3-gram TF-IDF cosine and respects the threshold and type bits', () => {
    const index = FuzzyIndex.build(names, bits);
    const hits = index.search(normalizeTerm('myocardial infarctoin'), keyOf, { minScore: 0.3 });
    assert.equal(hits[0].name, 0);
    assert.ok(hits[0].score > 0.6 && hits[0].score < 1);
    assert.equal(index.search(normalizeTerm('myocardial infarctoin'), keyOf, { minScore: 0.3, typeBits: 1 }).length, 0);
    assert.deepEqual(index.search('heart attack', keyOf, { minScore: 0.99 }).map((h) => h.name), [1]);
  });

  it('survives encoding, also with the posting lists of common grams left out', () => {
    const full = FuzzyIndex.build(names, bits);
    const capped = FuzzyIndex.decode(FuzzyIndex.build(names, bits, 1).encode());
    for (const q of ['myocardial infarctoin', 'cardiac arest', 'heart atack']) {
      assert.deepEqual(capped.search(normalizeTerm(q), keyOf, { minScore: 0.5 }), full.search(normalizeTerm(q), keyOf, { minScore: 0.5 }), q);
    }
  });
});

describe('protected ranges', () => {
  const covered = (text: string) => protectedRanges(text).map((r) => text.slice(r.start, r.end));

  it('covers inline code, fenced blocks, URLs, e-mail addresses and paths', () => {
    assert.deepEqual(covered('Run `grep MI notes.txt` now.'), ['`grep MI notes.txt`']);
    assert.deepEqual(covered('Before\n```\nMI = 3\n```\nafter'), ['```\nMI = 3\n```']);
    assert.deepEqual(covered('See https://example.org/mi?x=1 and www.nhs.uk/mi.'), ['https://example.org/mi?x=1', 'www.nhs.uk/mi.']);
    assert.deepEqual(covered('Mail mi.team@example.org today'), ['mi.team@example.org']);
    assert.deepEqual(covered('Saved to /data/notes/mi.txt'), [' /data/notes/mi.txt']);
  });

  it('leaves prose alone', () => {
    assert.deepEqual(covered('Heart attack (MI) in 2019; no chest pain since.'), []);
  });
});
