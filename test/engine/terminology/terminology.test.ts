// createTerminology().enrich(): the one call the language server and the CLI make after NER.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createTerminology, loadTerminology } from '../../../src/engine/terminology';
import type { Annotation, EntityType } from '../../../src/engine';
import { knowledgeBase, mentionIn, terminology } from './shared';

const NOTE = `Assessment: 67-year-old man with HTN and a history of COPD, admitted with chest pain.
No evidence of pneumonia. Rule out MI. Mother had breast cancer.
Plan: aspirin, continue Lipitor; stop NSAIDs.`;

const mentions: [string, EntityType][] = [
  ['HTN', 'Disease'], ['COPD', 'Disease'], ['chest pain', 'Disease'], ['pneumonia', 'Disease'], ['MI', 'Disease'],
  ['breast cancer', 'Disease'], ['aspirin', 'Chemical'], ['Lipitor', 'Chemical'], ['NSAIDs', 'Chemical'],
];

describe('terminology: enrich', function () {
  this.timeout(20_000);
  const annotations = mentions.map(([m, type]) => mentionIn(NOTE, m, type));
  const byText = (list: Annotation[]) => Object.fromEntries(list.map((a) => [a.text, a]));

  it('links an abbreviated binomial through the full name the document gives, without a suggestion', () => {
    const text = 'Staphylococcus aureus and Solanum tuberosum were used. S. aureus and S.tuberosum grew; C. elegans did not.';
    const found = terminology().enrich(text, ['S. aureus', 'S.tuberosum', 'C. elegans'].map((m) => mentionIn(text, m, 'Species')));
    assert.deepEqual(
      found.map((a) => [a.text, a.concept?.id, a.suggestion]),
      [['S. aureus', 'MESH:D013211', undefined], ['S.tuberosum', 'MESH:D011198', undefined], ['C. elegans', undefined, undefined]],
    );
  });

  it('adds concept, context and suggestion, and keeps offsets, text, type and score', () => {
    const enriched = terminology().enrich(NOTE, annotations);
    enriched.forEach((a, i) => {
      assert.deepEqual([a.start, a.end, a.text, a.type, a.score], [annotations[i].start, annotations[i].end, annotations[i].text, annotations[i].type, annotations[i].score]);
      assert.ok(a.concept, `${a.text} is linked`);
      assert.ok(a.context, `${a.text} has a context`);
    });
    const e = byText(enriched);
    assert.equal(e.HTN.concept!.id, 'MESH:D006973');
    assert.equal(e.HTN.suggestion!.replacement, 'hypertension');
    assert.equal(e.COPD.context!.historical, true);
    assert.equal(e.pneumonia.context!.negated, true);
    assert.equal(e.MI.context!.uncertain, true);
    assert.equal(e.MI.suggestion, undefined, 'MI is ambiguous and not defined here');
    assert.equal(e['breast cancer'].context!.family, true);
    assert.equal(e.Lipitor.suggestion!.replacement, 'atorvastatin');
    assert.equal(e.aspirin.suggestion, undefined);
  });

  it('does not change the annotations it is given', () => {
    const copy = JSON.parse(JSON.stringify(annotations));
    terminology().enrich(NOTE, annotations);
    assert.deepEqual(annotations, copy);
  });

  it('fills the Concept with ids, vocabulary version, definition source and synonyms', () => {
    const [mi] = terminology().enrich('heart attack', [{ start: 0, end: 12, text: 'heart attack', type: 'Disease', score: 1 }]);
    const c = mi.concept!;
    assert.deepEqual([c.id, c.vocabulary, c.preferred], ['MESH:D009203', 'MeSH 2024', 'Myocardial Infarction']);
    assert.deepEqual(c.xrefs.slice(0, 2), ['DOID:5844', 'HP:0001658']);
    assert.equal(c.definitionSource, 'DOID:5844');
    assert.deepEqual([c.match, c.score], ['exact', 0.95]);
  });

  it('leads with the preferred vocabulary\'s id and name when the user sets one', () => {
    const [mi] = terminology({ preferredVocabularies: ['DO'] }).enrich('heart attack', [{ start: 0, end: 12, text: 'heart attack', type: 'Disease', score: 1 }]);
    assert.deepEqual([mi.concept!.id, mi.concept!.preferred, mi.concept!.vocabulary], ['DOID:5844', 'myocardial infarction', 'Human Disease Ontology 2024-01-31']);
    assert.ok(mi.concept!.xrefs.includes('MESH:D009203'));
  });

  it('uses a workspace term list: its preferred term leads', () => {
    const kb = knowledgeBase();
    const t = createTerminology({ knowledgeBase: kb });
    // A separate KB: user vocabularies change the one they are added to.
    const own = createTerminology({ userVocabularies: [path.resolve(__dirname, '../../fixtures/terminology/ward-glossary.txt')] });
    const text = 'Started Tylenol for fever.';
    const ann = [mentionIn(text, 'Tylenol', 'Chemical')];
    assert.equal(t.enrich(text, ann)[0].suggestion!.replacement, 'acetaminophen');
    assert.equal(own.enrich(text, ann)[0].suggestion!.replacement, 'paracetamol');
  });

  it('works without a vocabulary, on user vocabularies alone, and says why', () => {
    const t = createTerminology({ vocabDir: '/nonexistent', userVocabularies: [path.resolve(__dirname, '../../fixtures/terminology/ward-glossary.txt')] });
    assert.match(t.warnings[0], /\/nonexistent/);
    const [a] = t.enrich('No breathlessness.', [mentionIn('No breathlessness.', 'breathlessness', 'Disease')]);
    assert.equal(a.concept!.preferred, 'shortness of breath');
    assert.equal(a.context!.negated, true);
  });

  it('loads asynchronously too, falling back to user vocabularies with the same warning', async () => {
    const t = await loadTerminology({ vocabDir: '/nonexistent', userVocabularies: [path.resolve(__dirname, '../../fixtures/terminology/ward-glossary.txt')] });
    assert.match(t.warnings[0], /\/nonexistent/);
    assert.equal(t.enrich('No breathlessness.', [mentionIn('No breathlessness.', 'breathlessness', 'Disease')])[0].concept!.preferred, 'shortness of breath');
  });

  it('enriches a note fast enough to run while typing', () => {
    const abstract = readFileSync(path.resolve(__dirname, '../../fixtures/terminology/bc5cdr-dev-30.PubTator.txt'), 'utf8');
    const t = terminology();
    t.enrich(NOTE, annotations); // warm
    const started = performance.now();
    for (let i = 0; i < 20; i++) t.enrich(NOTE + ' '.repeat(i), annotations);
    const ms = (performance.now() - started) / 20;
    assert.ok(ms < 20, `${ms.toFixed(2)} ms per note`);
    assert.ok(abstract.length > 0);
  });
});
