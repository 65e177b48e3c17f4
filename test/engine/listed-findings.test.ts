// Findings a clinical note lists after a negation that opens a clause ("Denies haemoptysis,
// night sweats or weight loss.") or after a complaint ("c/o SOB and productive cough") are
// diseases even where the model left them untagged.
import { strict as assert } from 'node:assert';
import { bertWords, createEngine, Gazetteer, type NerEngine } from '../../src/engine';
import { spanAnnotations } from '../../src/engine/entitySpans';
import { labelScheme } from '../../src/engine/labels';
import { withListedFindings } from '../../src/engine/listedFindings';
import type { LabelledSpan } from '../../src/engine/viterbi';
import { spanOf } from './spanOf';
import { MODEL_DIR } from './testModel';

const scheme = labelScheme({ 0: 'O', 1: 'B-Chemical', 2: 'I-Chemical', 3: 'B-Disease', 4: 'I-Disease' });
const DISEASE = 3;
const DISEASE_BIT = 2;
const gazetteer = Gazetteer.parse(['haemoptysis\t2', 'hemoptysis\t2', 'night sweats\t2', 'weight loss\t2', 'fever\t2', 'chest pain\t2', 'syncope\t2', 'palpitations\t2', 'productive cough\t2', 'breathlessness\t2', 'severe asthma\t2', 'asthma\t2', 'blood pressure\t0', 'aspirin\t1'].join('\n'), 6);

/**
 * "text@score" of every span after the rule, where the model found `phrases` (as Disease, 0.9).
 * Log-probabilities: B-Disease 0.03, every other label 0.01: the Disease labels' share of the
 * entity labels is (0.03 + 0.01) / 0.06 = 0.67.
 */
function found(text: string, phrases: string[] = []): string[] {
  const words = bertWords(text);
  const spans: LabelledSpan[] = phrases.map((phrase) => spanOf(text, phrase, DISEASE));
  const emissions = new Float32Array(words.length * scheme.labels.length).fill(Math.log(0.01));
  for (let w = 0; w < words.length; w++) emissions[w * scheme.labels.length + DISEASE] = Math.log(0.03);
  const annotations = spanAnnotations(text, words, withListedFindings(text, words, spans, scheme, gazetteer, DISEASE_BIT, emissions), scheme, {});
  return annotations.map((a) => `${a.text}@${a.score.toFixed(2)}`);
}

describe('findings of a negated or complained-of clinical list', () => {
  it("adds each listed finding the gazetteer has, scored by the model's share of the Disease labels", () => {
    assert.deepEqual(found('Denies\nhaemoptysis, night sweats or weight loss.'), ['haemoptysis@0.67', 'night sweats@0.67', 'weight loss@0.67']);
    assert.deepEqual(found('No hemoptysis.'), ['hemoptysis@0.67']);
    assert.deepEqual(found('Negative for fever; no evidence of syncope.'), ['fever@0.67', 'syncope@0.67']);
  });

  it('adds the findings complained of anywhere, past one word of severity or course', () => {
    assert.deepEqual(found('Pt c/o productive cough and fever.'), ['productive cough@0.67', 'fever@0.67']);
    assert.deepEqual(found('Since discharge she reports improved breathlessness (NYHA class II).'), ['breathlessness@0.67']);
    assert.deepEqual(found('He has a history of severe asthma.'), ['severe asthma@0.67']);
    assert.deepEqual(found('She presented with mild fever, which resolved.'), ['fever@0.67']);
  });

  it('keeps what the model found and goes on past it, and never widens it', () => {
    assert.deepEqual(found('No chest pain, no palpitations, no syncope.', ['chest pain', 'syncope']), ['chest pain@0.90', 'palpitations@0.67', 'syncope@0.90']);
    // "severe asthma" is a term; the model's "asthma" stays as it found it (BC5CDR leaves "chronic" out of "chronic urticaria").
    assert.deepEqual(found('He has a history of severe asthma.', ['asthma']), ['asthma@0.90']);
  });

  it('adds nothing mid-sentence, for an item more words follow, after a term of another type, or with no negation', () => {
    assert.deepEqual(found('The rash resolved with no fever recorded.'), []);
    assert.deepEqual(found('No weight loss in the treated group.'), []);
    assert.deepEqual(found('No blood pressure change, fever or syncope.'), []);
    assert.deepEqual(found('No aspirin, fever or syncope.'), []);
    assert.deepEqual(found('Noted haemoptysis, night sweats and weight loss.'), []);
    assert.deepEqual(found('Reports improved weight loss in the treated group.'), []);
  });

  describe('with the bundled model', function () {
    this.timeout(60_000);
    let engine: NerEngine;
    before(async () => { engine = await createEngine({ modelDir: MODEL_DIR, inWorker: false }); });
    after(() => engine.dispose());

    it('finds the findings of telegraphic negations the model alone misses', async () => {
      const text = 'No evidence of empyema on CT. Denies haemoptysis, night sweats or weight loss. No hemoptysis.';
      const diseases = (await engine.annotate(text)).filter((a) => a.type === 'Disease').map((a) => a.text);
      for (const finding of ['haemoptysis', 'night sweats', 'weight loss', 'hemoptysis']) assert.ok(diseases.includes(finding), `${finding} in ${diseases.join(', ')}`);
    });
  });
});
