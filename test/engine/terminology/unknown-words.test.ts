// A lone word called a disease that no vocabulary knows, and not shaped like a disease name, is
// left out by the terminology layer, and so is a lone unknown adjective of another type; gold
// mentions (vocabularyTypes: false) never are.
import { strict as assert } from 'node:assert';
import type { EntityType } from '../../../src/engine';
import { createTerminology, KnowledgeBase } from '../../../src/engine/terminology';
import { mentionIn, terminology } from './shared';

/** The texts enrich() keeps of `mentions` in `text`. */
function kept(text: string, mentions: Array<[string, EntityType]>, vocabularyTypes = true): string[] {
  return terminology({ vocabularyTypes }).enrich(text, mentions.map(([m, type]) => mentionIn(text, m, type))).map((a) => a.text);
}

describe('terminology: unknown words the model called diseases', function () {
  this.timeout(20_000);

  it('leaves out adjectives and abstract nouns no vocabulary knows', () => {
    const text = 'Reassess LVEF and suitability for an ICD. Renoprotective effects after idiopathic perfusion loss.';
    assert.deepEqual(kept(text, [['suitability', 'Disease'], ['Renoprotective', 'Disease'], ['perfusion', 'Disease']]), []);
  });

  it('leaves out a lone unknown adjective of another type', () => {
    const text = 'Flaccid paralysis; postalcoholic state; lysosomal storage; hybrid mice.';
    assert.deepEqual(kept(text, [['Flaccid', 'Chemical'], ['postalcoholic', 'Chemical'], ['lysosomal', 'Gene'], ['hybrid', 'Species'], ['mice', 'Species']]), ['mice']);
  });

  it('leaves out a lone adjective a vocabulary has only approximately, not a name it has', () => {
    // BC5CDR dev: the model called these chemicals; the linker found only near names.
    const text = 'Glutamatergic and serotonergic transmission after chronic anabolic androgenic steroid exposure; liposomal carriers of doxorubicin; cholesterol.';
    assert.deepEqual(
      kept(text, [['Glutamatergic', 'Chemical'], ['serotonergic', 'Chemical'], ['anabolic', 'Chemical'], ['liposomal', 'Chemical'], ['doxorubicin', 'Chemical'], ['cholesterol', 'Chemical']]),
      ['doxorubicin', 'cholesterol'],
    );
  });

  it("leaves out an organ's adjective the model called a disease, not the condition it is part of", () => {
    // BC5CDR dev: "myocardial" of "regions of myocardial underperfusion", "ovarian", "cardiac".
    const text = 'Regions of myocardial underperfusion; ovarian and cardiac toxicity; myocardial infarction.';
    assert.deepEqual(kept(text, [['myocardial', 'Disease'], ['ovarian', 'Disease'], ['cardiac', 'Disease'], ['myocardial infarction', 'Disease']]), ['myocardial infarction']);
  });

  it('keeps known diseases, disease-shaped unknown words, longer mentions and other types', () => {
    const text = 'Cardiac valvulopathy and dyserythropoiesis; heart failure; hyperkalaemia; crocin was given; suitability score.';
    assert.deepEqual(
      kept(text, [['valvulopathy', 'Disease'], ['dyserythropoiesis', 'Disease'], ['heart failure', 'Disease'], ['hyperkalaemia', 'Disease'], ['crocin', 'Chemical'], ['suitability score', 'Disease']]),
      ['valvulopathy', 'dyserythropoiesis', 'heart failure', 'hyperkalaemia', 'crocin', 'suitability score'],
    );
  });

  it('leaves out a lone clinical modifier (onset, course, severity), which HPO names outside its phenotypes', () => {
    // BC5CDR dev: the model split "acute" off "acute movement disorders" and "acute hypercalcaemia".
    const text = 'Not commonly a cause of acute movement disorders. One case of acute hypercalcaemia; transient hypotension in sporadic cases.';
    assert.deepEqual(
      kept(text, [['acute', 'Disease'], ['movement disorders', 'Disease'], ['hypercalcaemia', 'Disease'], ['transient', 'Disease'], ['hypotension', 'Disease'], ['sporadic', 'Disease']]),
      ['movement disorders', 'hypercalcaemia', 'hypotension'],
    );
    // Given mentions keep them, and so does the modifier as part of a longer mention.
    assert.deepEqual(kept(text, [['acute', 'Disease']], false), ['acute']);
    assert.deepEqual(kept(text, [['acute hypercalcaemia', 'Disease']]), ['acute hypercalcaemia']);
  });

  it('leaves out a chemical or disease short form the document defines as something else', () => {
    // BC5CDR dev abstracts: "HT" and "BMD" were diseases to the model (hypertension, Becker muscular dystrophy).
    const text =
      'Hormone therapy (HT) is widely used. Trials of HT versus placebo. Trabecular bone mineral density (BMD) in children; ' +
      'areal BMD was estimated. Patients with congestive heart failure (CHF) and 5-fluorouracil (5-FU); CHF worsened on 5-FU.';
    const mentions: Array<[string, EntityType]> = [['HT', 'Disease'], ['BMD', 'Disease'], ['congestive heart failure', 'Disease'], ['CHF', 'Disease'], ['5-FU', 'Chemical']];
    // Every occurrence of the mentions' texts, as the engine gives them.
    const all = mentions.flatMap(([m, type]) => [...text.matchAll(new RegExp(m.replace(/[-]/g, '\\-'), 'g'))].map((x) => ({ start: x.index!, end: x.index! + m.length, text: m, type, score: 0.95 })));
    const out = terminology().enrich(text, all).map((a) => a.text);
    assert.deepEqual(out, ['congestive heart failure', 'CHF', 'CHF', '5-FU', '5-FU']);
    // Genes are left alone: their long forms are often names no vocabulary has.
    assert.deepEqual(kept('The intrinsic bent DNA region (IBR) binds.', [['IBR', 'Gene']]), ['IBR']);
  });

  it('keeps every gold mention when the types are given', () => {
    const text = 'Reassess suitability for an ICD.';
    assert.deepEqual(kept(text, [['suitability', 'Disease']], false), ['suitability']);
  });
});

describe('terminology: unsure mentions without a concept', function () {
  this.timeout(20_000);
  // Scores as the model might give them: the same text, once sure and once unsure.
  const text = 'Reduced phospho staining with aspirin; INC280 trial; HCC827 cells; hypertension.';
  const mentions = (score: number) => ([['phospho', 'Gene'], ['aspirin', 'Chemical'], ['INC280', 'Chemical'], ['HCC827 cells', 'CellLine'], ['hypertension', 'Disease']] as Array<[string, EntityType]>)
    .map(([m, type]) => ({ ...mentionIn(text, m, type), score }));
  const keptOf = (score: number, opts: Parameters<typeof terminology>[0] = {}) => terminology(opts).enrich(text, mentions(score)).map((a) => `${a.text}${a.concept ? '' : ' (no concept)'}`);

  it('leaves out a mention under 0.7 that links to nothing, but not a cell line, which no vocabulary names', () => {
    assert.deepEqual(keptOf(0.6), ['aspirin', 'HCC827 cells (no concept)', 'hypertension']);
  });

  it('keeps an unsure organism no vocabulary names when it is written as a Latin binomial', () => {
    // From S800's dev split: fungi and gastropods the shipped NCBI Taxonomy subset does not name.
    const doc = 'Coprinopsis cinerea and L. edodes were grown; Umbonium costatum shells; strain 0533; Timberlake isolates.';
    const organisms = ['Coprinopsis cinerea', 'L. edodes', 'Umbonium costatum', 'strain 0533', 'Timberlake'].map((m) => ({ ...mentionIn(doc, m, 'Species'), score: 0.5 }));
    const kept = terminology().enrich(doc, organisms);
    assert.deepEqual(kept.map((a) => `${a.text}${a.concept ? '' : ' (no concept)'}`), ['Coprinopsis cinerea (no concept)', 'L. edodes (no concept)', 'Umbonium costatum (no concept)']);
  });

  it('keeps an unsure mention the vocabulary confirms, and a sure one it does not', () => {
    assert.deepEqual(keptOf(0.35), ['aspirin', 'HCC827 cells (no concept)', 'hypertension']);
    assert.deepEqual(keptOf(0.7), ['phospho (no concept)', 'aspirin', 'INC280 (no concept)', 'HCC827 cells (no concept)', 'hypertension']);
  });

  it('counts a concept found only by writing out short forms inside the mention as no confirmation', () => {
    // The written-out short form vouches for what "SJS" means, not for where the mention ends.
    const doc = 'Schwartz-Jampel syndrome (SJS) is rare. Two sibs had SJS type 2.';
    const at = (score: number) => terminology().enrich(doc, [{ ...mentionIn(doc, 'SJS type', 'Disease'), score }]);
    assert.deepEqual(at(0.6), []);
    const [sure] = at(0.9);
    assert.equal(sure.text, 'SJS type');
    assert.ok(sure.concept, 'linked through "Schwartz-Jampel syndrome type"');
  });

  it('follows minScoreWithoutConcept (0 keeps them all) and never drops given mentions', () => {
    assert.deepEqual(keptOf(0.6, { minScoreWithoutConcept: 0 }), ['phospho (no concept)', 'aspirin', 'INC280 (no concept)', 'HCC827 cells (no concept)', 'hypertension']);
    assert.deepEqual(keptOf(0.8, { minScoreWithoutConcept: 0.9 }), ['aspirin', 'HCC827 cells (no concept)', 'hypertension']);
    assert.equal(keptOf(0.2, { vocabularyTypes: false }).length, 5);
  });

  it('without a vocabulary nothing can be confirmed, so nothing is left out for it', () => {
    const bare = createTerminology({ knowledgeBase: KnowledgeBase.empty() });
    assert.deepEqual(bare.enrich(text, mentions(0.4)).map((a) => a.text), ['phospho', 'aspirin', 'INC280', 'HCC827 cells', 'hypertension']);
  });
});
