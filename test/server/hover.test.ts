// Which entity a hover shows where mentions nest: the organism inside a gene mention is an
// entity of its own, and hovering it must show it, not the gene around it.
import { strict as assert } from 'node:assert';
import type { Annotation } from '../../src/engine';
import { entityAt } from '../../src/server/hover';

const text = 'Human IL-2 binds.';
const gene: Annotation = { start: 0, end: 10, text: 'Human IL-2', type: 'Gene', score: 0.9 };
const species: Annotation = { start: 0, end: 5, text: 'Human', type: 'Species', score: 0.9 };

describe('entityAt', () => {
  it('gives the innermost entity at an offset, in either order', () => {
    assert.equal(text.slice(species.start, species.end), species.text);
    for (const entities of [[gene, species], [species, gene]]) {
      assert.equal(entityAt(entities, 2), species);
      assert.equal(entityAt(entities, 7), gene);
      assert.equal(entityAt(entities, 12), undefined);
    }
  });
});
