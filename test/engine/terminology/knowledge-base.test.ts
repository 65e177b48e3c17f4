// The shipped knowledge base (models/vocab): merged concepts, typed names, definitions with
// their source, ids, and the user's own vocabularies layered on top.
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { defaultVocabDir, KnowledgeBase, VocabularyLoadError } from '../../../src/engine/terminology';
import { knowledgeBase } from './shared';

const FIXTURES = path.resolve(__dirname, '../../fixtures/terminology');
const conceptOf = (kb: KnowledgeBase, id: string) => {
  const [n] = kb.conceptsWithId(id).filter((c) => kb.concept(c).ids.includes(id));
  assert.notEqual(n, undefined, `${id} is a concept`);
  return kb.concept(n);
};

describe('knowledge base: the shipped vocabulary', function () {
  this.timeout(20_000);

  it('is compact on disk and loads in about a second', () => {
    const dir = defaultVocabDir();
    const bytes = readdirSync(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
    assert.ok(bytes < 30 * 2 ** 20, `${(bytes / 2 ** 20).toFixed(1)} MB`);
    const started = performance.now();
    const kb = KnowledgeBase.load(dir);
    const ms = performance.now() - started;
    assert.ok(kb.size > 150_000, `${kb.size} concepts`);
    assert.ok(ms < 3000, `loaded in ${ms.toFixed(0)} ms`); // ~0.5 s; generous for shared CI machines
  });

  it('records the version of every source', () => {
    const sources = Object.fromEntries(knowledgeBase().manifest!.sources.map((s) => [s.prefix, s.version]));
    assert.equal(sources.MESH, '2024');
    assert.equal(sources.DOID, '2024-01-31');
    assert.equal(sources.HP, '2023-01-27');
    assert.deepEqual(Object.keys(sources).sort(), ['CHEBI', 'DOID', 'HGNC', 'HP', 'ICD10CM', 'MESH', 'NCBITaxon', 'SYMP']);
  });

  it('merges "heart attack" across MeSH, DO, HPO and ICD-10-CM', () => {
    const kb = knowledgeBase();
    const concepts = new Set(kb.lookup('heart attack').map((e) => e.concept));
    assert.equal(concepts.size, 1);
    const record = kb.concept([...concepts][0]);
    assert.deepEqual(record.ids.slice(0, 3), ['MESH:D009203', 'DOID:5844', 'HP:0001658']);
    assert.ok(record.xrefs.includes('ICD10CM:I21'));
    assert.ok(record.xrefs.includes('UMLS:C0027051'));
  });

  it('joins a DO term to the MeSH heading of its own name, not to another its cross-reference names', () => {
    // DO's "tuberculosis" cross-references MeSH Tuberculoma, its "hepatitis" Hepatitis, Chronic.
    const kb = knowledgeBase();
    const holder = (id: string) => kb.concept(kb.conceptsWithId(id)[0]).ids;
    assert.deepEqual(holder('DOID:399').slice(0, 2), ['MESH:D014376', 'DOID:399']);
    assert.ok(!holder('MESH:D014375').includes('DOID:399'));
    assert.ok(!holder('MESH:D006521').includes('DOID:2237'));
    assert.ok(holder('DOID:10923').includes('MESH:D000755')); // sickle cell anemia, not Hemoglobin SC Disease
  });

  it('types every name: HPO says "heart attack" is lay, MeSH that it is an entry term', () => {
    const kinds = knowledgeBase().lookup('heart attack').map((e) => `${e.kind}/${e.source}`).sort();
    assert.ok(kinds.includes('lay/H'), kinds.join());
    assert.ok(kinds.includes('exact/M'), kinds.join());
  });

  it('keeps each source\'s definition unaltered and attributed (MeSH ships none here)', () => {
    const record = conceptOf(knowledgeBase(), 'MESH:D009203');
    const sources = record.definitions.map((d) => d.source);
    assert.deepEqual(sources, ['DOID:5844', 'HP:0001658']);
    assert.match(record.definitions[1].text, /^Necrosis of the myocardium/);
  });

  it('gives MeSH concepts their tree numbers and branch', () => {
    const record = conceptOf(knowledgeBase(), 'MESH:D009203');
    assert.ok(record.treeNumbers.includes('C14.280.647.500'));
    assert.match(record.semanticType, /^Diseases › Cardiovascular Diseases/);
  });

  it('knows genes by symbol, previous symbol and full name', () => {
    const kb = knowledgeBase();
    const brca1 = conceptOf(kb, 'HGNC:1100');
    assert.equal(brca1.labels[0], 'BRCA1');
    assert.ok(kb.lookup('BRCA1 DNA repair associated').some((e) => e.concept === kb.conceptsWithId('HGNC:1100')[0]));
    assert.ok(kb.lookup('FAM123B').some((e) => e.kind === 'previous'), 'AMER1 was FAM123B');
    assert.ok(brca1.xrefs.includes('NCBIGene:672'));
  });

  it('knows species (NCBI Taxonomy merged with MeSH organisms) and chemicals with trade names', () => {
    const kb = knowledgeBase();
    const aureus = kb.concept(kb.lookup('Staphylococcus aureus')[0].concept);
    assert.ok(aureus.ids.includes('NCBITaxon:1280') && aureus.ids.some((id) => id.startsWith('MESH:')), aureus.ids.join());
    const tylenol = kb.lookup('Tylenol');
    assert.ok(tylenol.some((e) => e.kind === 'trade' && kb.concept(e.concept).ids.includes('MESH:D000082')));
  });

  it('indexes inverted MeSH headings under their words in any order', () => {
    const kb = knowledgeBase();
    assert.ok(kb.lookup('Infarction, Myocardial').some((e) => e.kind === 'inverted'));
  });

  it('finds similar names, restricted to a type', () => {
    const kb = knowledgeBase();
    const [best] = kb.fuzzy('myocardial infarctoin', { typeBits: 2, minScore: 0.7 });
    assert.ok(kb.concept(best.entries[0].concept).ids.includes('MESH:D009203'));
    assert.equal(kb.fuzzy('myocardial infarctoin', { typeBits: 4, minScore: 0.7 }).length, 0); // no gene is close
  });

  it('flags curated ambiguous abbreviations', () => {
    assert.equal(knowledgeBase().isAmbiguousAbbreviation('PE'), true);
    assert.equal(knowledgeBase().isAmbiguousAbbreviation('COPD'), false);
  });

  it('fails with a clear error naming the folder when the vocabulary is missing', () => {
    assert.throws(() => KnowledgeBase.load('/nonexistent/vocab'), (e: unknown) => e instanceof VocabularyLoadError && /manifest/.test(e.message));
  });

  it('loads the same vocabulary asynchronously (what the server does), answering as load() does', async () => {
    const kb = await KnowledgeBase.loadAsync();
    assert.equal(kb.size, knowledgeBase().size);
    for (const term of ['heart attack', 'cisplatin', 'BRCA1', 'Mus musculus']) {
      assert.deepEqual(kb.lookup(term), knowledgeBase().lookup(term), term);
    }
    assert.deepEqual(kb.fuzzy('hypertensoin').slice(0, 3), knowledgeBase().fuzzy('hypertensoin').slice(0, 3));
  });

  it('names the unreadable file when an asynchronous load fails', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'biolens-vocab-'));
    try {
      for (const f of readdirSync(defaultVocabDir())) copyFileSync(path.join(defaultVocabDir(), f), path.join(dir, f));
      writeFileSync(path.join(dir, 'fuzzy.bin.gz'), 'not gzip');
      await assert.rejects(KnowledgeBase.loadAsync(dir), (e: unknown) => e instanceof VocabularyLoadError && e.file === path.join(dir, 'fuzzy.bin.gz'));
      rmSync(path.join(dir, 'names.bin'));
      await assert.rejects(KnowledgeBase.loadAsync(dir), (e: unknown) => e instanceof VocabularyLoadError && /names\.bin/.test(e.message));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('knowledge base: user vocabularies', () => {
  it('adds a TSV vocabulary; an xref to a known concept extends that concept', () => {
    const kb = KnowledgeBase.load();
    assert.equal(kb.addUserVocabulary(path.join(FIXTURES, 'lab-terms.tsv')), 2);
    const [reporter] = kb.lookup('BL918');
    assert.deepEqual(kb.concept(reporter.concept).ids, ['LAB:0001']);
    assert.equal(kb.concept(reporter.concept).typeBits, 16); // CellLine
    const mi = conceptOf(kb, 'MESH:D009203');
    assert.ok(mi.ids.includes('LAB:0002'));
    assert.ok(mi.definitions.some((d) => d.source === 'LAB:0002'));
  });

  it('adds a term list: the first term of a line is preferred, the rest are its variants', () => {
    const kb = KnowledgeBase.empty();
    kb.addUserVocabulary(path.join(FIXTURES, 'ward-glossary.txt'));
    const [panadol] = kb.lookup('Panadol');
    assert.equal(panadol.kind, 'trade');
    assert.equal(kb.concept(panadol.concept).labels[0], 'paracetamol');
    assert.equal(kb.lookup('breathlessness')[0].kind, 'lay');
  });

  it('adds an OBO file and skips obsolete terms', () => {
    const kb = KnowledgeBase.empty();
    assert.equal(kb.addUserVocabulary(path.join(FIXTURES, 'plants.obo')), 1);
    assert.equal(kb.lookup('thale cress')[0].kind, 'lay');
    assert.equal(kb.lookup('obsolete plant').length, 0);
    assert.equal(kb.fuzzy('arabidopsis thalliana', { minScore: 0.6 })[0].key, 'arabidopsis thaliana');
  });

  it('reports an unreadable user file as a VocabularyLoadError', () => {
    assert.throws(() => KnowledgeBase.empty().addUserVocabulary('/nonexistent/terms.tsv'), VocabularyLoadError);
  });
});
