// A name the model cut in two ("crack" and "cocaine") becomes one mention when the vocabulary
// has the whole name as a concept of that type; a mention is never stretched over free text.
import { strict as assert } from 'node:assert';
import type { EntityType } from '../../../src/engine';
import { mentionIn, terminology } from './shared';

/** [text, type, start] of what enrich() keeps of `mentions` (each the first occurrence from `from`). */
function enriched(text: string, mentions: Array<[string, EntityType]>, vocabularyTypes = true): Array<[string, EntityType, number]> {
  let from = 0;
  const given = mentions.map(([m, type]) => {
    const a = mentionIn(text, m, type, from);
    from = a.end;
    return a;
  });
  return terminology({ vocabularyTypes }).enrich(text, given).map((a) => [a.text, a.type, a.start]);
}

describe('terminology: names the model cut in two', function () {
  this.timeout(20_000);

  it('joins two mentions of one type into the vocabulary name they make, and links the whole', () => {
    // BC5CDR dev sentences, as the model split them.
    const text = 'He smoked crack cocaine daily. Risk of hip fracture rose. Technetium-99m sestamibi imaging was normal.';
    assert.deepEqual(enriched(text, [['crack', 'Chemical'], ['cocaine', 'Chemical'], ['hip', 'Disease'], ['fracture', 'Disease'], ['Technetium-99m', 'Chemical'], ['sestamibi', 'Chemical']]), [
      ['crack cocaine', 'Chemical', text.indexOf('crack')],
      ['hip fracture', 'Disease', text.indexOf('hip')],
      ['Technetium-99m sestamibi', 'Chemical', text.indexOf('Technetium')],
    ]);
    const [crack] = terminology().enrich(text, [mentionIn(text, 'crack', 'Chemical'), mentionIn(text, 'cocaine', 'Chemical')]);
    assert.equal(crack.concept?.preferred, 'Crack Cocaine');
  });

  it('never stretches a mention over free text, nor joins mentions of two types or a partial name', () => {
    const text = 'A tricyclic antidepressant was stopped. Sodium chloride and potassium were given. Crack cocaine use.';
    assert.deepEqual(enriched(text, [['antidepressant', 'Chemical'], ['Sodium chloride', 'Chemical'], ['potassium', 'Chemical'], ['Crack', 'Disease'], ['cocaine', 'Chemical']]).map(([t]) => t), [
      'antidepressant', 'Sodium chloride', 'potassium', 'cocaine',
    ]);
  });

  it('leaves given mentions as they are', () => {
    const text = 'He smoked crack cocaine daily.';
    assert.deepEqual(enriched(text, [['crack', 'Chemical'], ['cocaine', 'Chemical']], false).map(([t]) => t), ['crack', 'cocaine']);
  });
});
