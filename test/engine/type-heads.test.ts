// A model with type heads (config.json's biolens.typeHeads) gives, for each group of types, the
// log-probabilities of the heads of the corpora that annotate it. Each group is decoded alone
// (its own labels against "none of these": everything else), and spans of two groups that share
// a word are settled by their mean probability.
import { strict as assert } from 'node:assert';
import { labelScheme } from '../../src/engine';
import { TypeHeadDecoder } from '../../src/engine/typeHeadDecoding';

const LABELS = ['O', 'B-Chemical', 'I-Chemical', 'B-Disease', 'I-Disease', 'B-Gene', 'I-Gene'];
const scheme = labelScheme(Object.fromEntries(LABELS.map((l, i) => [String(i), l])));
const L = LABELS.length;

/**
 * Type emissions (words x groups x labels) from per-group, per-word probabilities of the named
 * labels; the labels not named share what is left.
 */
function typeEmissions(groups: Array<Array<Record<string, number>>>): Float32Array {
  const words = groups[0].length;
  const out = new Float32Array(words * groups.length * L);
  groups.forEach((rows, g) =>
    rows.forEach((row, w) => {
      const given = Object.values(row).reduce((a, b) => a + b, 0);
      const others = (1 - given) / (L - Object.keys(row).length);
      LABELS.forEach((label, y) => (out[(w * groups.length + g) * L + y] = Math.log(row[label] ?? others)));
    }),
  );
  return out;
}

/**
 * The model's whole-label log-probabilities as the exported graph makes them (`logits`): each
 * group's "none of mine" times the other groups', normalised.
 */
function productOfExperts(type: Float32Array, groups: string[][]): Float32Array {
  const G = groups.length;
  const words = type.length / (G * L);
  const out = new Float32Array(words * L);
  for (let w = 0; w < words; w++) {
    const none = groups.map((types, g) => Math.log(LABELS.reduce((sum, label, y) => (types.includes(label.slice(2)) ? sum : sum + Math.exp(type[(w * G + g) * L + y])), 0)));
    const total = none.reduce((a, b) => a + b, 0);
    const row = LABELS.map((label) => {
      const g = groups.findIndex((types) => types.includes(label.slice(2)));
      return g < 0 ? total : type[(w * G + g) * L + LABELS.indexOf(label)] - none[g] + total;
    });
    const z = Math.log(row.reduce((sum, x) => sum + Math.exp(x), 0));
    row.forEach((x, y) => (out[w * L + y] = x - z));
  }
  return out;
}

const named = (spans: ReturnType<TypeHeadDecoder['decode']>) => spans.map((s) => [s.firstWord, s.lastWord, LABELS[s.label]]);

describe('type-head decoding', () => {
  const GROUPS = [['Chemical'], ['Disease'], ['Gene']];
  const typeHeads = new TypeHeadDecoder(GROUPS, scheme);
  const decoder = { decode: (type: Float32Array, words: number) => typeHeads.decode(type, productOfExperts(type, GROUPS), words) };

  it('decodes each group from its own heads only', () => {
    // The chemical head finds word 0; the gene head word 2. Each head's other labels are noise
    // it was never taught (a BC2GM sentence's O says nothing of chemicals).
    const spans = decoder.decode(
      typeEmissions([
        [{ 'B-Chemical': 0.8 }, { O: 0.9 }, { O: 0.9 }],
        [{ O: 0.9 }, { O: 0.9 }, { O: 0.9 }],
        [{ 'B-Chemical': 0.5, 'B-Gene': 0.1 }, { O: 0.9 }, { 'B-Gene': 0.7 }],
      ]),
      3,
    );
    assert.deepEqual(named(spans), [
      [0, 0, 'B-Chemical'],
      [2, 2, 'B-Gene'],
    ]);
  });

  it('counts every label outside the group as "none of these"', () => {
    // Word 0: the gene head gives B-Gene 0.4, but O and the other types' labels 0.6 together.
    const spans = decoder.decode(
      typeEmissions([[{ O: 0.9 }], [{ O: 0.9 }], [{ 'B-Gene': 0.4, O: 0.2, 'B-Chemical': 0.2, 'B-Disease': 0.2 }]]),
      1,
    );
    assert.deepEqual(spans, []);
  });

  it('keeps the likelier of two spans that share a word, whole', () => {
    // "protein C deficiency": the disease head takes all three words, the gene head the first two.
    const spans = decoder.decode(
      typeEmissions([
        [{ O: 0.9 }, { O: 0.9 }, { O: 0.9 }],
        [{ 'B-Disease': 0.9 }, { 'I-Disease': 0.9 }, { 'I-Disease': 0.9 }],
        [{ 'B-Gene': 0.6 }, { 'I-Gene': 0.6 }, { O: 0.9 }],
      ]),
      3,
    );
    assert.deepEqual(named(spans), [[0, 2, 'B-Disease']]);
  });

  it("scores a span on the model's whole label distribution, not its group's two labels", () => {
    // The disease head is 0.9 sure of word 0, the gene head 0.6 of the same word: among all
    // labels, B-Disease keeps 0.9 x 0.4 against the rest.
    const type = typeEmissions([[{ O: 0.9 }], [{ 'B-Disease': 0.9 }], [{ 'B-Gene': 0.6 }]]);
    const full = productOfExperts(type, GROUPS);
    const [span] = typeHeads.decode(type, full, 1);
    assert.equal(LABELS[span.label], 'B-Disease');
    assert.ok(Math.abs(span.score - Math.exp(full[LABELS.indexOf('B-Disease')])) < 1e-6);
    assert.ok(span.score < 0.9 && span.score > 0.5, String(span.score));
  });

  it('returns spans in document order with BIO-valid paths', () => {
    const spans = decoder.decode(
      typeEmissions([
        [{ O: 0.9 }, { 'I-Chemical': 0.6, 'B-Chemical': 0.3 }, { O: 0.9 }, { O: 0.9 }],
        [{ O: 0.9 }, { O: 0.9 }, { O: 0.9 }, { 'B-Disease': 0.95 }],
        [{ 'B-Gene': 0.55 }, { O: 0.9 }, { O: 0.9 }, { O: 0.9 }],
      ]),
      4,
    );
    // An I-Chemical cannot open a span: the best valid path makes word 1 B-Chemical.
    assert.deepEqual(named(spans), [
      [0, 0, 'B-Gene'],
      [1, 1, 'B-Chemical'],
      [3, 3, 'B-Disease'],
    ]);
  });

  it('decodes two types of one group against each other', () => {
    const groups = [['Chemical', 'Disease'], ['Gene']];
    const type = typeEmissions([[{ 'B-Chemical': 0.3, 'B-Disease': 0.6 }], [{ O: 0.9 }]]);
    const spans = new TypeHeadDecoder(groups, scheme).decode(type, productOfExperts(type, groups), 1);
    assert.deepEqual(named(spans), [[0, 0, 'B-Disease']]);
  });
});
