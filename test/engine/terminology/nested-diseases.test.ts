// The disease a gene or cell mention is named after is a mention too, nested at its start.
import { strict as assert } from 'node:assert';
import { enrichedMentions as enriched, mentionIn, terminology } from './shared';

describe('terminology: diseases named inside gene and cell mentions', function () {
  this.timeout(20_000);

  it('adds the disease a cell line or gene is named after, right after it, and links it', () => {
    // NCBI-disease dev sentences; the corpus annotates these diseases.
    const text = 'PTEN mutations in glioblastoma cell lines; hot spots in the retinoblastoma gene (RB1); abnormal myotonic dystrophy protein kinase levels.';
    assert.deepEqual(enriched(text, [['glioblastoma cell lines', 'CellLine'], ['retinoblastoma gene', 'Gene'], ['myotonic dystrophy protein kinase', 'Gene']]), [
      'CellLine:glioblastoma cell lines', 'Disease:glioblastoma',
      'Gene:retinoblastoma gene', 'Disease:retinoblastoma',
      'Gene:myotonic dystrophy protein kinase', 'Disease:myotonic dystrophy',
    ]);
    const [, disease] = terminology().enrich(text, [mentionIn(text, 'glioblastoma cell lines', 'CellLine')]);
    assert.equal(disease.concept?.preferred, 'Glioblastoma');
  });

  it('adds nothing for a gene named by what it does, a gene name, a disease already found, or given mentions', () => {
    const text = 'The tumor suppressor gene PTEN; EGFR mutant cells; prostate cancer cell lines from prostate cancer patients.';
    const cells = mentionIn(text, 'prostate cancer cell lines', 'CellLine');
    assert.deepEqual(enriched(text, [['tumor suppressor gene', 'Gene'], ['EGFR mutant cells', 'CellType']]), ['Gene:tumor suppressor gene', 'CellType:EGFR mutant cells']);
    const found = terminology().enrich(text, [cells, { ...mentionIn(text, 'prostate cancer', 'Disease'), start: cells.start, end: cells.start + 15 }]);
    assert.deepEqual(found.map((a) => `${a.type}:${a.text}`), ['CellLine:prostate cancer cell lines', 'Disease:prostate cancer']);
    assert.deepEqual(enriched(text, [['prostate cancer cell lines', 'CellLine']], false), ['CellLine:prostate cancer cell lines']);
  });
});
