// Clinical abbreviations a note writes bare ("Hx of DVT") are entities even where the model
// missed them: those of the curated clinical list with one sense, as written there.
import { strict as assert } from 'node:assert';
import { CURATED_MENTION_SCORE } from '../../../src/engine/terminology/curatedMentions';
import { mentionIn, terminology } from './shared';

describe('terminology: curated clinical abbreviations', function () {
  this.timeout(20_000);
  const enrich = (text: string, found: Array<[string, 'Disease' | 'Chemical']> = []) =>
    terminology().enrich(text, found.map(([m, type]) => mentionIn(text, m, type)));
  const summary = (text: string, found: Array<[string, 'Disease' | 'Chemical']> = []) =>
    enrich(text, found).map((a) => `${a.type}:${a.text}:${a.concept?.id ?? '-'}`);

  it('finds the diseases and drugs a note abbreviates, linked to their concepts', () => {
    const note = 'PMH: HTN, T2DM, prior DVT and CVA. Social: EtOH 3 drinks/day. Meds: MTX 15 mg weekly.';
    assert.deepEqual(summary(note, [['HTN', 'Disease']]), [
      'Disease:HTN:MESH:D006973', 'Disease:T2DM:MESH:D003924', 'Disease:DVT:MESH:D020246', 'Disease:CVA:MESH:D020521',
      'Chemical:EtOH:MESH:D000431', 'Chemical:MTX:MESH:D008727',
    ]);
    const dvt = enrich(note).find((a) => a.text === 'DVT')!;
    assert.equal(dvt.score, CURATED_MENTION_SCORE);
    assert.equal(dvt.suggestion?.replacement, 'deep vein thrombosis');
  });

  it('knows the common cardiology, respiratory and diabetes shorthand', () => {
    const note = 'Admitted with NSTEMI; prior STEMI, VTE and IDDM. ILD on CT. BPPV resolved.';
    assert.deepEqual(summary(note), [
      'Disease:NSTEMI:MESH:D000072658', 'Disease:STEMI:MESH:D000072657', 'Disease:VTE:MESH:D054556',
      'Disease:IDDM:MESH:D003922', 'Disease:ILD:MESH:D017563', 'Disease:BPPV:MESH:D065635',
    ]);
  });

  it('finds the chemical formulas a note writes for drugs and reagents', () => {
    const note = 'Given NaHCO3 50 mEq IV and MgSO4 2 g; cells fixed after CHCl3 extraction.';
    assert.deepEqual(summary(note), ['Chemical:NaHCO3:MESH:D017693', 'Chemical:MgSO4:MESH:D008278', 'Chemical:CHCl3:MESH:D002725']);
    // Linked however the formula is written.
    const t = terminology();
    const calcium = t.linker.link('CaCl(2)', 'Chemical');
    assert.equal(calcium && t.kb.concept(calcium.concept).ids[0], 'MESH:D002122'); // Calcium Chloride
  });

  it('reads a plural and keeps the clinical context', () => {
    const note = 'Recurrent UTIs. No DVT.';
    const [utis, dvt] = enrich(note);
    assert.deepEqual([utis.text, utis.concept?.id, dvt.text, dvt.context?.negated], ['UTIs', 'MESH:D014552', 'DVT', true]);
  });

  it('leaves out abbreviations with another common sense, drug classes, genes, and letters inside other words', () => {
    // PE (embolism or effusion), CP (chest pain or cerebral palsy), ASA (aspirin or the anaesthetists'
    // class), NSAID and PPI (classes), BNP (a peptide, the model's to find), "anti-CMV", "DVTx".
    // And a disease's abbreviation before an amount: "VT 450 mL" is a ventilator's tidal volume.
    // (Text without a note's headings or shorthand: in a note, "r/o PE" is read; see clinical-note.test.ts.)
    const note = 'PE was excluded; CP resolved. ASA 81 mg. Avoid NSAIDs; continue PPI. BNP 450. anti-CMV IgG. DVTx, HTN_flag. VT 450 mL.';
    assert.deepEqual(summary(note), []);
  });

  it('keeps what the document defines, the model\'s own mentions, and addresses and code, as they are', () => {
    // The document says what "CVA" means here: the abbreviation layer follows the definition.
    const defined = 'Costovertebral angle (CVA) tenderness was absent. No CVA tenderness today.';
    assert.deepEqual(summary(defined), []);
    const found = 'Deep vein thrombosis (DVT) of the left leg.';
    assert.deepEqual(summary(found, [['Deep vein thrombosis', 'Disease'], ['DVT', 'Disease']]).length, 2);
    const code = 'See https://example.org/DVT/guide and `if (HTN) flag();` in the template.';
    assert.deepEqual(summary(code), []);
  });

  it('adds nothing to the mentions of a gold standard, nor without a vocabulary', () => {
    const note = 'Hx of DVT.';
    assert.deepEqual(terminology({ vocabularyTypes: false }).enrich(note, []), []);
    assert.deepEqual(terminology().withVocabularyMentions(note, []).map((a) => a.text), ['DVT']);
  });
});
