// A condition listed beside a condition the model found, and which the vocabularies agree is
// one, is a mention too.
import { strict as assert } from 'node:assert';
import { enrichedMentions as enriched, mentionIn, terminology } from './shared';

describe('terminology: conditions listed beside a disease', function () {
  this.timeout(20_000);

  it('adds the finding of a review of systems the model missed, negated like its neighbours and linked', () => {
    const text = 'No chest pain, no palpitations, no syncope. Denies orthopnoea.';
    const found = terminology().enrich(text, [mentionIn(text, 'chest pain', 'Disease'), mentionIn(text, 'syncope', 'Disease')]);
    assert.deepEqual(found.map((a) => `${a.type}:${a.text}`), ['Disease:chest pain', 'Disease:palpitations', 'Disease:syncope']);
    const palpitations = found[1];
    assert.equal(palpitations.concept?.id, 'HP:0001962');
    assert.equal(palpitations.context?.negated, true);
    assert.equal(palpitations.score, 0.7, 'vouched for by the list and the vocabulary, not by the model');
  });

  it('adds list items after and before a disease (BC5CDR dev sentences, where the corpus annotates them)', () => {
    assert.deepEqual(enriched('Toxicities included hepatotoxicity, malaise, and dose-limiting nephrotoxicity.', [['hepatotoxicity', 'Disease'], ['nephrotoxicity', 'Disease']]), [
      'Disease:hepatotoxicity', 'Disease:malaise', 'Disease:nephrotoxicity',
    ]);
    assert.deepEqual(enriched('He was admitted due to insomnia, loss of appetite, exhaustion, and agitation.', [['loss of appetite', 'Disease'], ['agitation', 'Disease']]), [
      'Disease:loss of appetite', 'Disease:insomnia', 'Disease:agitation',
    ]);
  });

  it('adds nothing that is not a whole list item, a name one vocabulary alone has, or beside a non-disease', () => {
    // "rubella" is the start of "rubella prevention", not an item.
    assert.deepEqual(enriched('Perinatal hepatitis B and rubella prevention in New Hampshire.', [['hepatitis B', 'Disease']]), ['Disease:hepatitis B']);
    // "blood pressure" and "symptoms" are conditions in the Symptom Ontology alone.
    assert.deepEqual(enriched('Decreases in heart rate and blood pressure; fever, symptoms and cough.', [['fever', 'Disease'], ['cough', 'Disease']]), ['Disease:fever', 'Disease:cough']);
    assert.deepEqual(enriched('Treated with aspirin, insomnia persisted.', [['aspirin', 'Chemical']]), ['Chemical:aspirin']);
    // Given mentions (gold spans) are linked as they are.
    assert.deepEqual(enriched('No chest pain, no palpitations, no syncope.', [['chest pain', 'Disease']], false), ['Disease:chest pain']);
  });
});
