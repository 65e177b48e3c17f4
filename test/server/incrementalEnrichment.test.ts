// Enriching only new paragraphs gives what enriching the whole document gives, with the real
// vocabulary and model.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createEngine, type Annotation } from '../../src/engine';
import { IncrementalEnricher } from '../../src/server/incrementalEnrichment';
import { loadTerminology, type Terminology } from '../../src/server/terminology';

const NOTE = readFileSync(path.join(__dirname, '..', '..', 'examples', 'clinical-note.txt'), 'utf8');

describe('IncrementalEnricher with the bundled vocabulary', function () {
  this.timeout(120_000);
  let terminology: Terminology;
  let entitiesOf: (text: string) => Promise<Annotation[]>;
  let enrichCalls: number[];

  before(async () => {
    terminology = loadTerminology('MESH');
    const engine = await createEngine({ inWorker: false });
    entitiesOf = (text) => engine.annotate(text);
    after(() => engine.dispose());
  });

  /** The real terminology, counting the entities each call enriches. */
  const counted = (): Terminology => {
    enrichCalls = [];
    return { ...terminology, enrich: (text, annotations) => (enrichCalls.push(annotations.length), terminology.enrich(text, annotations)) };
  };

  it('links, negates and suggests exactly as enriching the whole document does', async function () {
    if (!terminology.available) this.skip(); // no compiled vocabulary in this checkout
    const entities = await entitiesOf(NOTE);
    const enriched = new IncrementalEnricher(terminology).enrich(NOTE, entities);
    assert.deepEqual(enriched, terminology.enrich(NOTE, entities));
    assert.ok(enriched.some((a) => a.context?.negated), 'the note negates some findings');
    assert.ok(enriched.some((a) => a.suggestion?.replacement === 'chronic kidney disease'), 'CKD is defined in the note');
  });

  it('after an edit enriches only the edited paragraph\'s entities', async function () {
    if (!terminology.available) this.skip();
    const enricher = new IncrementalEnricher(counted());
    enricher.enrich(NOTE, await entitiesOf(NOTE));
    const edited = NOTE.replace('No chest pain', 'No chest pain, no fever');
    const editedEntities = await entitiesOf(edited);
    enrichCalls = [];

    const result = enricher.enrich(edited, editedEntities);

    assert.equal(enrichCalls.length, 1);
    assert.ok(enrichCalls[0] < editedEntities.length / 3, `${enrichCalls[0]} of ${editedEntities.length} entities re-enriched`);
    assert.deepEqual(result, terminology.enrich(edited, editedEntities));
  });

  it('re-enriches everything when an abbreviation definition changes', async function () {
    if (!terminology.available) this.skip();
    const enricher = new IncrementalEnricher(counted());
    enricher.enrich(NOTE, await entitiesOf(NOTE));
    const redefined = NOTE.replace('chronic kidney disease stage 3a', 'chronic kidney disease (CKD) stage 3a');
    const entities = await entitiesOf(redefined);
    enrichCalls = [];
    const result = enricher.enrich(redefined, entities);
    assert.deepEqual(enrichCalls, [entities.length]);
    assert.deepEqual(result, terminology.enrich(redefined, entities));
  });
});
