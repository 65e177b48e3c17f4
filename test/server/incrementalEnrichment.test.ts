// Enriching only new paragraphs gives what enriching the whole document gives, with the real
// vocabulary and model.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createEngine, type Annotation } from '../../src/engine';
import { IncrementalEnricher } from '../../src/server/incrementalEnrichment';
import { loadServerTerminology, type Terminology } from '../../src/server/terminology';

const NOTE = readFileSync(path.join(__dirname, '..', '..', 'examples', 'clinical-note.txt'), 'utf8');

describe('IncrementalEnricher with the bundled vocabulary', function () {
  this.timeout(120_000);
  let terminology: Terminology;
  let entitiesOf: (text: string) => Promise<Annotation[]>;

  before(async () => {
    terminology = await loadServerTerminology('MESH');
    const engine = await createEngine({ inWorker: false });
    entitiesOf = (text) => engine.annotate(text);
    after(() => engine.dispose());
  });

  /**
   * Enriches the note, then `edited`; returns the second result, the entities each terminology
   * call of the second round was given, and what enriching the edited note whole gives.
   */
  async function enrichAfterEdit(edited: string) {
    const calls: number[] = [];
    const enricher = new IncrementalEnricher({ ...terminology, enrichEach: (text, annotations) => (calls.push(annotations.length), terminology.enrichEach(text, annotations)) });
    enricher.enrich(NOTE, await entitiesOf(NOTE));
    const entities = await entitiesOf(edited);
    calls.length = 0;
    const result = enricher.enrich(edited, entities);
    return { result, calls, entities, whole: terminology.enrich(edited, entities) };
  }

  it('links, negates and suggests exactly as enriching the whole document does', async function () {
    if (!terminology.available) this.skip(); // no compiled vocabulary in this checkout
    const entities = await entitiesOf(NOTE);
    const enriched = new IncrementalEnricher(terminology).enrich(NOTE, entities);
    assert.deepEqual(enriched, terminology.enrich(NOTE, entities));
    assert.ok(enriched.some((a) => a.context?.negated), 'the note negates some findings');
    assert.ok(enriched.filter((a) => a.concept).length > enriched.length / 2, 'most entities are linked');
  });

  it('keeps each paragraph its own when the vocabulary joins two mentions or adds a disease nested in one', async function () {
    if (!terminology.available) this.skip();
    const text = 'He smoked crack cocaine daily.\n\nMutations of the retinoblastoma gene were found.\n\nGlioblastoma cell lines and EGFR.\n';
    const at = (m: string, type: Annotation['type']): Annotation => ({ start: text.indexOf(m), end: text.indexOf(m) + m.length, text: m, type, score: 0.9 });
    const entities = [at('crack', 'Chemical'), at('cocaine', 'Chemical'), at('retinoblastoma gene', 'Gene'), at('Glioblastoma cell lines', 'CellLine'), at('EGFR', 'Gene')];
    const enriched = new IncrementalEnricher(terminology).enrich(text, entities);
    assert.deepEqual(enriched, terminology.enrich(text, entities));
    assert.deepEqual(
      enriched.map((a) => `${a.type}:${text.slice(a.start, a.end)}`),
      ['Chemical:crack cocaine', 'Gene:retinoblastoma gene', 'Disease:retinoblastoma', 'CellLine:Glioblastoma cell lines', 'Disease:Glioblastoma', 'Gene:EGFR'],
    );
  });

  it("re-enriches everything when the model's entities change over a definition's long form", async function () {
    if (!terminology.available) this.skip();
    // A short form is left out when its long form is no entity and names no concept of its type;
    // the long form sits in another paragraph than the short form it decides.
    const text = 'Rats received 22-oxacalcitriol (OCT) daily.\n\nOCT lowered parathyroid hormone.\n';
    const at = (m: string, from = 0): Annotation => ({ start: text.indexOf(m, from), end: text.indexOf(m, from) + m.length, text: m, type: 'Chemical', score: 0.9 });
    const later = at('OCT', text.indexOf('\n\n'));
    const enricher = new IncrementalEnricher(terminology);
    assert.deepEqual(enricher.enrich(text, [later]), [], 'no entity defines OCT: left out');
    const withLongForm = [at('22-oxacalcitriol'), later];
    const enriched = enricher.enrich(text, withLongForm);
    assert.deepEqual(enriched, terminology.enrich(text, withLongForm));
    assert.deepEqual(enriched.map((a) => a.text), ['22-oxacalcitriol', 'OCT']);
  });

  it('re-enriches everything when an edit makes the document read as a clinical note', async function () {
    if (!terminology.available) this.skip();
    // "CP" in the first paragraph is cerebral palsy to the vocabularies, chest pain in a note; what
    // makes this a note is typed in another paragraph.
    const before = 'Presents with SOB and CP.\n\nSeen today.\n';
    const after = 'Presents with SOB and CP.\n\nPlan: r/o PE.\n';
    const cpIn = (text: string): Annotation => ({ start: text.indexOf('CP'), end: text.indexOf('CP') + 2, text: 'CP', type: 'Disease', score: 0.9 });
    const enricher = new IncrementalEnricher(terminology);
    assert.equal(enricher.enrich(before, [cpIn(before)])[0].concept?.id, 'MESH:D002547'); // Cerebral Palsy
    const enriched = enricher.enrich(after, [cpIn(after)]);
    assert.deepEqual(enriched, terminology.enrichEach(after, [cpIn(after)]).flat());
    assert.equal(enriched[0].concept?.id, 'MESH:D002637'); // Chest Pain
    // And when the editor says the unchanged document is a note (its language changed).
    const languageOnly = new IncrementalEnricher(terminology);
    assert.equal(languageOnly.enrich(before, [cpIn(before)])[0].concept?.id, 'MESH:D002547');
    assert.equal(languageOnly.enrich(before, [cpIn(before)], undefined, { clinicalNote: true })[0].concept?.id, 'MESH:D002637');
  });

  it('after an edit enriches only the edited paragraph\'s entities', async function () {
    if (!terminology.available) this.skip();
    const { result, calls, entities, whole } = await enrichAfterEdit(NOTE.replace('No chest pain', 'No chest pain, no fever'));
    assert.equal(calls.length, 1);
    assert.ok(calls[0] < entities.length / 3, `${calls[0]} of ${entities.length} entities re-enriched`);
    assert.deepEqual(result, whole);
  });

  it('re-enriches everything when an abbreviation definition changes', async function () {
    if (!terminology.available) this.skip();
    const { result, calls, entities, whole } = await enrichAfterEdit(NOTE.replace('chronic kidney disease stage 3a', 'chronic kidney disease (CKD) stage 3a'));
    assert.deepEqual(calls, [entities.length]);
    assert.deepEqual(result, whole);
  });
});

describe('IncrementalEnricher when the terminology layer leaves entities out', () => {
  // A stand-in terminology that leaves out "liver" (a body part) and links nothing, so that what
  // is checked is only the bookkeeping: which paragraph's entities come back, with today's scores.
  const calls: string[][] = [];
  const fake: Terminology = {
    available: true,
    warnings: [],
    enrichEach: (_text, annotations) => (calls.push(annotations.map((a) => a.text)), annotations.map((a) => (a.text === 'liver' ? [] : [{ ...a }]))),
    enrich: (text, annotations) => fake.enrichEach(text, annotations).flat(),
    withVocabularyMentions: (_text, annotations) => annotations,
    hoverMarkdown: () => '',
  };
  const at = (text: string, phrase: string, score = 0.9): Annotation => {
    const start = text.indexOf(phrase);
    return { start, end: start + phrase.length, text: phrase, type: 'Disease', score };
  };

  it('drops them, keeps the others with their scores, and reuses paragraphs across edits', () => {
    const before = 'Hepatitis and a large liver.\n\nJaundice since May.';
    const enricher = new IncrementalEnricher(fake);
    assert.deepEqual(enricher.enrich(before, [at(before, 'Hepatitis'), at(before, 'liver'), at(before, 'Jaundice', 0.7)]).map((a) => [a.text, a.start, a.score]), [
      ['Hepatitis', 0, 0.9], ['Jaundice', before.indexOf('Jaundice'), 0.7],
    ]);
    calls.length = 0;
    const after = 'Hepatitis and a large liver.\n\nJaundice and pruritus since May.';
    const result = enricher.enrich(after, [at(after, 'Hepatitis', 0.8), at(after, 'liver'), at(after, 'Jaundice', 0.6), at(after, 'pruritus')]);
    assert.deepEqual(calls, [['Jaundice', 'pruritus']], 'only the edited paragraph goes to the terminology layer');
    assert.deepEqual(result.map((a) => [a.text, a.start, a.score]), [
      ['Hepatitis', 0, 0.8], ['Jaundice', after.indexOf('Jaundice'), 0.6], ['pruritus', after.indexOf('pruritus'), 0.9],
    ]);
  });
});
