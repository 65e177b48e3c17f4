// The hover Markdown: what a reader sees when pointing at an entity.
import { strict as assert } from 'node:assert';
import { hoverMarkdown } from '../../../src/engine/terminology';
import type { Annotation } from '../../../src/engine';
import { mentionIn, terminology } from './shared';

describe('hover markdown', function () {
  this.timeout(20_000);

  const text = 'Patient denies a heart attack; mother had one at 60.';
  const enriched = () => terminology().enrich(text, [mentionIn(text, 'heart attack', 'Disease')])[0];

  it('shows type, confidence and how the concept was found', () => {
    assert.match(terminology().hoverMarkdown(enriched()), /^\*\*Disease\*\* · confidence 0\.90 · exact match 0\.95/);
  });

  it('shows the preferred term, the semantic type and a sourced, versioned definition', () => {
    const md = terminology().hoverMarkdown(enriched());
    assert.match(md, /^### Myocardial Infarction$/m);
    assert.match(md, /^\*Diseases › Cardiovascular Diseases › Heart Diseases\*$/m);
    assert.match(md, /A coronary artery disease characterized by myocardial cell death .* — \*Human Disease Ontology 2024-01-31, \[DOID:5844\]\(https:\/\/disease-ontology\.org\/\?id=DOID:5844\)\*/);
  });

  it('links every id to its public page, MeSH first, ICD-10-CM with its dot', () => {
    const md = terminology().hoverMarkdown(enriched());
    const ids = /\*\*Ids:\*\* (.*)/.exec(md)![1];
    assert.ok(ids.startsWith('[MESH:D009203](https://meshb.nlm.nih.gov/record/ui?ui=D009203)'), ids);
    assert.ok(ids.includes('[HP:0001658](https://hpo.jax.org/browse/term/HP:0001658)'));
    assert.ok(ids.includes('[ICD10CM:I21](https://www.icd10data.com/search?s=I21)'));
    assert.ok(ids.includes('UMLS:C0027051'), 'UMLS has no public page: plain text');
  });

  it('lists a few synonyms, the context and the suggestion', () => {
    const md = terminology().hoverMarkdown(enriched());
    assert.match(md, /\*\*Also:\*\* Heart attack, /);
    assert.match(md, /\*\*Context:\*\* negated/);
    assert.match(md, /\*\*Suggestion:\*\* “heart attack” is a lay term for \*myocardial infarction\*: write “myocardial infarction”\./);
  });

  it('links HGNC and NCBI Taxonomy ids too', () => {
    const t = terminology();
    const gene = t.enrich('BRCA1 carriers', [mentionIn('BRCA1 carriers', 'BRCA1', 'Gene')])[0];
    assert.match(t.hoverMarkdown(gene), /\[HGNC:1100\]\(https:\/\/www\.genenames\.org\/data\/gene-symbol-report\/#!\/hgnc_id\/HGNC:1100\)/);
    const species = t.enrich('Staphylococcus aureus grew', [mentionIn('Staphylococcus aureus grew', 'Staphylococcus aureus', 'Species')])[0];
    assert.match(t.hoverMarkdown(species), /\[NCBITaxon:1280\]\(https:\/\/www\.ncbi\.nlm\.nih\.gov\/Taxonomy\/Browser\/wwwtax\.cgi\?id=1280\)/);
  });

  it('names the other concepts an ambiguous name may mean, and nothing more for an unambiguous one', () => {
    const t = terminology();
    const note = 'Western blot for p21 and MDM2.';
    const [p21, mdm2] = t.enrich(note, [mentionIn(note, 'p21', 'Gene'), mentionIn(note, 'MDM2', 'Gene')]);
    const md = t.hoverMarkdown(p21);
    assert.match(md, /^### CDKN1A$/m);
    const others = /\*\*“p21” may also name:\*\* (.*)/.exec(md)![1];
    for (const gene of ['NSG1', 'TCEAL1']) assert.ok(others.includes(gene), others);
    assert.ok(!t.hoverMarkdown(mdm2).includes('may also name'));
    // An abbreviation the curated clinical list gives two senses: the other is always named, even
    // where a vocabulary's weight makes "CP" cerebral palsy (HPO abbreviates it so).
    const complaint = 'Presents with SOB and CP for two days.';
    const cp = t.enrich(complaint, [mentionIn(complaint, 'CP', 'Disease')]).find((a) => a.text === 'CP')!;
    assert.match(t.hoverMarkdown(cp), /\*\*“CP” may also name:\*\* Chest Pain/);
  });

  it('says so when no concept was found', () => {
    const a: Annotation = { start: 0, end: 5, text: 'zqxwv', type: 'Chemical', score: 0.51 };
    assert.equal(hoverMarkdown(a), '**Chemical** · confidence 0.51\n\n*zqxwv*: no concept in the vocabularies');
  });

  it('escapes Markdown in text that comes from documents and vocabularies', () => {
    const a: Annotation = {
      start: 0, end: 9, text: '[x](evil)', type: 'Disease', score: 1,
      concept: { id: 'USER:1', vocabulary: 'user', preferred: '*bold* <b>', xrefs: [], definition: 'see [link](http://x)' },
    };
    const md = hoverMarkdown(a);
    assert.ok(md.includes('### \\*bold\\* \\<b\\>'), md);
    assert.ok(md.includes('see \\[link\\]\\(http://x\\)'), md);
    assert.ok(!md.includes('](evil)'), md);
  });
});
