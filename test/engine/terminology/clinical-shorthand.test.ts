// Clinical shorthand that names no entity is never one, whatever the model or a vocabulary says.
import { strict as assert } from 'node:assert';
import { enrichedMentions as enriched } from './shared';

describe('terminology: clinical shorthand', function () {
  this.timeout(20_000);

  it('leaves out dosing times, history headings, recorded negatives and the heading "Allergies:", keeping the entities beside them', () => {
    const text = 'PMH: gout. Allergies: NKDA. Salbutamol inhaler PRN, colchicine 500 mcg QDS. Seasonal allergies.';
    assert.deepEqual(enriched(text, [['PMH', 'Disease'], ['gout', 'Disease'], ['Allergies', 'Disease'], ['NKDA', 'Disease'], ['Salbutamol', 'Chemical'], ['PRN', 'Chemical'], ['colchicine', 'Chemical'], ['QDS', 'Chemical'], ['allergies', 'Disease']]), [
      'Disease:gout', 'Chemical:Salbutamol', 'Chemical:colchicine', 'Disease:allergies',
    ]);
  });

  it('keeps abbreviations that are entities in biomedical text', () => {
    const text = 'High glucose induced reactive oxygen species (ROS) production; PR-positive tumours; DNR was given after an OD.';
    assert.deepEqual(enriched(text, [['ROS', 'Chemical'], ['PR', 'Gene'], ['DNR', 'Chemical']]), ['Chemical:ROS', 'Gene:PR', 'Chemical:DNR']);
  });
});
