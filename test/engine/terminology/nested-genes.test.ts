// The gene a disease or cell mention is named after is a mention too, nested inside it.
import { strict as assert } from 'node:assert';
import type { EntityType } from '../../../src/engine';
import { enrichedMentions as enriched, mentionIn, terminology } from './shared';

describe('terminology: genes named inside disease and cell mentions', function () {
  this.timeout(20_000);

  it('adds the gene a deficiency lacks, after the disease, and links it to the gene', () => {
    const text = 'Two brothers with G6PD deficiency and a girl with congenital protein C deficiency were referred.';
    assert.deepEqual(enriched(text, [['G6PD deficiency', 'Disease'], ['congenital protein C deficiency', 'Disease']]), [
      'Disease:G6PD deficiency', 'Gene:G6PD',
      'Disease:congenital protein C deficiency', 'Gene:protein C',
    ]);
    const [disease, gene] = terminology().enrich(text, [mentionIn(text, 'G6PD deficiency', 'Disease')]);
    assert.match(disease.concept?.preferred ?? '', /glucosephosphate dehydrogenase deficiency/i);
    assert.ok([gene.concept?.id, ...(gene.concept?.xrefs ?? [])].includes('HGNC:4057'), JSON.stringify(gene.concept));
  });

  it('adds the genes cells carry or were stimulated with, each of a pair', () => {
    const text = 'BCR/ABL-expressing 32D cells grew without IL-3, unlike HER2-transformed NIH3T3 cells.';
    assert.deepEqual(enriched(text, [['BCR/ABL-expressing 32D cells', 'CellLine'], ['HER2-transformed NIH3T3 cells', 'CellLine']]), [
      'CellLine:BCR/ABL-expressing 32D cells', 'Gene:BCR', 'Gene:ABL',
      'CellLine:HER2-transformed NIH3T3 cells', 'Gene:HER2',
    ]);
  });

  it('adds nothing for what names no gene, a generic protein word, a gene already found, or given mentions', () => {
    const text = 'Vitamin E deficiency, enzyme deficiency, cytokine-stimulated cells, ADP-stimulated platelets, protein C (PC) deficiency. IgA deficiency.';
    const mentions: Array<[string, EntityType]> = [['Vitamin E deficiency', 'Disease'], ['enzyme deficiency', 'Disease'], ['cytokine-stimulated cells', 'CellType'], ['ADP-stimulated platelets', 'CellType'], ['PC) deficiency', 'Disease']];
    assert.deepEqual(enriched(text, mentions), mentions.map(([m, type]) => `${type}:${m}`));
    const disease = mentionIn(text, 'IgA deficiency', 'Disease');
    const found = terminology().enrich(text, [disease, { ...mentionIn(text, 'IgA', 'Gene'), start: disease.start, end: disease.start + 3 }]);
    assert.deepEqual(found.map((a) => `${a.type}:${a.text}`), ['Disease:IgA deficiency', 'Gene:IgA']);
    assert.deepEqual(enriched(text, [['IgA deficiency', 'Disease']], false), ['Disease:IgA deficiency']);
  });
});
