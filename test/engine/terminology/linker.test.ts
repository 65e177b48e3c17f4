// Mention → concept: exact after normalisation, the document's abbreviations, adjective
// variants, fuzzy matching with a threshold, and partial matches, always within the type.
import { strict as assert } from 'node:assert';
import { abbreviationMap, findAbbreviations, Linker, type LinkResult } from '../../../src/engine/terminology';
import type { EntityType } from '../../../src/engine';
import { knowledgeBase } from './shared';

describe('linker', function () {
  this.timeout(20_000);
  let linker: Linker;
  before(() => (linker = new Linker(knowledgeBase())));

  const ids = (r: LinkResult | undefined) => (r ? knowledgeBase().concept(r.concept).ids : []);
  const link = (mention: string, type: EntityType, text?: string) =>
    linker.link(mention, type, text ? abbreviationMap(findAbbreviations(text)) : undefined);

  it('links exact names whatever their case, plural, hyphenation or Greek letters', () => {
    for (const m of ['myocardial infarction', 'Myocardial Infarctions', 'heart attacks', 'MYOCARDIAL INFARCTION']) {
      assert.equal(ids(link(m, 'Disease'))[0], 'MESH:D009203', m);
    }
    assert.equal(ids(link('α-synuclein', 'Gene'))[0], ids(link('alpha-synuclein', 'Gene'))[0]);
    assert.equal(ids(link('haemorrhagic stroke', 'Disease'))[0], ids(link('hemorrhagic stroke', 'Disease'))[0]);
  });

  it('scores a preferred name 1 and says how it matched', () => {
    const r = link('Myocardial Infarction', 'Disease')!;
    assert.deepEqual([r.method, r.score, r.kinds[0]], ['exact', 1, 'preferred']);
  });

  it('keeps to concepts of the mention\'s type', () => {
    // "COPD" is also a previous symbol of the gene ARCN1.
    assert.equal(ids(link('COPD', 'Disease'))[0], 'MESH:D029424');
    assert.equal(ids(link('COPD', 'Gene'))[0], 'HGNC:649');
  });

  it('never links a disease mention to an anatomy, organism or technique concept', () => {
    // "heart" tagged alone (from "heart attack") is no MeSH Heart; "analgesia" as a disease is
    // not Analgesia the procedure.
    assert.notEqual(ids(link('heart', 'Disease'))[0], 'MESH:D006321');
    assert.notEqual(ids(link('analgesia', 'Disease'))[0], 'MESH:D000698');
    assert.equal(ids(link('blood urea nitrogen', 'Chemical'))[0], 'MESH:D001806');
  });

  it('never links an entity to a discipline, a custom or a place; people only as organisms', () => {
    // The model tagged "holiday" a chemical and "optometry" a disease in the example notes: MeSH
    // names them (Holidays, Optometry), and neither is a chemical or a condition.
    for (const type of ['Chemical', 'Disease', 'Gene'] as const) {
      assert.equal(link('holiday', type), undefined, `holiday as ${type}`);
      assert.equal(link('optometry', type), undefined, `optometry as ${type}`);
      assert.equal(link('women', type), undefined, `women as ${type}`);
    }
    assert.equal(knowledgeBase().concept(link('women', 'Species')!.concept).labels[0], 'Women');
  });

  it('links a disease described by organ, lost function or symptoms to the condition it describes', () => {
    // MeSH only: with every vocabulary, HPO names some of these as written ("Renal impairment").
    const mesh = new Linker(knowledgeBase(), { restrictTo: ['MESH'] });
    const meshId = (mention: string) => ids(mesh.link(mention, 'Disease'))[0];
    assert.equal(meshId('renal impairment'), 'MESH:D007674'); // Kidney Diseases
    assert.equal(meshId('pulmonary toxicity'), 'MESH:D008171'); // Lung Diseases
    assert.equal(meshId('decreased renal function'), 'MESH:D051437'); // Renal Insufficiency
    assert.equal(meshId('psychotic symptoms'), 'MESH:D011618'); // Psychotic Disorders
    assert.equal(meshId('meningococcal disease'), 'MESH:D008589'); // Meningococcal Infections
    // A disease named only by how it is inherited.
    assert.equal(meshId('autosomal recessive disorder'), 'MESH:D030342'); // Genetic Diseases, Inborn
    assert.equal(meshId('X-linked disorder'), 'MESH:D040181'); // Genetic Diseases, X-Linked
    assert.equal(meshId('chronic disease'), 'MESH:D002908'); // a name of its own: no paraphrase
    const described = mesh.link('skin lesions', 'Disease')!;
    assert.deepEqual([ids(described)[0], described.method], ['MESH:D012871', 'partial']);
    assert.ok(described.score < 0.8, 'a paraphrase is no name: its confidence says so');
  });

  it('links a measure said to change to the finding named with an adjective, and a virus\'s infection to its disease', () => {
    const mesh = new Linker(knowledgeBase(), { restrictTo: ['MESH'] });
    const meshId = (mention: string) => ids(mesh.link(mention, 'Disease'))[0];
    assert.equal(meshId('prolongation of the QT interval'), 'MESH:D008133'); // Long QT Syndrome ("prolonged QT interval")
    assert.equal(meshId('a falling platelet count'), 'MESH:D013921'); // Thrombocytopenia ("decreased platelet count")
    assert.equal(meshId('decrease in sexual desire'), 'MESH:D020018'); // Sexual Dysfunctions, Psychological
    assert.equal(meshId('intraocular pressure rise'), 'MESH:D009798'); // Ocular Hypertension ("increased intraocular pressure")
    // An infection named by its virus is the disease named after the virus, not a broader one.
    assert.equal(meshId('hepatitis C virus infection'), 'MESH:D006526'); // Hepatitis C (fuzzy alone: Hepatitis, Viral, Human)
    assert.equal(meshId('infected with hepatitis C virus'), 'MESH:D006526');
    // A subtype written first with "type" is the subtype, not the bare disease.
    assert.equal(meshId('type B hepatitis'), 'MESH:D006509'); // Hepatitis B (the head alone: Hepatitis)
    assert.equal(meshId('Type A hepatitis'), 'MESH:D006506');
    // The change alone, or a change of nothing the vocabulary names, is no finding.
    assert.equal(meshId('a fall'), undefined);
    assert.equal(meshId('rise in enthusiasm'), undefined);
  });

  it('reads an organ adjective as the organ, the organ after the head, and a cancer as the organ\'s neoplasm', () => {
    const mesh = new Linker(knowledgeBase(), { restrictTo: ['MESH'] });
    const meshId = (mention: string) => ids(mesh.link(mention, 'Disease'))[0];
    assert.equal(meshId('myocardial hypertrophy'), 'MESH:D006332'); // Cardiomegaly ("cardiac hypertrophy")
    assert.equal(meshId('visual deficits'), 'MESH:D014786'); // Vision Disorders
    assert.equal(meshId('cerebral abnormalities'), 'MESH:D001927'); // Brain Diseases
    assert.equal(meshId('marrow toxicity'), 'MESH:D001855'); // Bone Marrow Diseases
    assert.equal(meshId('vein thrombosis'), 'MESH:D020246'); // Venous Thrombosis
    assert.equal(meshId('injury to the kidney'), 'MESH:D007674'); // Kidney Diseases
    assert.equal(meshId('colorectal adenomas'), 'MESH:D015179'); // Colorectal Neoplasms
    // A general adjective is no organ: "severe" never turns into anything.
    assert.equal(meshId('severe deficits'), undefined);
  });

  it('reads an everyday word in its everyday sense, and says what else the vocabularies call it', () => {
    const alcohol = link('alcohol', 'Chemical')!;
    assert.equal(ids(alcohol)[0], 'MESH:D000431'); // Ethanol, not the class Alcohols of MeSH and ChEBI
    assert.ok(alcohol.alternatives.some((c) => knowledgeBase().concept(c).ids.includes('MESH:D000438')), 'Alcohols stays an alternative');
    assert.equal(ids(link('Alcohol', 'Chemical'))[0], 'MESH:D000431');
    assert.equal(ids(link('salt', 'Chemical'))[0], 'MESH:D017673'); // Sodium Chloride, Dietary ("table salt")
    // The plural is the class, and a longer name is its own.
    assert.equal(ids(link('alcohols', 'Chemical'))[0], 'MESH:D000438');
    assert.equal(ids(link('salts', 'Chemical'))[0], 'MESH:D012492');
    assert.equal(ids(link('benzyl alcohol', 'Chemical'))[0], 'MESH:D001592');
  });

  it('links a drug\'s salt to the drug, never to the salt\'s acid', () => {
    assert.equal(ids(link('dosulepine hydrochloride', 'Chemical'))[0], 'MESH:D004308'); // Dothiepin, misspelt; not Hydrochloric Acid
    assert.equal(link('xyzzy hydrochloride', 'Chemical'), undefined);
    assert.equal(ids(link('sodium chloride', 'Chemical'))[0], 'MESH:D012965'); // a name of its own stays whole
  });

  it('reads an acid\'s amide written in two words as the one-word amide', () => {
    assert.equal(ids(link('nicotinic acid amide', 'Chemical'))[0], 'MESH:D009536'); // Niacinamide (fuzzy alone: Nicotinic Acids)
    assert.equal(ids(link('benzoic acid amide', 'Chemical'))[0], 'MESH:D001549'); // Benzamides
  });

  it('prefers the concept most sources agree on', () => {
    // "convulsion" is the Symptom Ontology's preferred name for a concept of its own, and a
    // synonym of Seizures in MeSH, DO and HPO: the merged concept wins.
    assert.deepEqual(ids(link('convulsions', 'Disease')).slice(0, 3), ['MESH:D012640', 'DOID:11832', 'HP:0001250']);
  });

  it('resolves a short form with the definition in the same document', () => {
    const text = 'Patients with heart failure (HF) were enrolled. HF worsened in 12.';
    const r = link('HF', 'Disease', text)!;
    assert.equal(r.method, 'abbreviation');
    assert.equal(r.longForm, 'heart failure');
    assert.equal(ids(r)[0], 'MESH:D006333');
    // Defined in another order (dystrophia myotonica): "DM" is no diabetes mellitus there.
    const dm = link('DM', 'Disease', 'We studied 55 subjects with myotonic dystrophy (DM). DM is inherited.')!;
    assert.deepEqual([dm.longForm, ids(dm)[0]], ['myotonic dystrophy', 'MESH:D009223']);
    assert.equal(ids(link('DM', 'Disease'))[0], 'MESH:D003920');
  });

  it('writes out the document\'s short forms inside a longer mention', () => {
    // BC5CDR dev sentences: "HCV infection" and "elevated ICP" name no concept as written.
    const text = 'Patients with chronic hepatitis C virus (HCV) infection were given interferon. HCV infection relapsed in 4. Intracranial pressure (ICP) was monitored; elevated ICP followed.';
    const r = link('HCV infection', 'Disease', text)!;
    assert.deepEqual([r.method, r.longForm, ids(r)[0]], ['abbreviation', 'hepatitis C virus infection', 'MESH:D006526']);
    assert.equal(ids(link('elevated ICP', 'Disease', text))[0], 'MESH:D019586');
    assert.equal(link('HCV infection', 'Disease'), undefined, 'no definition, no concept');
    // A name the vocabulary has as written keeps its own concept.
    assert.equal(link('hepatitis C', 'Disease', 'hepatitis C (HC) in HC patients')?.method, 'exact');
  });

  it('lets the document\'s definition beat what an abbreviation usually means', () => {
    const text = 'Mitral stenosis (MS) was severe; MS was treated with valvotomy.';
    assert.equal(ids(link('MS', 'Disease', text))[0], 'MESH:D008946');
    // Without a definition "MS" is multiple sclerosis or mitral stenosis: the result says so.
    const undefinedMs = link('MS', 'Disease')!;
    assert.equal(undefinedMs.alternatives.length, 1);
    assert.ok(undefinedMs.score < 0.8);
  });

  it('keeps the short form\'s own concept when the definition names only a property', () => {
    // Schwartz-Hearst reads "methicillin-resistant" as the long form of MRSA here.
    const text = 'Blood cultures grew Staphylococcus aureus, methicillin-resistant (MRSA). MRSA persisted.';
    assert.equal(ids(link('MRSA', 'Species', text))[0], 'MESH:D055624');
  });

  it("keeps the short form's own concept when it is a preferred name and the definition links only approximately", () => {
    const text = 'Variants in polymerase gamma (POLG) cause Alpers syndrome. POLG testing was done.';
    assert.equal(ids(link('POLG', 'Gene', text))[0], 'HGNC:9179', 'POLG itself, not PAPOLG (poly(A) polymerase gamma), nearest to the long form');
    assert.equal(ids(link('polymerase gamma', 'Gene', text))[0], 'HGNC:9179', 'and the long form, which the vocabulary has only approximately');
  });

  it('links an adjective to its noun ("cirrhotic" → cirrhosis, "asthmatic" → asthma, "syncopal" → syncope, "edematous" → edema, "painful" → pain)', () => {
    // "edematous" and "painful" had fuzzy-matched Pulmonary Edema and Myalgia.
    for (const [adjective, id] of [['cirrhotic', 'MESH:D008103'], ['asthmatic', 'MESH:D001249'], ['hypoxic', 'MESH:D000860'], ['syncopal', 'MESH:D013575'], ['edematous', 'MESH:D004487'], ['painful', 'MESH:D010146']]) {
      const r = link(adjective, 'Disease')!;
      assert.deepEqual([r.method, ids(r)[0]], ['fuzzy', id], adjective);
      assert.ok(r.score < 1);
    }
    // The head noun of "attacks" of syncope is not the condition: the adjective is.
    assert.equal(ids(link('syncopal attacks', 'Disease'))[0], 'MESH:D013575');
  });

  it('links a misspelling by fuzzy matching, with the cosine as its score', () => {
    const r = link('myocardial infarctoin', 'Disease')!;
    assert.equal(r.method, 'fuzzy');
    assert.equal(ids(r)[0], 'MESH:D009203');
    assert.ok(r.score > 0.75 && r.score < 1);
  });

  it('links a long word with a slip of one letter, never one two letters from another word', () => {
    assert.equal(ids(link('apomophine', 'Chemical'))[0], 'MESH:D001058'); // Apomorphine
    assert.equal(ids(link('pentoxyifylline', 'Chemical'))[0], 'MESH:D010431'); // Pentoxifylline
    const vocabularies = new Linker(knowledgeBase(), { corpusWeight: 0 });
    assert.notEqual(ids(vocabularies.link('clotiazepam', 'Chemical'))[0], 'MESH:D002998'); // another drug than Clonazepam
    assert.notEqual(ids(vocabularies.link('nephrotoxicity', 'Disease'))[0], 'MESH:D020258'); // not Neurotoxicity Syndromes
  });

  it('claims nothing below the fuzzy threshold', () => {
    assert.equal(link('zqxwv blorptic syndrome', 'Disease'), undefined);
    assert.equal(new Linker(knowledgeBase(), { fuzzyThreshold: 0.99 }).link('myocardial infarctoin', 'Disease'), undefined);
  });

  it('prefers a near name with the mention\'s own words, and never one that swaps a word', () => {
    // Without the training corpora's names, so that the vocabularies alone decide.
    const vocabularies = new Linker(knowledgeBase(), { corpusWeight: 0 });
    const meshOf = (mention: string) => ids(vocabularies.link(mention, 'Disease')).find((id) => id.startsWith('MESH:'));
    assert.equal(meshOf('overdose'), 'MESH:D062787'); // Drug Overdose, not the nearer "opiate overdose"
    assert.equal(meshOf('renal injury'), 'MESH:D007674'); // kidney disease, not "spinal injury"
    assert.equal(meshOf('diabetic'), 'MESH:D003920'); // Diabetes Mellitus, not "diabetic coma"
    assert.equal(meshOf('fracture'), 'MESH:D050723'); // MeSH's narrower Fractures, Bone: nothing nearer fits
    // "ototoxicity" and "otological toxicity" are one letter-trigram away, but other words.
    assert.equal(link('cytotoxicity', 'Disease'), undefined);
    assert.notEqual(meshOf('hematological toxicity'), 'MESH:D006311');
    // A name with all of the mention's words, reordered, before a nearer one that drops some.
    const mesh = new Linker(knowledgeBase(), { restrictTo: ['MESH'] });
    assert.equal(ids(mesh.link('alpha2-adrenergic receptor agonist', 'Chemical'))[0], 'MESH:D058647'); // Adrenergic alpha-2 Receptor Agonists, not alpha-Agonists
    assert.equal(ids(mesh.link('L-dihydroxyphenylalanine', 'Chemical'))[0], 'MESH:D007980'); // Levodopa, not Dihydroxyphenylalanine
  });

  it('never links a short symbol with a generic head by the head alone, nor anything to a bare generic word', () => {
    // Character n-grams of "MET inhibitor" are mostly " inhibitor": ChEBI's role, then Platelet Aggregation Inhibitors.
    assert.equal(link('MET inhibitor', 'Chemical'), undefined);
    assert.equal(link('AXL inhibitor', 'Gene'), undefined);
    assert.equal(ids(link('ACE inhibitors', 'Chemical')!)[0], 'MESH:D000806', 'a name the vocabulary has is still found');
  });

  it('falls back to the head of the phrase, but never to a bare generic word', () => {
    const r = link('rifampicin-induced hemolytic anemia', 'Disease')!;
    assert.equal(r.method, 'partial');
    assert.equal(ids(r)[0], 'MESH:D000743');
    assert.equal(link('zqxwv disease', 'Disease'), undefined);
  });

  it('links a gene named with its variant or state to the gene', () => {
    const symbolOf = (mention: string) => knowledgeBase().concept(link(mention, 'Gene')!.concept).labels[0];
    assert.deepEqual(
      ['KRAS G12C', 'EGFR p.T790M', 'JAK2 V617F mutation', 'BRCA2 c.5946delT', 'BRCA2 variant', 'MYC amplification', 'EGFR-mutant', 'HER2-positive', 'ALK-rearranged'].map(symbolOf),
      ['KRAS', 'EGFR', 'JAK2', 'BRCA2', 'BRCA2', 'MYC', 'EGFR', 'ERBB2', 'ALK'],
    );
    const variant = link('BRAF V600E', 'Gene')!;
    assert.deepEqual([variant.method, variant.score < 1], ['partial', true], 'the variant is not the gene itself: less than a name');
    assert.equal(link('zqxw-positive', 'Gene'), undefined);
  });

  it('links an alias several genes share to the one the literature names most, and says it is ambiguous', () => {
    // Each is an HGNC alias of two to six genes ("p21": CDKN1A, NSG1, TCEAL1 and a histone pseudogene).
    const expected: Record<string, string> = { p21: 'HGNC:1784', p16: 'HGNC:1787', p38: 'HGNC:6876', p65: 'HGNC:9955', p50: 'HGNC:7794', p85: 'HGNC:8979', ER: 'HGNC:3467', PR: 'HGNC:8910' };
    for (const [alias, id] of Object.entries(expected)) {
      const result = link(alias, 'Gene');
      assert.equal(ids(result)[0], id, `${alias}: ${knowledgeBase().concept(result!.concept).labels[0]}`);
      assert.ok(result!.alternatives.length > 0 && result!.score < 0.95, `${alias} is flagged ambiguous`);
    }
  });

  it('can be restricted to one target vocabulary', () => {
    const meshOnly = new Linker(knowledgeBase(), { restrictTo: ['MESH'] });
    const r = meshOnly.link('heart attack', 'Disease')!;
    assert.ok(ids(r).some((id) => id.startsWith('MESH:')));
    // BRCA1 the gene is HGNC:1100; MeSH has it as a genetic structure.
    assert.deepEqual(ids(meshOnly.link('BRCA1', 'Gene')), ['MESH:D019398']);
    // HPO's Retinopathy stays its own concept (MeSH's Retinal Diseases merged with another HPO
    // term first) but cross-references the descriptor, so a MeSH-only linker still finds it.
    const retinopathy = knowledgeBase().concept(meshOnly.link('retinopathy', 'Disease')!.concept);
    assert.deepEqual([retinopathy.ids[0], retinopathy.xrefs.includes('MESH:D012164')], ['HP:0000488', true]);
    // A concept with neither a MeSH id nor a MeSH cross-reference is still left out.
    assert.equal(meshOnly.link('akinesia', 'Disease'), undefined);
  });
});
