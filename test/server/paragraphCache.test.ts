import { strict as assert } from 'node:assert';
import { ParagraphCache } from '../../src/server/paragraphCache';

const entity = { start: 0, end: 7, text: 'Aspirin', type: 'Chemical' as const, score: 0.9 };

describe('ParagraphCache', () => {
  it('returns the entities stored for exactly the same paragraph text', () => {
    const cache = new ParagraphCache();
    cache.set('Aspirin daily.', [entity]);
    assert.deepEqual(cache.get('Aspirin daily.'), [entity]);
    assert.equal(cache.get('Aspirin daily'), undefined);
  });

  it('forgets the least recently used paragraphs past its character budget', () => {
    const cache = new ParagraphCache(20);
    cache.set('first paragraph', []); // 15 chars
    cache.set('second', []); // 21 in all: "first paragraph" goes
    assert.equal(cache.get('first paragraph'), undefined);
    assert.deepEqual(cache.get('second'), []);
    cache.set('third', []);
    cache.get('second'); // used: now the most recent
    cache.set('fourth paragraph', []);
    assert.equal(cache.get('third'), undefined, 'third was the least recently used');
    assert.equal(cache.size, 1);
  });
});
