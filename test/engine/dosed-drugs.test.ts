// Drugs named with a dose in a medication list ("Apixaban 5 mg twice daily") are chemicals even
// where the model left the word untagged, or tagged it with little confidence; what the model
// tagged otherwise stays as it was.
import { strict as assert } from 'node:assert';
import { bertWords, Gazetteer } from '../../src/engine';
import { withDosedDrugs } from '../../src/engine/dosedDrugs';
import { spanAnnotations } from '../../src/engine/entitySpans';
import { labelScheme } from '../../src/engine/labels';
import type { LabelledSpan } from '../../src/engine/viterbi';
import { spanOf } from './spanOf';

const scheme = labelScheme({ 0: 'O', 1: 'B-Chemical', 2: 'I-Chemical', 3: 'B-Disease', 4: 'I-Disease' });
const [CHEMICAL, DISEASE] = [1, 3];
const CHEMICAL_BIT = 1;
const DISEASE_BIT = 2;
const gazetteer = Gazetteer.parse(['metformin\t1', 'sacubitril\t1', 'valsartan\t1', 'insulin\t1', 'insulin glargine\t1', 'rash\t2', 'aspirin\t1'].join('\n'), 6);

/**
 * "text@score" of every span after the rule, where the model found `phrases` (score 0.9, or the
 * third element). Log-probabilities as the model gives them: B-Chemical at 0.04, every other label
 * 0.01, so the Chemical labels' share of the entity labels is (0.04 + 0.01) / 0.07 = 0.71.
 */
function found(text: string, phrases: Array<[string, number, number?]> = [], bit = CHEMICAL_BIT): string[] {
  const words = bertWords(text);
  const spans: LabelledSpan[] = phrases.map(([phrase, label, score]) => spanOf(text, phrase, label, score));
  const emissions = new Float32Array(words.length * scheme.labels.length).fill(Math.log(0.01));
  for (let w = 0; w < words.length; w++) emissions[w * scheme.labels.length + CHEMICAL] = Math.log(0.04);
  const annotations = spanAnnotations(text, words, withDosedDrugs(text, words, spans, scheme, gazetteer, bit, emissions), scheme, {});
  for (const a of annotations) assert.equal(text.slice(a.start, a.end), a.text);
  return annotations.map((a) => `${a.text}@${a.score.toFixed(2)}`);
}

describe('drugs named with a dose', () => {
  it("finds a listed drug or a drug-stem word before an amount and a unit, scored by the model's share of the Chemical labels", () => {
    const list = 'Medications:\n- Metformin 500 mg twice daily\n- Apixaban 5 mg twice daily\n- Insulin glargine 10 units at night\n';
    assert.deepEqual(found(list), ['Metformin@0.71', 'Apixaban@0.71', 'Insulin glargine@0.71']);
    assert.deepEqual(found('She takes ramipril 2.5mg and aspirin 75 mg.'), ['ramipril@0.71', 'aspirin@0.71']);
    assert.deepEqual(found('Metformin 0,5 g; lisinopril 10 mg/day.'), ['Metformin@0.71', 'lisinopril@0.71']);
  });

  it('takes each drug of a "/" combination before one dose, keeping what the model found', () => {
    assert.deepEqual(found('- Sacubitril/valsartan 49/51 mg twice daily'), ['Sacubitril@0.71', 'valsartan@0.71']);
    assert.deepEqual(found('- Sacubitril/valsartan 49/51 mg twice daily', [['valsartan', CHEMICAL]]), ['Sacubitril@0.71', 'valsartan@0.90']);
  });

  it("raises a dosed chemical the model found with less confidence, never lowers one or changes another type's", () => {
    assert.deepEqual(found('- Metformin 500 mg twice daily', [['Metformin', CHEMICAL, 0.29]]), ['Metformin@0.71']);
    assert.deepEqual(found('- Metformin 500 mg twice daily', [['Metformin', CHEMICAL, 0.95]]), ['Metformin@0.95']);
    assert.deepEqual(found('- Metformin 500 mg twice daily', [['Metformin', DISEASE, 0.29]]), ['Metformin@0.29']);
  });

  it('adds nothing without a unit of dose, for words the gazetteer gives no chemical, or over a span', () => {
    assert.deepEqual(found('Metformin 500 patients were enrolled. Metformin in 2010.'), []);
    assert.deepEqual(found('Itchy rash 2 mg of something.'), []);
    assert.deepEqual(found('Metformin-associated lactic acidosis 5 mg', [['Metformin-associated lactic acidosis', DISEASE]]), ['Metformin-associated lactic acidosis@0.90']);
    assert.deepEqual(found('Table 5 mg doses.'), []);
  });

  it('takes a word with a drug stem for a drug without a dose too, but not an English word that ends like one', () => {
    assert.deepEqual(found('Empagliflozin reduced admissions; olaparib was considered.'), ['Empagliflozin@0.71', 'olaparib@0.71']);
    assert.deepEqual(found('Olaparib was considered.', [['Olaparib', DISEASE, 0.6]]), ['Olaparib@0.60']);
    assert.deepEqual(found('Bleeding from the left nostril.'), []);
  });

  it('adds nothing without a Chemical label; with no chemical bit, only drug stems count', () => {
    const text = 'Metformin 500 mg, apixaban 5 mg.';
    const words = bertWords(text);
    const noChemical = labelScheme({ 0: 'O', 1: 'B-Disease', 2: 'I-Disease' });
    assert.deepEqual(withDosedDrugs(text, words, [], noChemical, gazetteer, CHEMICAL_BIT, new Float32Array(words.length * 3)), []);
    assert.deepEqual(found(text, [], 0), ['apixaban@0.71']);
    assert.deepEqual(found(text, [], DISEASE_BIT), ['apixaban@0.71']);
  });
});
