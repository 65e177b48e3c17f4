// Fuzzy candidates' words against the mention's: misspelt and inflected words align, a word more
// or a word swapped for another does not (wordAlignment.ts).
import { strict as assert } from 'node:assert';
import { alignWords, spelledAlike } from '../../../src/engine/terminology/wordAlignment';

describe('word alignment of fuzzy candidates', () => {
  it('aligns misspellings, inflections and compounds', () => {
    for (const [mention, candidate] of [
      ['tardive dsykinesia', 'tardive dyskinesia'],
      ['procyclindine', 'procyclidine'],
      ['menstrual disorder', 'menstruation disorder'],
      ['olfactory disorder', 'olfaction disorder'],
      ['opioid addict', 'opioid addiction'],
      ['hepatic toxicity', 'hepatotoxicity'],
      ['squamous cell esophageal carcinoma', 'esophageal squamous cell carcinoma'],
    ]) {
      assert.deepEqual(alignWords(mention, candidate), { added: [], missing: [] }, `${mention} / ${candidate}`);
    }
  });

  it('finds a word the candidate adds, or one it swaps for another', () => {
    assert.deepEqual(alignWords('overdose', 'opiate overdose'), { added: ['opiate'], missing: [] });
    assert.deepEqual(alignWords('renal injury', 'spinal injury'), { added: ['spinal'], missing: ['renal'] });
    assert.deepEqual(alignWords('cytotoxicity', 'ototoxicity'), { added: ['ototoxicity'], missing: ['cytotoxicity'] });
    assert.deepEqual(alignWords('increased cardiac output', 'decreased cardiac output'), { added: ['decreased'], missing: ['increased'] });
    assert.deepEqual(alignWords('3 methyladenine', '6 methyladenine'), { added: ['6'], missing: ['3'] });
  });

  it('ignores function words, and a locant the mention does not write', () => {
    assert.deepEqual(alignWords('cognitive deterioration', 'deterioration of cognitive function'), { added: ['function'], missing: [] });
    assert.deepEqual(alignWords('benzylacyclouridine', '5 benzylacyclouridine'), { added: [], missing: [] });
  });

  it('tells related words from words that only share letters', () => {
    assert.ok(spelledAlike('ectopy', 'ectopic'));
    assert.ok(spelledAlike('choreoathetoid', 'choreoathetosis'));
    assert.ok(!spelledAlike('neurologic', 'neurotic'));
    assert.ok(!spelledAlike('diastolic', 'systolic'));
    assert.ok(!spelledAlike('learning', 'hearing'));
    assert.ok(!spelledAlike('cardiac', 'cardiovascular'));
  });
});
