// From decoded spans to annotations: offsets into the original text, the type and score
// filters, and no entity made only of punctuation, whatever label the model gave it.
import { strict as assert } from 'node:assert';
import { bertWords } from '../../src/engine';
import { spanAnnotations, trimEdges, withNamePrefix } from '../../src/engine/entitySpans';
import { labelScheme } from '../../src/engine/labels';
import { spanOf } from './spanOf';

const scheme = labelScheme({ 0: 'O', 1: 'B-Chemical', 2: 'I-Chemical', 3: 'B-Disease', 4: 'I-Disease' });
const B_CHEMICAL = 1;
const B_DISEASE = 3;

/** The texts of the annotations made from spans over `phrases` of `t`, each checked to slice `t`. */
function textsFound(t: string, phrases: [string, number][]): string[] {
  const found = spanAnnotations(t, bertWords(t), phrases.map(([phrase, label]) => spanOf(t, phrase, label)), scheme, {});
  for (const a of found) assert.equal(t.slice(a.start, a.end), a.text);
  return found.map((a) => a.text);
}

describe('spanAnnotations', () => {
  const text = '2. Hyperkalaemia, mild \u2013 likely related to spironolactone (CKD).';
  const words = bertWords(text);

  it('gives each span its original offsets, text and type', () => {
    const found = spanAnnotations(text, words, [spanOf(text, 'Hyperkalaemia', B_DISEASE), spanOf(text, 'spironolactone', B_CHEMICAL)], scheme, {});
    assert.deepEqual(
      found.map(({ start, end, text: t, type }) => ({ start, end, t, type })),
      [
        { start: 3, end: 16, t: 'Hyperkalaemia', type: 'Disease' },
        { start: 43, end: 57, t: 'spironolactone', type: 'Chemical' },
      ],
    );
  });

  it('never returns a span made only of punctuation (a dash, a bracket)', () => {
    const spans = [spanOf(text, '\u2013', B_DISEASE), spanOf(text, '(', B_DISEASE), spanOf(text, 'Hyperkalaemia', B_DISEASE)];
    assert.deepEqual(spanAnnotations(text, words, spans, scheme, {}).map((a) => a.text), ['Hyperkalaemia']);
  });

  it('never returns a lone function or time word, but keeps acronyms spelt like one and longer names', () => {
    const t = 'No rash. Denies. Seen 2 weeks ago in March. NO levels and AT were normal; no reflux at all.';
    const phrases: [string, number][] = [['No', B_CHEMICAL], ['Denies', B_DISEASE], ['ago', B_DISEASE], ['March', B_DISEASE], ['NO', B_CHEMICAL], ['AT', B_DISEASE], ['no reflux', B_DISEASE]];
    assert.deepEqual(textsFound(t, phrases), ['NO', 'AT', 'reflux']);
    const parts = 'Two deaths; sudden death. The acid and folic acid; its mRNA; criteria were met; Met-enkephalin.';
    const partPhrases: [string, number][] = [['deaths', B_DISEASE], ['sudden death', B_DISEASE], ['acid', B_CHEMICAL], ['folic acid', B_CHEMICAL], ['mRNA', B_CHEMICAL], ['met', B_CHEMICAL], ['Met-enkephalin', B_CHEMICAL]];
    assert.deepEqual(textsFound(parts, partPhrases), ['sudden death', 'folic acid', 'Met-enkephalin']);
    const greek = 'The beta subunit and alpha-synuclein; Beta blockers.';
    assert.deepEqual(textsFound(greek, [['beta', B_CHEMICAL], ['alpha-synuclein', B_CHEMICAL], ['Beta blockers', B_CHEMICAL]]), ['alpha-synuclein', 'Beta blockers']);
  });

  it('never returns a lone number, a dbSNP id, a PCR method or a lab measurement, but keeps proteins measured and numbered names', () => {
    const t = 'CKD stage 3a. eGFR 39, INR 1.1, BMI 31, CRP 8. The 20S proteasome and caspase 3; compound 15.';
    const phrases: [string, number][] = [['3a', B_DISEASE], ['eGFR 39', B_CHEMICAL], ['INR 1', B_CHEMICAL], ['BMI', B_DISEASE], ['CRP', B_CHEMICAL], ['20S', B_CHEMICAL], ['caspase 3', B_CHEMICAL], ['15', B_CHEMICAL]];
    assert.deepEqual(textsFound(t, phrases), ['CRP', '20S', 'caspase 3']);
    const words = 'In ten families, type 2 and class III alleles; stage IIIB; non-papillary; Type I collagen.';
    assert.deepEqual(textsFound(words, [['ten', B_DISEASE], ['type 2', B_DISEASE], ['class III', B_CHEMICAL], ['stage IIIB', B_DISEASE], ['non', B_DISEASE], ['Type I collagen', B_CHEMICAL]]), ['Type I collagen']);
    const snp = 'The rs6693503 and rs1805054 variants of ABCB1; Rs2 stayed.';
    assert.deepEqual(textsFound(snp, [['rs6693503', B_CHEMICAL], ['rs1805054', B_CHEMICAL], ['ABCB1', B_CHEMICAL], ['Rs2', B_CHEMICAL]]), ['ABCB1', 'Rs2']);
    const pcr = 'No C797S mutation was found by ddPCR; qPCR and RT-PCR of PCNA agreed.';
    assert.deepEqual(textsFound(pcr, [['ddPCR', B_DISEASE], ['qPCR', B_CHEMICAL], ['RT-PCR', B_CHEMICAL], ['PCNA', B_CHEMICAL]]), ['PCNA']);
  });

  it('never ends inside a number the text goes on with, but keeps a name\'s own number', () => {
    const t = 'NT-proBNP 1,450 ng/L (down from 2.5 mg/L of PAI 1.2); caspase 3, type 2 diabetes, CYP 2D6.';
    const phrases: [string, number][] = [['NT-proBNP 1', B_CHEMICAL], ['PAI 1', B_CHEMICAL], ['caspase 3', B_CHEMICAL], ['type 2 diabetes', B_DISEASE], ['CYP 2D6', B_CHEMICAL]];
    assert.deepEqual(textsFound(t, phrases), ['NT-proBNP', 'PAI', 'caspase 3', 'type 2 diabetes', 'CYP 2D6']);
  });

  it('never returns a lone "-ing" word unless as a disease', () => {
    const t = 'Combining drugs, smoking and vomiting; spiking cells and ring finger proteins.';
    const phrases: [string, number][] = [['Combining', B_CHEMICAL], ['smoking', B_CHEMICAL], ['vomiting', B_DISEASE], ['spiking', B_CHEMICAL], ['ring finger proteins', B_CHEMICAL]];
    assert.deepEqual(textsFound(t, phrases), ['vomiting', 'ring finger proteins']);
  });

  it('types a one-word gene span with a small-molecule drug stem as a chemical, and filters on that type', () => {
    const geneScheme = labelScheme({ 0: 'O', 1: 'B-Gene', 2: 'I-Gene', 3: 'B-Chemical', 4: 'I-Chemical' });
    const t = 'EGFR-mutant cells resisted osimertinib and Olaparib, not somatostatin or the gefitinib resistance gene.';
    const w = bertWords(t);
    const spans = ['EGFR', 'osimertinib', 'Olaparib', 'somatostatin', 'gefitinib resistance gene'].map((p) => spanOf(t, p, 1));
    assert.deepEqual(
      spanAnnotations(t, w, spans, geneScheme, {}).map((a) => `${a.type}:${a.text}`),
      ['Gene:EGFR', 'Chemical:osimertinib', 'Chemical:Olaparib', 'Gene:somatostatin', 'Gene:gefitinib resistance gene'],
    );
    assert.deepEqual(spanAnnotations(t, w, spans, geneScheme, { types: ['Gene'] }).map((a) => a.text), ['EGFR', 'somatostatin', 'gefitinib resistance gene']);
  });

  it('keeps punctuation inside or around a span that has letters or digits', () => {
    const t = 'Levels of Ca(2+) and (+)-catechin rose.';
    assert.deepEqual(textsFound(t, [['Ca(2+)', B_CHEMICAL], ['(+)-catechin', B_CHEMICAL]]), ['Ca(2+)', '(+)-catechin']);
  });

  it('cuts a span at a Markdown delimiter inside it, keeping the emphasised side', () => {
    const t = 'The MET inhibitor **capmatinib** and `EGFR` T790M; **osimertinib** resistance; snake__case stays.';
    const phrases: [string, number][] = [['MET inhibitor **capmatinib', B_CHEMICAL], ['`EGFR` T790M', B_CHEMICAL], ['**osimertinib** resistance', B_CHEMICAL], ['snake__case', B_CHEMICAL]];
    assert.deepEqual(textsFound(t, phrases), ['capmatinib', 'EGFR', 'osimertinib', 'snake__case']);
  });

  it('trims Markdown emphasis, list bullets, dangling hyphens and unpaired brackets from the edges', () => {
    const t = '- Osimertinib with **capmatinib** in EGFR-mutant cells (NSCLC models; (-)-nicotine too.';
    const spans: [string, number][] = [
      ['- Osimertinib', B_CHEMICAL], ['**capmatinib**', B_CHEMICAL], ['EGFR-', B_CHEMICAL], ['(NSCLC', B_DISEASE], ['(-)-nicotine', B_CHEMICAL],
    ];
    assert.deepEqual(textsFound(t, spans), ['Osimertinib', 'capmatinib', 'EGFR', 'NSCLC', '(-)-nicotine']);
  });

  it('trims a trailing comma, conjunction or preposition and a bracket opened but never closed', () => {
    const t = 'Nausea and vomiting, hypertrophy of the heart, and leukemia (APL) were seen.';
    const spans: [string, number][] = [['Nausea and', B_DISEASE], ['vomiting,', B_DISEASE], ['hypertrophy of the', B_DISEASE], ['leukemia (', B_DISEASE]];
    assert.deepEqual(textsFound(t, spans), ['Nausea', 'vomiting', 'hypertrophy', 'leukemia']);
  });

  it('trims a spaced plus after a word but keeps a charge or a marker\'s plus', () => {
    const t = 'Nebulised salbutamol + ipratropium; Ca2+ and Na + rose in CD4 + cells.';
    assert.deepEqual(textsFound(t, [['salbutamol +', B_CHEMICAL], ['Ca2+', B_CHEMICAL], ['Na +', B_CHEMICAL], ['CD4 +', B_CHEMICAL]]), ['salbutamol', 'Ca2+', 'Na +', 'CD4 +']);
  });

  it('leaves a leading negation out of the finding ("Denies orthopnoea", "No chest pain")', () => {
    const t = 'Denies orthopnoea. No chest pain. Nocturia.';
    assert.deepEqual(textsFound(t, [['Denies orthopnoea', B_DISEASE], ['No chest pain', B_DISEASE], ['Nocturia', B_DISEASE]]), ['orthopnoea', 'chest pain', 'Nocturia']);
  });

  it('takes in the closing bracket of a bracket the span opened', () => {
    const t = 'Levels of the ( Tns ) locus and of calcium (Ca rose.';
    assert.deepEqual(textsFound(t, [['( Tns', B_CHEMICAL], ['calcium (Ca', B_CHEMICAL]]), ['( Tns )', 'calcium (Ca']);
  });

  it('gives a chemical its locants, stereodescriptors and Greek-letter prefix, but not the sign of rotation', () => {
    const t = 'S-ketamine, epsilon-aminocaproic acid, 5,7-dichlorokynurenic acid and (+)-cibenzoline; levodopa-induced dyskinesia.';
    const spans: [string, number][] = [
      ['ketamine', B_CHEMICAL], ['aminocaproic acid', B_CHEMICAL], ['dichlorokynurenic acid', B_CHEMICAL], ['cibenzoline', B_CHEMICAL], ['dyskinesia', B_DISEASE],
    ];
    assert.deepEqual(textsFound(t, spans), [
      'S-ketamine', 'epsilon-aminocaproic acid', '5,7-dichlorokynurenic acid', 'cibenzoline', 'dyskinesia',
    ]);
  });

  it('stays inside the text on random strings of brackets, dashes, markup and letters', () => {
    const pieces = ['(', ')', '[', ']', ' ', '-', '*', 'a', 'B', '1', ',', 'and ', ' of', '/', "'", 'α', '\u{1F600}', '\r\n'];
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let round = 0; round < 20_000; round++) {
      let t = '';
      for (let i = random(16); i > 0; i--) t += pieces[random(pieces.length)];
      const start = random(t.length + 1);
      const end = start + random(t.length - start + 1);
      const [s, e] = trimEdges(t, start, end);
      assert.ok(s >= start && s <= e && e <= t.length, JSON.stringify({ t, start, end, s, e }));
      // Only a closing bracket may lie beyond the model's span.
      assert.ok(e <= end || /^\s*[)\]]$/.test(t.slice(end, e)), JSON.stringify({ t, start, end, s, e }));
      const prefixed = withNamePrefix(t, s);
      assert.ok(prefixed <= s && prefixed >= 0);
    }
  });

  it('applies the type filter, and leaves the minimum score to the finished annotations', () => {
    const spans = [spanOf(text, 'Hyperkalaemia', B_DISEASE, 0.4), spanOf(text, 'spironolactone', B_CHEMICAL, 0.95)];
    assert.deepEqual(spanAnnotations(text, words, spans, scheme, { types: ['Disease'] }).map((a) => a.text), ['Hyperkalaemia']);
    // The pipeline filters by score after the document's abbreviations and repeated names are
    // added (engine.test.ts: "filters by entity type and minimum score").
    assert.deepEqual(spanAnnotations(text, words, spans, scheme, { minScore: 0.5 }).map((a) => a.text), ['Hyperkalaemia', 'spironolactone']);
  });
});
