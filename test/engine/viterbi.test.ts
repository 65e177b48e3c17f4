// BIO-constrained decoding: whatever the model's scores, the label path never has an I-X that
// does not follow B-X or I-X, and spans come out with the mean probability of their labels.
import { strict as assert } from 'node:assert';
import { bioSpans, labelScheme, viterbi } from '../../src/engine';
import { seededRandom } from './testModel';

const LABELS = ['O', 'B-Chemical', 'I-Chemical', 'B-Disease', 'I-Disease', 'B-Gene', 'I-Gene', 'B-Species', 'I-Species', 'B-CellLine', 'I-CellLine', 'B-CellType', 'I-CellType'];
const scheme = labelScheme(Object.fromEntries(LABELS.map((l, i) => [String(i), l])));
const L = LABELS.length;

/** Per-word log-probabilities from per-word probability rows over the named labels (rest share what is left). */
function emissionsOf(rows: Array<Record<string, number>>): Float32Array {
  const out = new Float32Array(rows.length * L);
  rows.forEach((row, w) => {
    const given = Object.values(row).reduce((a, b) => a + b, 0);
    const others = (1 - given) / (L - Object.keys(row).length);
    LABELS.forEach((label, y) => (out[w * L + y] = Math.log(row[label] ?? others)));
  });
  return out;
}

const decode = (emissions: Float32Array) => [...viterbi(emissions, emissions.length / L, scheme)].map((y) => LABELS[y]);

function assertValidBio(path: string[]): void {
  path.forEach((label, w) => {
    if (!label.startsWith('I-')) return;
    const previous = path[w - 1];
    assert.ok(previous === 'B-' + label.slice(2) || previous === label, `${previous ?? '<start>'} -> ${label} at ${w}`);
  });
}

describe('BIO-constrained Viterbi', () => {
  it('reads the label set from id2label, in index order', () => {
    const reversed = labelScheme({ 1: 'B-Disease', 0: 'O', 2: 'I-Disease' });
    assert.deepEqual(reversed.labels, ['O', 'B-Disease', 'I-Disease']);
    assert.deepEqual(reversed.entityTypes, ['Disease']);
  });

  it('rejects label sets that are not BIO', () => {
    assert.throws(() => labelScheme({ 0: 'O', 1: 'E-Gene' }), /neither 'O' nor B-\/I-/);
    assert.throws(() => labelScheme({ 0: 'O', 2: 'B-Gene' }), /label index/);
    assert.throws(() => labelScheme(undefined), /no id2label/);
  });

  it('never starts a sentence with I-X', () => {
    const path = decode(emissionsOf([{ 'I-Disease': 0.6, 'B-Disease': 0.3 }, { 'I-Disease': 0.9 }]));
    assert.deepEqual(path, ['B-Disease', 'I-Disease']);
  });

  it('repairs O I-X and B-X I-Y instead of taking the arg-max per word', () => {
    assert.deepEqual(decode(emissionsOf([{ O: 0.9 }, { 'I-Chemical': 0.5, O: 0.45 }])), ['O', 'O']);
    assert.deepEqual(
      decode(emissionsOf([{ 'B-Chemical': 0.9 }, { 'I-Disease': 0.5, 'I-Chemical': 0.45 }])),
      ['B-Chemical', 'I-Chemical'],
    );
  });

  it('produces only valid transitions on 2,000 random score matrices', () => {
    const random = seededRandom(42);
    for (let trial = 0; trial < 2000; trial++) {
      const words = 1 + Math.floor(random() * 30);
      const emissions = new Float32Array(words * L);
      // Peaky random scores favour I- labels so that invalid arg-max paths are common.
      for (let k = 0; k < emissions.length; k++) emissions[k] = -random() * 8 + (LABELS[k % L].startsWith('I-') ? 3 : 0);
      assertValidBio(decode(emissions));
    }
  });

  it('groups a path into spans scored by the mean probability of their labels', () => {
    const emissions = emissionsOf([{ 'B-Chemical': 0.9 }, { O: 0.8 }, { 'B-Disease': 0.7 }, { 'I-Disease': 0.5 }, { 'B-Disease': 0.6 }]);
    const path = viterbi(emissions, 5, scheme);
    const spans = bioSpans(path, emissions, scheme).map((s) => ({ ...s, label: LABELS[s.label], score: Number(s.score.toFixed(4)) }));
    assert.deepEqual(spans, [
      { firstWord: 0, lastWord: 0, label: 'B-Chemical', score: 0.9 },
      { firstWord: 2, lastWord: 3, label: 'B-Disease', score: 0.6 },
      { firstWord: 4, lastWord: 4, label: 'B-Disease', score: 0.6 },
    ]);
  });

  it('decodes an empty sentence to nothing', () => {
    assert.equal(viterbi(new Float32Array(0), 0, scheme).length, 0);
  });
});
