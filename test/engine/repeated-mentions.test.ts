// Names repeated in a document: a chemical, gene or organism the model found with confidence is
// the same entity where the document writes the name again and the model left it out.
import { strict as assert } from 'node:assert';
import { withDocumentMentions, withRepeatedMentions, type Annotation } from '../../src/engine';

/** An annotation over the first occurrence of `phrase` (after `from`) in `text`. */
function at(text: string, phrase: string, type: Annotation['type'], from = 0, score = 0.9): Annotation {
  const start = text.indexOf(phrase, from);
  assert.ok(start >= 0, phrase);
  return { start, end: start + phrase.length, text: phrase, type, score };
}

const brief = (found: Annotation[]) => found.map((a) => `${a.type}:${a.text}@${a.start}:${a.score}`);

describe('repeated names', () => {
  it('marks the other whole-word occurrences of a confident chemical, gene or organism name', () => {
    const text = 'Cisapride prolonged QT. After cisapride, QT fell; cisapride-free days and nocisapride were not counted. BRCA1 and BRCA1.';
    const found = withRepeatedMentions(text, [at(text, 'cisapride', 'Chemical', 20), at(text, 'BRCA1', 'Gene', 0, 0.7)]);
    assert.deepEqual(brief(found), [
      'Chemical:Cisapride@0:0.9', // capitalised at the sentence start
      'Chemical:cisapride@30:0.9',
      'Chemical:cisapride@50:0.9', // before a hyphen, as a word of its own
      'Gene:BRCA1@104:0.7',
      'Gene:BRCA1@114:0.7',
    ]);
  });

  it('raises a weaker occurrence of the same name and type to the best score', () => {
    const text = '- Apixaban 5 mg daily. Anticoagulated with apixaban.';
    const found = withRepeatedMentions(text, [at(text, 'Apixaban', 'Chemical', 0, 0.29), at(text, 'apixaban', 'Chemical', 0, 0.85)]);
    assert.deepEqual(brief(found), ['Chemical:Apixaban@2:0.85', 'Chemical:apixaban@43:0.85']);
  });

  it('leaves diseases, unconfident and short names, and occurrences inside other entities alone', () => {
    const text = 'VHL disease and VHL; iron dextran then iron; Na and Na; low-dose drug and drug.';
    const found = withRepeatedMentions(text, [
      at(text, 'VHL disease', 'Disease'), at(text, 'iron dextran', 'Chemical'), at(text, 'iron', 'Chemical', 30, 0.5), at(text, 'Na', 'Chemical'),
      at(text, 'low-dose drug', 'Chemical'),
    ]);
    assert.deepEqual(brief(found).length, 5, brief(found).join(' '));
    const dextran = withRepeatedMentions(text, [at(text, 'iron dextran', 'Chemical'), at(text, 'iron', 'Chemical', 30)]);
    assert.deepEqual(brief(dextran), ['Chemical:iron dextran@21:0.9', 'Chemical:iron@39:0.9']);
  });

  it('makes a cell line\'s own name a cell line wherever the document writes it, whatever the model called it there', () => {
    // The research note: the table says "NCI-H1975 cells"; the results say "in NCI-H1975", where
    // the model, without "cells", called it a gene, and "PC-9 sublines", where it found nothing.
    const text = 'NCI-H1975 cells and resistant PC-9 lines.\n\nLess ERK in NCI-H1975; PC-9 sublines grew. EGFR-mutant cells and EGFR-mutant NSCLC.';
    const found = withRepeatedMentions(text, [
      at(text, 'NCI-H1975 cells', 'CellLine', 0, 0.79), at(text, 'resistant PC-9 lines', 'CellLine', 0, 0.83),
      at(text, 'NCI-H1975', 'Gene', 20, 0.78), at(text, 'EGFR-mutant cells', 'CellLine'), at(text, 'EGFR-mutant', 'Gene', 100, 0.67),
    ]);
    assert.deepEqual(brief(found), [
      'CellLine:NCI-H1975 cells@0:0.79',
      'CellLine:resistant PC-9 lines@20:0.83',
      'CellLine:NCI-H1975@55:0.79', // retyped
      'CellLine:PC-9@66:0.83', // added
      'CellLine:EGFR-mutant cells@86:0.9',
      'Gene:EGFR-mutant@108:0.67', // cells described by genotype name no line
    ]);
    // Session 8's second weights call "PC-9 sublines" a chemical: the line's cells are the line.
    const retyped = withRepeatedMentions(text, [at(text, 'resistant PC-9 lines', 'CellLine', 0, 0.83), at(text, 'PC-9 sublines', 'Chemical', 0, 0.88)]);
    assert.deepEqual(brief(retyped), ['CellLine:resistant PC-9 lines@20:0.83', 'CellLine:PC-9 sublines@66:0.88']);
    // The span itself is not repeated: the model's cell-line spans are too often no line.
    const medium = 'grown in serum-free medium; later in serum-free medium.';
    assert.deepEqual(brief(withRepeatedMentions(medium, [at(medium, 'serum-free medium', 'CellLine')])), ['CellLine:serum-free medium@9:0.9']);
  });

  it('composes with the abbreviation mentions over a whole document', () => {
    const text = 'Treated with carbamazepine (CBZ).\n\nLater CBZ and Carbamazepine again.';
    const found = withDocumentMentions(text, [at(text, 'carbamazepine', 'Chemical')]);
    assert.deepEqual(brief(found).map((s) => s.replace(/:[0-9.]+$/, '')), ['Chemical:carbamazepine@13', 'Chemical:CBZ@28', 'Chemical:CBZ@41', 'Chemical:Carbamazepine@49']);
    // A capitalised name is not lowered: "Notch" is a gene, "notch" a word.
    const gene = 'Notch signalling; a notch in the curve.';
    assert.deepEqual(brief(withRepeatedMentions(gene, [at(gene, 'Notch', 'Gene')])), ['Gene:Notch@0:0.9']);
  });
});
