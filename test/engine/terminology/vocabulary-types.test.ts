// A plain name the vocabulary gives one type takes that type when the model gave another
// (the model's unknown drug names came out as species in the clinical note and in BC5CDR).
import { strict as assert } from 'node:assert';
import type { EntityType } from '../../../src/engine';
import { retypeByVocabulary, retypeCoordinatedSymbols } from '../../../src/engine/terminology/vocabularyTypes';
import { mentionIn, terminology } from './shared';

/** [text, type, modelType] of each mention after retyping, given the model's types. */
function retyped(text: string, mentions: Array<[string, EntityType]>): Array<[string, EntityType, EntityType | undefined]> {
  const out = retypeByVocabulary(terminology().linker, mentions.map(([m, type]) => mentionIn(text, m, type)));
  return out.map((a, i) => (a ? [a.text, a.type, a.modelType] : [mentions[i][0], 'left out' as EntityType, undefined]));
}

describe('terminology: the vocabulary types a plain name the model mistyped', function () {
  this.timeout(20_000);

  it('retypes drug, symptom and organism names of one type', () => {
    const text = 'AF on apixaban; quetiapine for sleep. Orthopnoea and hiccups. Mycoplasma was excluded.';
    assert.deepEqual(retyped(text, [['apixaban', 'Species'], ['quetiapine', 'Species'], ['Orthopnoea', 'Species'], ['hiccups', 'Species'], ['Mycoplasma', 'Chemical']]), [
      ['apixaban', 'Chemical', 'Species'],
      ['quetiapine', 'Chemical', 'Species'],
      ['Orthopnoea', 'Disease', 'Species'],
      ['hiccups', 'Disease', 'Species'],
      ['Mycoplasma', 'Species', 'Chemical'],
    ]);
  });

  it("calls a gene's approved symbol a gene where the model said chemical or disease, unless a name of that type, defined or a disease without a digit", () => {
    const text = 'Is the effect specific to MET, or does AXL signalling contribute? ATP fell. Met was added.';
    assert.deepEqual(retyped(text, [['MET', 'Chemical'], ['AXL', 'Chemical'], ['ATP', 'Chemical'], ['Met', 'Chemical']]), [
      ['MET', 'Gene', 'Chemical'],
      ['AXL', 'Gene', 'Chemical'],
      ['ATP', 'Chemical', undefined],
      ['Met', 'Chemical', undefined],
    ]);
    const disease = 'DMD and VHL carriers; BRCA1 testing; NMS on haloperidol.';
    assert.deepEqual(retyped(disease, [['DMD', 'Disease'], ['VHL', 'Disease'], ['BRCA1', 'Disease'], ['NMS', 'Disease']]), [
      ['DMD', 'Disease', undefined],
      ['VHL', 'Disease', undefined],
      ['BRCA1', 'Gene', 'Disease'],
      ['NMS', 'Disease', undefined],
    ]);
    const defined = 'Ethambutol (EMB) was stopped; EMB levels fell.';
    const [emb] = terminology().enrich(defined, [mentionIn(defined, 'EMB', 'Chemical', defined.lastIndexOf('EMB'))]);
    assert.equal(emb.type, 'Chemical', 'the document says what EMB is (HGNC approves EMB as embigin)');
    const [gene] = terminology().enrich(text, [mentionIn(text, 'MET', 'Chemical')]);
    assert.equal(gene.concept?.id, 'HGNC:7029', 'the MET receptor, not methioninate');
  });

  it('calls a gene symbol with a protein variant a gene, and links it to the gene', () => {
    // The research note's "Check whether KRAS G12C or BRAF V600E appear": chemicals at 0.49.
    const text = 'Check whether KRAS G12C or BRAF V600E appear; ATP G12C is no gene.';
    assert.deepEqual(retyped(text, [['KRAS G12C', 'Chemical'], ['BRAF V600E', 'Chemical'], ['ATP G12C', 'Chemical']]), [
      ['KRAS G12C', 'Gene', 'Chemical'],
      ['BRAF V600E', 'Gene', 'Chemical'],
      ['ATP G12C', 'Chemical', undefined],
    ]);
    const [kras] = terminology().enrich(text, [mentionIn(text, 'KRAS G12C', 'Chemical')]);
    assert.deepEqual([kras.type, kras.concept?.id], ['Gene', 'HGNC:6407']);
  });

  it('calls a mixed-case gene symbol the model took for a chemical a gene, unless a vocabulary names a chemical so', () => {
    // BC5CDR dev: "Nrf2" a chemical nine times, "FasL" three; "Mg2" is what a tokenizer leaves of Mg2+.
    const text = 'The protective role of Nrf2 against nephropathy; FasL expression; Mg2 and Ca2 fell; NaCl was infused.';
    assert.deepEqual(retyped(text, [['Nrf2', 'Chemical'], ['FasL', 'Chemical'], ['Mg2', 'Chemical'], ['NaCl', 'Chemical']]), [
      ['Nrf2', 'Gene', 'Chemical'],
      ['FasL', 'Gene', 'Chemical'],
      ['Mg2', 'Chemical', undefined],
      ['NaCl', 'Chemical', undefined],
    ]);
  });

  it('calls a disease mention of two words or more that names an enzyme and no disease that enzyme', () => {
    // NCBI-disease dev: the deficient enzymes were diseases to the model.
    const text = 'Deficiency of glucose-6-phosphate dehydrogenase causes hemolytic anemia; adenine phosphoribosyltransferase deficiency.';
    assert.deepEqual(
      retyped(text, [['glucose-6-phosphate dehydrogenase', 'Disease'], ['hemolytic anemia', 'Disease'], ['adenine phosphoribosyltransferase deficiency', 'Disease']]),
      [
        ['glucose-6-phosphate dehydrogenase', 'Gene', 'Disease'],
        ['hemolytic anemia', 'Disease', undefined],
        ['adenine phosphoribosyltransferase deficiency', 'Disease', undefined],
      ],
    );
  });

  it('calls an unsure symbol coordinated with a gene a gene when it names genes and nothing of its own type', () => {
    // The model's confidence: 0.99 for a gene, 0.73 for any other type unless given.
    const coordinated = (text: string, mentions: Array<[string, EntityType, number?]>) =>
      retypeCoordinatedSymbols(text, terminology().linker, mentions.map(([m, type, score]) => ({ ...mentionIn(text, m, type), score: score ?? (type === 'Gene' ? 0.99 : 0.73) }))).map((a) => `${a!.type}:${a!.text}`);
    // AST is an HGNC alias of GOT1; the model had called it a disease next to the gene ALT.
    assert.deepEqual(coordinated('No hepatotoxicity on ALT and AST.', [['ALT', 'Gene'], ['AST', 'Disease']]), ['Gene:ALT', 'Gene:AST']);
    assert.deepEqual(coordinated('Raised ALT/AST.', [['ALT', 'Gene'], ['AST', 'Chemical']]), ['Gene:ALT', 'Gene:AST']);
    // Not when apart, nor for a symbol a vocabulary names as its own type (CKD is a disease).
    assert.deepEqual(coordinated('ALT rose; AST was normal.', [['ALT', 'Gene'], ['AST', 'Disease']]), ['Gene:ALT', 'Disease:AST']);
    assert.deepEqual(coordinated('EGFR and CKD.', [['EGFR', 'Gene'], ['CKD', 'Disease']]), ['Gene:EGFR', 'Disease:CKD']);
    // Nor for a symbol the model was sure of: LPS (an HGNC alias too) stays the chemical it is.
    assert.deepEqual(coordinated('Inducible by LPS or TNF-alpha.', [['LPS', 'Chemical', 0.94], ['TNF-alpha', 'Gene']]), ['Chemical:LPS', 'Gene:TNF-alpha']);
  });

  it('retypes a four-letter name', () => {
    const text = 'Allergies: penicillin (rash).';
    assert.deepEqual(retyped(text, [['rash', 'Chemical']]), [['rash', 'Disease', 'Chemical']]);
  });

  it('types a curated unambiguous clinical abbreviation by what it stands for, never an ambiguous or lowercase one', () => {
    const text = 'HFrEF, clinically euvolaemic; CKD stage 3; MI in 2019; the cad file.';
    assert.deepEqual(retyped(text, [['HFrEF', 'Chemical'], ['CKD', 'Gene'], ['MI', 'Gene'], ['cad', 'Chemical']]), [
      ['HFrEF', 'Disease', 'Chemical'],
      ['CKD', 'Disease', 'Gene'],
      ['MI', 'Gene', undefined],
      ['cad', 'Chemical', undefined],
    ]);
    const [a] = terminology().enrich(text, [mentionIn(text, 'HFrEF', 'Chemical')]);
    assert.equal(a.concept?.id, 'MESH:D054143', 'Heart Failure, Systolic (entry term: Heart Failure, Reduced Ejection Fraction)');
  });

  it("keeps the model's type when the name fits it, names two types, or is an abbreviation or symbol", () => {
    const text = 'Aspirin for angina; oxytocin was given; CIN after contrast; NMS on haloperidol; DCC was lost.';
    assert.deepEqual(retyped(text, [['Aspirin', 'Chemical'], ['angina', 'Disease'], ['oxytocin', 'Gene'], ['CIN', 'Disease'], ['NMS', 'Disease'], ['DCC', 'Disease']]), [
      ['Aspirin', 'Chemical', undefined],
      ['angina', 'Disease', undefined],
      ['oxytocin', 'Gene', undefined],
      ['CIN', 'Disease', undefined],
      ['NMS', 'Disease', undefined],
      ['DCC', 'Disease', undefined],
    ]);
  });

  it('keeps a peptide hormone the model called a gene a gene, but makes an oligopeptide a chemical', () => {
    // BC2GM dev sentences: MeSH files these hormones under chemicals alone.
    const text = 'Serum growth hormone and thyrotropin rose after pancreozymin; glutathione was depleted.';
    assert.deepEqual(retyped(text, [['growth hormone', 'Gene'], ['thyrotropin', 'Gene'], ['pancreozymin', 'Gene'], ['glutathione', 'Gene']]), [
      ['growth hormone', 'Gene', undefined],
      ['thyrotropin', 'Gene', undefined],
      ['pancreozymin', 'Gene', undefined],
      ['glutathione', 'Chemical', 'Gene'],
    ]);
  });

  it('never makes a gene or a cell of a common word, and leaves unknown words alone', () => {
    const text = 'A pinch of salt; the strap broke; mitochondria; zqxwvy pills.';
    assert.deepEqual(retyped(text, [['pinch', 'Disease'], ['strap', 'Disease'], ['mitochondria', 'Species'], ['zqxwvy', 'Species']]).map(([, type]) => type), ['Disease', 'Disease', 'Species', 'Species']);
  });

  it('leaves out a body part named alone, except as a cell, and enrich() drops it', () => {
    const text = 'Pain over the liver and the optic nerve; hepatocytes; liver cirrhosis.';
    assert.deepEqual(retyped(text, [['liver', 'Disease'], ['optic nerve', 'Chemical'], ['hepatocytes', 'CellType'], ['liver cirrhosis', 'Disease']]).map(([, type]) => type), [
      'left out', 'left out', 'CellType', 'Disease',
    ]);
    const found = terminology().enrich(text, [mentionIn(text, 'Pain', 'Disease'), mentionIn(text, 'liver', 'Disease'), mentionIn(text, 'liver cirrhosis', 'Disease')]);
    assert.deepEqual(found.map((a) => a.text), ['Pain', 'liver cirrhosis']);
  });

  it('leaves out a chemical, disease or gene whose name names only untyped concepts, never an organism', () => {
    const text = 'Hearing and breast milk; micturition; plasma levels; patients and women.';
    assert.deepEqual(retyped(text, [['Hearing', 'Disease'], ['breast milk', 'Disease'], ['micturition', 'Chemical'], ['plasma', 'Gene'], ['patients', 'Species'], ['women', 'Species']]).map(([, type]) => type), [
      'left out', 'left out', 'left out', 'left out', 'Species', 'Species',
    ]);
  });

  it('keeps a gene mention that names a part of proteins (untyped in MeSH), and links it there', () => {
    const text = 'Both SH2 domains bind the receptor; the zinc fingers of Sp1.';
    assert.deepEqual(retyped(text, [['SH2 domains', 'Gene'], ['zinc fingers', 'Gene'], ['SH2 domains', 'Chemical']]).map(([, type]) => type), ['Gene', 'Gene', 'left out']);
    const [domains] = terminology().enrich(text, [{ ...mentionIn(text, 'SH2 domains', 'Gene'), score: 0.9 }]);
    assert.equal(domains.concept?.id, 'MESH:D018909');
  });

  it('leaves out a cell mention whose name names only untyped concepts outside anatomy (a test), keeps cells', () => {
    const text = 'Blood cultures x2 grew MRSA; T cells and HeLa cells.';
    assert.deepEqual(retyped(text, [['Blood cultures', 'CellLine'], ['T cells', 'CellType'], ['HeLa cells', 'CellLine']]).map(([, type]) => type), [
      'left out', 'CellType', 'CellLine',
    ]);
  });

  it('enrich() links the retyped mention and its hover says where the type came from', () => {
    const text = 'Atrial fibrillation, on apixaban.';
    const [a] = terminology().enrich(text, [mentionIn(text, 'apixaban', 'Species')]);
    assert.equal(a.type, 'Chemical');
    assert.equal(a.modelType, 'Species');
    assert.ok(a.concept, 'linked as a chemical');
    assert.match(terminology().hoverMarkdown(a), /^\*\*Chemical\*\* · confidence 0\.90 · type from the vocabulary \(the model said Species\)/);
  });
});
