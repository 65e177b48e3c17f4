// Composite (coordinated) disease mentions are expanded into the conditions they name in full,
// and the linker links such a mention to the first of them.
import { strict as assert } from 'node:assert';
import { expandCoordination } from '../../../src/engine/terminology/coordination';
import { Linker } from '../../../src/engine/terminology';
import { knowledgeBase } from './shared';

describe('coordinated mentions', function () {
  this.timeout(20_000);

  it('distributes a shared head or a shared modifier over the conjuncts', () => {
    assert.deepEqual(expandCoordination('renal or hepatic toxicity'), ['renal toxicity', 'hepatic toxicity']);
    assert.deepEqual(expandCoordination('haematological, renal, hepatic and gastrointestinal toxicities'), [
      'haematological toxicities', 'renal toxicities', 'hepatic toxicities', 'gastrointestinal toxicities',
    ]);
    assert.deepEqual(expandCoordination('cleft lip and palate'), ['cleft lip', 'cleft palate']);
    assert.deepEqual(expandCoordination('ventricular tachycardia and fibrillation'), ['ventricular tachycardia', 'ventricular fibrillation']);
    assert.deepEqual(expandCoordination('myocardial infarction'), []);
  });

  it('links a composite disease mention to the first condition it names, as a partial match', () => {
    const linker = new Linker(knowledgeBase(), { restrictTo: ['MESH'] });
    const r = linker.link('ventricular tachycardia and fibrillation', 'Disease')!;
    assert.equal(knowledgeBase().concept(r.concept).ids[0], 'MESH:D017180'); // Tachycardia, Ventricular
    assert.equal(r.method, 'partial');
    assert.equal(knowledgeBase().concept(linker.link('cleft lip and palate', 'Disease')!.concept).ids[0], 'MESH:D002971'); // Cleft Lip
  });

  it('leaves chemical names with commas and slashes whole', () => {
    const linker = new Linker(knowledgeBase(), { restrictTo: ['MESH'] });
    const r = linker.link('L-DOPA/benserazide', 'Chemical');
    assert.notEqual(r?.method, 'partial');
  });
});
