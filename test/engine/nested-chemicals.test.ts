// Chemicals named inside a gene/protein name ("dopamine D2 receptor", "superoxide dismutase")
// become Chemical annotations of their own; the gene span stays.
import { strict as assert } from 'node:assert';
import { bertWords, Gazetteer } from '../../src/engine';
import { spanAnnotations } from '../../src/engine/entitySpans';
import { labelScheme } from '../../src/engine/labels';
import { nestedChemicals } from '../../src/engine/nestedChemicals';
import { spanOf } from './spanOf';

const scheme = labelScheme({ 0: 'O', 1: 'B-Gene', 2: 'I-Gene', 3: 'B-Chemical', 4: 'I-Chemical', 5: 'B-Disease', 6: 'I-Disease' });
const [GENE, CHEMICAL, DISEASE] = [1, 3, 5];
const CHEMICAL_BIT = 1;
// Keys as the shipped gazetteer writes them (BERT words, lowercase, one space). MeSH lists
// proteins and letters among its chemicals too, as the shipped gazetteer does.
const gazetteer = Gazetteer.parse(
  ['dopamine', 'superoxide', 'alanine', '5 - ht', 'nitric oxide', 'serotonin', 'adenosine', 'interleukin', 'beta', 'cathepsin', 'adp - ribose', 'glutathione']
    .map((k) => `${k}\t${CHEMICAL_BIT}`)
    .join('\n'),
  6,
);

/** "type:text" of each chemical found inside spans over `phrases` of `text`. */
function found(text: string, phrases: Array<[string, number]>, bit = CHEMICAL_BIT): string[] {
  const words = bertWords(text);
  const spans = phrases.map(([phrase, label]) => spanOf(text, phrase, label));
  const annotations = spanAnnotations(text, words, nestedChemicals(words, spans, scheme, gazetteer, bit), scheme, {});
  for (const a of annotations) assert.equal(text.slice(a.start, a.end), a.text);
  return annotations.map((a) => `${a.type}:${a.text}`);
}

describe('chemicals named inside gene and protein names', () => {
  it('finds the ligand of a receptor or transporter and the substrate of an enzyme', () => {
    assert.deepEqual(found('Blockade of the dopamine D2 receptor.', [['dopamine D2 receptor', GENE]]), ['Chemical:dopamine']);
    assert.deepEqual(found('Serum superoxide dismutase fell.', [['superoxide dismutase', GENE]]), ['Chemical:superoxide']);
    assert.deepEqual(found('Raised alanine aminotransferase levels.', [['alanine aminotransferase', GENE]]), ['Chemical:alanine']);
    assert.deepEqual(found('The 5-HT transporter gene.', [['5-HT transporter', GENE]]), ['Chemical:5-HT']);
    assert.deepEqual(found('Inducible nitric oxide synthase was expressed.', [['Inducible nitric oxide synthase', GENE]]), ['Chemical:nitric oxide']);
    assert.deepEqual(found('Serotonin receptors and glutathione peroxidase.', [['Serotonin receptors', GENE], ['glutathione peroxidase', GENE]]), ['Chemical:Serotonin', 'Chemical:glutathione']);
  });

  it('adds nothing for a protein, a letter or a prefix the dictionary lists as a chemical', () => {
    assert.deepEqual(found('Levels of interleukin 6 rose.', [['interleukin 6', GENE]]), []);
    assert.deepEqual(found('The beta-adrenoceptor and cathepsin D.', [['beta-adrenoceptor', GENE], ['cathepsin D', GENE]]), []);
    assert.deepEqual(found('Poly(ADP-ribose) polymerase inhibitors.', [['ADP-ribose) polymerase', GENE]]), []);
  });

  it('adds nothing outside gene spans, for a whole span, or without a receptor or enzyme after the chemical', () => {
    assert.deepEqual(found('dopamine receptor agonism', [['dopamine receptor', DISEASE]]), []);
    assert.deepEqual(found('Plasma dopamine rose.', [['dopamine', GENE]]), []);
    assert.deepEqual(found('The dopamine-1 subtype.', [['dopamine-1', GENE]]), []);
    assert.deepEqual(found('Adenosine levels.', [['Adenosine levels', CHEMICAL]]), []);
  });

  it('adds nothing when the model has no Chemical label or the gazetteer no chemical bit', () => {
    const text = 'Blockade of the dopamine D2 receptor.';
    const noChemical = labelScheme({ 0: 'O', 1: 'B-Gene', 2: 'I-Gene' });
    assert.deepEqual(nestedChemicals(bertWords(text), [spanOf(text, 'dopamine D2 receptor', 1)], noChemical, gazetteer, CHEMICAL_BIT), []);
    assert.deepEqual(found(text, [['dopamine D2 receptor', GENE]], 0), []);
  });
});
