// Drug-induced conditions: a disease the document says a chemical induced links to the
// vocabulary's drug-induced concept, and the document's other mentions of it follow; what
// something other than a chemical induced keeps its own concept.
import { strict as assert } from 'node:assert';
import type { Annotation } from '../../../src/engine';
import { mentionIn, terminology } from './shared';

describe('drug-induced conditions', function () {
  this.timeout(20_000);
  const meshIds = (text: string, annotations: Annotation[]) =>
    terminology({ linker: { restrictTo: ['MESH'] }, context: false, suggestions: false })
      .enrich(text, annotations)
      .map((a) => a.concept?.id);

  it('links a disease a chemical induced, and its later bare mentions, to the drug-induced concept', () => {
    const text = 'Levodopa-induced dyskinesia limits treatment in Parkinson disease. Dyskinesias appeared after five years.';
    const ids = meshIds(text, [mentionIn(text, 'Levodopa', 'Chemical'), mentionIn(text, 'dyskinesia', 'Disease'), mentionIn(text, 'Dyskinesias', 'Disease')]);
    assert.deepEqual(ids.slice(1), ['MESH:D004409', 'MESH:D004409']); // Dyskinesia, Drug-Induced
  });

  it('keeps the general concept when nothing in the document says a drug induced it', () => {
    const text = 'Dyskinesias appeared after five years of disease.';
    assert.deepEqual(meshIds(text, [mentionIn(text, 'Dyskinesias', 'Disease')]), ['MESH:D020820']); // Dyskinesias
  });

  it('reads "induced by <chemical>" after the mention and "drug-induced" inside it', () => {
    const after = 'Psychosis induced by amphetamine resolved within a week.';
    assert.deepEqual(meshIds(after, [mentionIn(after, 'Psychosis', 'Disease'), mentionIn(after, 'amphetamine', 'Chemical')]), ['MESH:D011605', 'MESH:D000661']);
    const inside = 'He was admitted with drug-induced psychosis.';
    assert.deepEqual(meshIds(inside, [mentionIn(inside, 'drug-induced psychosis', 'Disease')]), ['MESH:D011605']); // Psychoses, Substance-Induced
  });

  it('reads "<chemical>-associated" and a chemical named right before the condition', () => {
    const associated = 'Dilevalol-associated hepatitis was reported in four patients. The hepatitis resolved.';
    const ids = meshIds(associated, [mentionIn(associated, 'Dilevalol', 'Chemical'), mentionIn(associated, 'hepatitis', 'Disease'), mentionIn(associated, 'hepatitis', 'Disease', associated.indexOf('The '))]);
    assert.deepEqual(ids.slice(1), ['MESH:D056486', 'MESH:D056486']); // Chemical and Drug Induced Liver Injury
    const adjacent = 'Halothane hepatitis appears to involve an immune response.';
    assert.deepEqual(meshIds(adjacent, [mentionIn(adjacent, 'Halothane', 'Chemical'), mentionIn(adjacent, 'hepatitis', 'Disease')])[1], 'MESH:D056486');
    // A chemical further away says nothing about the condition.
    const apart = 'Halothane was given; hepatitis appeared in one patient.';
    assert.deepEqual(meshIds(apart, [mentionIn(apart, 'Halothane', 'Chemical'), mentionIn(apart, 'hepatitis', 'Disease')])[1], 'MESH:D006505'); // Hepatitis
  });

  it('leaves a condition induced by something other than a chemical alone', () => {
    const text = 'Stress-induced psychosis resolved without treatment.';
    assert.deepEqual(meshIds(text, [mentionIn(text, 'psychosis', 'Disease')]), ['MESH:D011618']); // Psychotic Disorders
  });
});
