// Spans the model cuts wrongly or whose nesting its BIO path cannot express: organisms named inside
// another entity ("human IL-2") become Species annotations of their own, and Species spans end
// where the organism's name ends ("S. tuberosum", not "S"; "potato", not "potato mitochondria").
import { strict as assert } from 'node:assert';
import { bertWords, Gazetteer } from '../../src/engine';
import { spanAnnotations } from '../../src/engine/entitySpans';
import { labelScheme } from '../../src/engine/labels';
import { nestedOrganisms } from '../../src/engine/nestedOrganisms';
import { fixOrganismBoundaries } from '../../src/engine/organismBoundaries';
import { completeTerms } from '../../src/engine/termCompletion';
import { spanOf } from './spanOf';

const scheme = labelScheme({ 0: 'O', 1: 'B-Gene', 2: 'I-Gene', 3: 'B-Species', 4: 'I-Species', 5: 'B-Disease', 6: 'I-Disease', 7: 'B-CellType', 8: 'I-CellType' });
const [GENE, SPECIES, DISEASE, CELL_TYPE] = [1, 3, 5, 7];
const SPECIES_BIT = 8;
// Keys as the shipped gazetteer writes them (BERT words, lowercase, one space); only the plural
// "yeasts" and "rats", as in MeSH.
const gazetteer = Gazetteer.parse(
  ['human', 'sheep', 'potato', 'wheat', 'yeasts', 'rats', 'mouse', 'escherichia coli', 'human immunodeficiency virus', `il - 2\t4`]
    .map((k) => (k.includes('\t') ? k : `${k}\t${SPECIES_BIT}`))
    .join('\n'),
  6,
);

/** "type:text" of each annotation the rule under test makes of spans over `phrases` of `text`. */
function found(rule: 'nested' | 'boundaries', text: string, phrases: Array<[string, number]>, bit = SPECIES_BIT): string[] {
  const words = bertWords(text);
  const spans = phrases.map(([phrase, label]) => spanOf(text, phrase, label));
  const out = rule === 'nested' ? nestedOrganisms(words, spans, scheme, gazetteer, bit) : fixOrganismBoundaries(text, words, spans, scheme, gazetteer, bit);
  const annotations = spanAnnotations(text, words, out, scheme, {});
  for (const a of annotations) assert.equal(text.slice(a.start, a.end), a.text);
  return annotations.map((a) => `${a.type}:${a.text}`);
}

describe('organisms named inside other entities', () => {
  it('finds the organism of a gene, a cell type or a disease mention', () => {
    assert.deepEqual(found('nested', 'Human IL-2 was added.', [['Human IL-2', GENE]]), ['Species:Human']);
    assert.deepEqual(found('nested', 'We cloned the sheep a2 collagen gene.', [['sheep a2 collagen gene', GENE]]), ['Species:sheep']);
    assert.deepEqual(found('nested', 'It binds yeast TATA-box-binding protein.', [['yeast TATA-box-binding protein', GENE]]), ['Species:yeast']);
    assert.deepEqual(found('nested', 'Cells from rat liver.', [['rat liver', CELL_TYPE]]), ['Species:rat']);
    assert.deepEqual(found('nested', 'Patients with human immunodeficiency virus infection.', [['human immunodeficiency virus infection', DISEASE]]), ['Species:human immunodeficiency virus']);
  });

  it('reads an organism adjective as the organism, without the gazetteer too', () => {
    assert.deepEqual(found('nested', 'Infected murine macrophages and bovine serum albumin.', [['murine macrophages', CELL_TYPE], ['bovine serum albumin', GENE]], 0), ['Species:murine', 'Species:bovine']);
  });

  it('adds nothing for a span that is an organism name as a whole, a Species span, or a name inside a word', () => {
    assert.deepEqual(found('nested', 'wheat was sown.', [['wheat', GENE]]), []);
    assert.deepEqual(found('nested', 'In human cells.', [['human cells', SPECIES]]), []);
    assert.deepEqual(found('nested', 'The humanized antibody IL-2R.', [['humanized antibody IL-2R', GENE]]), []);
    // A gene symbol that contains an organism's name is not the organism.
    assert.deepEqual(found('nested', 'It acts as RAT1 kinase.', [['RAT1 kinase', GENE]]), []);
  });

  it('adds nothing when the model has no Species label', () => {
    const noSpecies = labelScheme({ 0: 'O', 1: 'B-Gene', 2: 'I-Gene' });
    const text = 'Human IL-2 was added.';
    assert.deepEqual(nestedOrganisms(bertWords(text), [spanOf(text, 'Human IL-2', 1)], noSpecies, gazetteer, SPECIES_BIT), []);
  });
});

describe('where an organism name ends', () => {
  it('completes an abbreviated binomial cut at its genus initial, and drops the lone epithet', () => {
    assert.deepEqual(found('boundaries', 'Grown in S. tuberosum plants.', [['S', SPECIES]]), ['Species:S. tuberosum']);
    assert.deepEqual(found('boundaries', 'Grown in S. tuberosum plants.', [['S.', SPECIES], ['tuberosum', SPECIES]]), ['Species:S. tuberosum']);
    // Tokenised corpus text writes the same name with spaces.
    assert.deepEqual(found('boundaries', 'in S . tuberosum mitochondria', [['S .', SPECIES]]), ['Species:S . tuberosum']);
  });

  it('ends a common name before the word it modifies', () => {
    assert.deepEqual(found('boundaries', 'Isolated potato mitochondria were used.', [['potato mitochondria', SPECIES]]), ['Species:potato']);
    assert.deepEqual(found('boundaries', 'The potato cox2 transcripts.', [['potato cox2', SPECIES]]), ['Species:potato']);
    assert.deepEqual(found('boundaries', 'Most human cancers.', [['human cancers', SPECIES]]), ['Species:human']);
  });

  it('ends a scientific name before a lowercase word, but keeps a strain, a rank and an epithet', () => {
    assert.deepEqual(found('boundaries', 'Two S. faecium endocarditis cases.', [['S. faecium endocarditis', SPECIES]]), ['Species:S. faecium']);
    assert.deepEqual(found('boundaries', 'Escherichia coli BL21 cells.', [['Escherichia coli BL21', SPECIES]]), ['Species:Escherichia coli BL21']);
    assert.deepEqual(found('boundaries', 'Seeds of T. aestivum var Fortal.', [['T. aestivum var Fortal', SPECIES]]), ['Species:T. aestivum var Fortal']);
    assert.deepEqual(found('boundaries', 'Seeds of Triticum timopheevi.', [['Triticum timopheevi', SPECIES]]), ['Species:Triticum timopheevi']);
  });

  it('ends an organism at a comma: prose never inverts a strain as MeSH does ("Mice, Knockout")', () => {
    assert.deepEqual(found('boundaries', 'In mice, knockout of Slc5a2 abolished glycosuria.', [['mice, knockout', SPECIES]]), ['Species:mice']);
  });

  it('keeps a virus named after its host whole', () => {
    assert.deepEqual(found('boundaries', 'The mouse mammary tumor virus promoter.', [['mouse mammary tumor virus', SPECIES]]), ['Species:mouse mammary tumor virus']);
  });

  it('leaves spans of other types alone', () => {
    assert.deepEqual(found('boundaries', 'The potato cox2 gene.', [['potato cox2 gene', GENE]]), ['Gene:potato cox2 gene']);
  });
});

describe('a span the model stopped inside a dictionary term', () => {
  const withDisease = Gazetteer.parse(
    ['heart attack\t2', 'heart\t0', 'sodium chloride\t1', 'attack rate\t2', 'infective endocarditis\t2', 'end - stage renal disease\t2', 'recurrent bacterial infections\t2'].join('\n'),
    6,
  );
  const diseaseScheme = labelScheme({ 0: 'O', 1: 'B-Disease', 2: 'I-Disease', 3: 'B-Chemical', 4: 'I-Chemical' });
  const complete = (text: string, phrases: Array<[string, number]>) => {
    const words = bertWords(text);
    const spans = completeTerms(words, phrases.map(([p, l]) => spanOf(text, p, l)), diseaseScheme, withDisease, { Disease: 2, Chemical: 1 });
    return spanAnnotations(text, words, spans, diseaseScheme, {}).map((a) => `${a.type}:${a.text}`);
  };

  it('runs to the end of the longest term of its type that starts where it starts', () => {
    assert.deepEqual(complete('He had a heart attack in 2019.', [['heart', 1]]), ['Disease:heart attack']);
  });

  it('never for chemicals, never into the next span, never past a term of another type', () => {
    assert.deepEqual(complete('Given sodium chloride.', [['sodium', 3]]), ['Chemical:sodium']);
    assert.deepEqual(complete('A heart attack rate.', [['heart', 1], ['attack rate', 1]]), ['Disease:heart', 'Disease:attack rate']);
  });

  it('joins two spans of its type that one term covers, never a span of another type', () => {
    assert.deepEqual(complete('Suspected infective endocarditis.', [['infective', 1], ['endocarditis', 1]]), ['Disease:infective endocarditis']);
    assert.deepEqual(complete('Suspected infective endocarditis.', [['infective', 1], ['endocarditis', 3]]), ['Disease:infective', 'Chemical:endocarditis']);
  });

  it('starts a span cut inside a hyphenated word where the term starts, but takes in no modifier', () => {
    assert.deepEqual(complete('Known end-stage renal disease.', [['stage renal disease', 1]]), ['Disease:end-stage renal disease']);
    assert.deepEqual(complete('Known end-stage renal disease.', [['stage renal', 1]]), ['Disease:end-stage renal disease']);
    assert.deepEqual(complete('Had recurrent bacterial infections.', [['bacterial infections', 1]]), ['Disease:bacterial infections']);
  });
});
