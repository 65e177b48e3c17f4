// Gazetteer features must equal the trainer's (models/train/text.py gazetteer_features):
// per start word only the longest term with a non-zero mask; masks from different starts OR;
// a key listed twice keeps its last mask.
import { strict as assert } from 'node:assert';
import { bertWords, Gazetteer } from '../../src/engine';

const CHEMICAL = 1;
const DISEASE = 2;
const GENE = 4;
const SPECIES = 8;

function features(gazetteer: Gazetteer, text: string): number[] {
  const words = bertWords(text);
  const out = new Int32Array(words.length);
  gazetteer.features(words, 0, words.length, out);
  return [...out];
}

const TSV = [
  `breast cancer\t${DISEASE}`,
  `breast cancer type 1\t${GENE}`,
  `cancer\t${DISEASE}`,
  `cancer type\t${CHEMICAL}`,
  `type 1 susceptibility protein\t${GENE}`,
  `lithium carbonate\t${CHEMICAL}`,
  `lithium\t${CHEMICAL}`,
  `mouse\t${SPECIES}`,
  `zero mask term\t0`,
  `zero\t${DISEASE}`,
  `ibuprofen\t${CHEMICAL | DISEASE}`,
  `ibuprofen\t${GENE}`,
  `not a line`,
  `il - 6\t${GENE}`,
  `zurich\t${SPECIES}`,
  `hyperkalemia\t${DISEASE}`,
  `pitting edema\t${DISEASE}`,
  `edema\t${DISEASE}`,
  `anaemia\t${CHEMICAL}`,
  `anemia\t${DISEASE}`,
  `aerosol\t${CHEMICAL}`,
  '',
].join('\r\n');

describe('gazetteer features', () => {
  const gazetteer = Gazetteer.parse(TSV, 6);

  it('marks a single-word term', () => {
    assert.deepEqual(features(gazetteer, 'A mouse ran'), [0, SPECIES, 0]);
  });

  it('takes only the longest term from a start word', () => {
    // At "lithium" the longest term is "lithium carbonate"; "lithium" alone adds nothing more.
    assert.deepEqual(features(gazetteer, 'Lithium carbonate toxicity'), [CHEMICAL, CHEMICAL, 0]);
    // At "breast" the longest is "breast cancer type 1" (GENE), so "breast cancer" (DISEASE) is not used.
    assert.deepEqual(features(gazetteer, 'breast cancer type 1 mutations'), [GENE, GENE | CHEMICAL, GENE | CHEMICAL, GENE, 0]);
  });

  it('ORs overlapping matches from different starts', () => {
    // From "cancer" the longest is "cancer type" (CHEMICAL), ORed into words of the GENE match above;
    // from "type", "type 1 susceptibility protein" (GENE) reaches past it.
    assert.deepEqual(features(gazetteer, 'breast cancer type 1 susceptibility protein'), [GENE, GENE | CHEMICAL, GENE | CHEMICAL, GENE, GENE, GENE]);
    assert.deepEqual(features(gazetteer, 'breast cancer patients'), [DISEASE, DISEASE, 0]);
  });

  it('matches multi-word terms on normalised words: case, accents and punctuation', () => {
    assert.deepEqual(features(gazetteer, 'IL-6 in Zu\u0308rich'), [GENE, GENE, GENE, 0, SPECIES]);
  });

  it('skips a zero mask and falls back to a shorter term, like the trainer', () => {
    assert.deepEqual(features(gazetteer, 'zero mask term'), [DISEASE, 0, 0]);
  });

  it('keeps the last line of a repeated key, like the trainer, and ignores malformed lines', () => {
    assert.equal(gazetteer.lookup('ibuprofen'), GENE);
    assert.equal(gazetteer.lookup('not a line'), 0);
    assert.equal(gazetteer.size, 19);
  });

  it('tries a missing key again spelt the American way, like the trainer', () => {
    assert.deepEqual(features(gazetteer, 'Mild hyperkalaemia, trace pitting oedema'), [0, DISEASE, 0, 0, DISEASE, DISEASE]);
    // A key the gazetteer has as written keeps its own mask; "aerosol" is not looked up as "erosol".
    assert.deepEqual(features(gazetteer, 'anaemia after aerosol'), [CHEMICAL, 0, CHEMICAL]);
    assert.equal(gazetteer.hasTerm('hyperkalaemia', DISEASE), true);
    assert.equal(gazetteer.termLength(bertWords('pitting oedema'), 0, 2, DISEASE), 2);
  });

  it('never matches a term longer than maxWords', () => {
    const short = Gazetteer.parse(TSV, 2);
    assert.deepEqual(features(short, 'breast cancer type 1'), [DISEASE, DISEASE | CHEMICAL, CHEMICAL, 0]);
  });

  it('keeps only the bits the model knows', () => {
    const masked = Gazetteer.parse(`mouse\t${SPECIES | 16}\ncancer\t32`, 6, CHEMICAL | DISEASE | GENE | SPECIES);
    assert.equal(masked.lookup('mouse'), SPECIES);
    assert.equal(masked.lookup('cancer'), 0);
  });

  it('does not match across the end of the range it is given', () => {
    const words = bertWords('lithium carbonate');
    const out = new Int32Array(1);
    gazetteer.features(words, 0, 1, out);
    assert.deepEqual([...out], [CHEMICAL]);
  });
});
