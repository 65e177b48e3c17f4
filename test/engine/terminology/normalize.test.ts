// Normalisation decides which spellings find the same name: the vocabulary compiler and the
// linker share it, so these cases hold for both.
import { strict as assert } from 'node:assert';
import { normalizeTerm, termKeys, unorderedKey } from '../../../src/engine/terminology';

/** Every pair [written, also written] must give the same key. */
function sameKeys(pairs: [string, string][]): void {
  for (const [a, b] of pairs) assert.equal(normalizeTerm(a), normalizeTerm(b), `${a} ~ ${b}`);
}

describe('term normalisation', () => {
  it('folds case, punctuation and spacing', () => {
    sameKeys([['Myocardial Infarction', 'myocardial  infarction'], ['non-small-cell lung cancer', 'non small cell lung cancer']]);
    sameKeys([['Parkinson disease', "Parkinson's disease"], ['Alzheimer disease', 'Alzheimer’s Disease']]);
  });

  it('folds regular plurals but keeps the final S of acronyms', () => {
    sameKeys([['heart attacks', 'heart attack'], ['therapies', 'therapy'], ['viruses', 'virus'], ['diseases', 'disease']]);
    assert.equal(normalizeTerm('AIDS'), 'aids');
    assert.notEqual(normalizeTerm('AIDS'), normalizeTerm('aid'));
  });

  it('spells Greek letters out, so α-synuclein and alpha-synuclein meet', () => {
    sameKeys([['α-synuclein', 'alpha-synuclein'], ['TNF-α', 'TNF alpha'], ['β-blockers', 'beta blockers'], ['µg', 'μg']]);
  });

  it('splits letters from digits and turns Roman numerals into numbers', () => {
    sameKeys([['IL6', 'IL-6'], ['CYP2D6', 'CYP 2D6'], ['type II diabetes', 'type 2 diabetes'], ['factor VIII deficiency', 'factor 8 deficiency']]);
  });

  it('reads British spellings as American ones', () => {
    sameKeys([['haemorrhage', 'hemorrhage'], ['oedema', 'edema'], ['hypokalaemia', 'hypokalemia'], ['tumours', 'tumors'], ['oesophagitis', 'esophagitis']]);
  });

  it('drops accents', () => {
    sameKeys([['Sjögren syndrome', 'Sjogren syndrome'], ['Ménière disease', 'Meniere disease']]);
  });

  it('also keys a hyphenated word closed up, so anti-bacterial finds antibacterial', () => {
    assert.deepEqual(termKeys('Anti-Bacterial Agents'), ['anti bacterial agent', 'antibacterial agent']);
    assert.deepEqual(termKeys('heart attack'), ['heart attack']);
  });

  it('keys inverted headings by their words in any order', () => {
    assert.equal(unorderedKey(normalizeTerm('chronic kidney failure')), unorderedKey(normalizeTerm('Kidney Failure, Chronic')));
  });

  it('gives an empty key for text without letters or digits', () => {
    assert.equal(normalizeTerm(' -- '), '');
    assert.deepEqual(termKeys('()'), []);
  });
});
