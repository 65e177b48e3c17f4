// A lone word called a disease that no vocabulary knows, and not shaped like a disease name, is
// left out by the terminology layer, and so is a lone unknown adjective of another type; gold
// mentions (vocabularyTypes: false) never are.
import { strict as assert } from 'node:assert';
import type { EntityType } from '../../../src/engine';
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

  it('keeps known diseases, disease-shaped unknown words, longer mentions and other types', () => {
    const text = 'Cardiac valvulopathy and dyserythropoiesis; heart failure; hyperkalaemia; crocin was given; suitability score.';
    assert.deepEqual(
      kept(text, [['valvulopathy', 'Disease'], ['dyserythropoiesis', 'Disease'], ['heart failure', 'Disease'], ['hyperkalaemia', 'Disease'], ['crocin', 'Chemical'], ['suitability score', 'Disease']]),
      ['valvulopathy', 'dyserythropoiesis', 'heart failure', 'hyperkalaemia', 'crocin', 'suitability score'],
    );
  });

  it('keeps every gold mention when the types are given', () => {
    const text = 'Reassess suitability for an ICD.';
    assert.deepEqual(kept(text, [['suitability', 'Disease']], false), ['suitability']);
  });
});
