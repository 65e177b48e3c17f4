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
    const enricher = new IncrementalEnricher({ ...terminology, enrich: (text, annotations) => (calls.push(annotations.length), terminology.enrich(text, annotations)) });
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
