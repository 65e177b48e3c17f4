// Spans with a bracket inside that the name never opened or closed: one name with the span before
// the bracket, or cut before the stray bracket. Sentences from BC2GM's and JNLPBA's dev splits
// (written as running text) where the model produced exactly such spans.
import { strict as assert } from 'node:assert';
import { bertWords } from '../../src/engine';
import { mendBracketedNames } from '../../src/engine/bracketedNames';
import { spanAnnotations } from '../../src/engine/entitySpans';
import { labelScheme } from '../../src/engine/labels';
import { spanOf } from './spanOf';

const scheme = labelScheme({ 0: 'O', 1: 'B-Gene', 2: 'I-Gene', 3: 'B-Chemical', 4: 'I-Chemical', 5: 'B-CellLine', 6: 'I-CellLine' });
const [GENE, CHEMICAL, CELL_LINE] = [1, 3, 5];

/** "type:text" of each annotation made of spans over `phrases` of `text` after the rule. */
function mended(text: string, phrases: Array<[string, number, number?]>): string[] {
  const words = bertWords(text);
  const spans = phrases.map(([phrase, label, score]) => spanOf(text, phrase, label, score));
  return spanAnnotations(text, words, mendBracketedNames(words, spans, scheme), scheme, {}).map((a) => `${a.type}:${a.text}`);
}

describe('names with a stray bracket inside', () => {
  it('joins the span after an abbreviation to the name of the same type before it', () => {
    assert.deepEqual(
      mended('Peptides presented by major histocompatibility complex (MHC) class I molecules.', [['major histocompatibility complex', GENE], ['MHC) class I molecules', GENE]]),
      ['Gene:major histocompatibility complex (MHC) class I molecules'],
    );
    assert.deepEqual(
      mended('It binds CCAAT/enhancer-binding protein (C/EBP) delta in vitro.', [['CCAAT/enhancer-binding protein', GENE], ['C/EBP) delta', GENE]]),
      ['Gene:CCAAT/enhancer-binding protein (C/EBP) delta'],
    );
  });

  it('scores the joined name by the words of both spans', () => {
    const text = 'by the immunoglobulin heavy-chain (IgH) gene';
    const words = bertWords(text);
    const [joined] = mendBracketedNames(words, [spanOf(text, 'immunoglobulin heavy-chain', GENE, 0.9), spanOf(text, 'IgH) gene', GENE, 0.6)], scheme);
    // 4 words ("immunoglobulin", "heavy", "-", "chain") at 0.9, 3 ("IgH", ")", "gene") at 0.6.
    assert.ok(Math.abs(joined.score - (4 * 0.9 + 3 * 0.6) / 7) < 1e-9, String(joined.score));
  });

  it('ends the span before the stray closing bracket when nothing of its type comes before', () => {
    assert.deepEqual(
      mended('Deletion of the hypoxanthine phosphoribosyl transferase (HPRT) locus.', [['HPRT) locus', GENE]]),
      ['Gene:HPRT'],
    );
    // A span of another type before the bracket is another name.
    assert.deepEqual(
      mended('in mature (Jurkat) T-cell lines', [['mature', CELL_LINE], ['Jurkat) T-cell lines', GENE]]),
      ['CellLine:mature', 'Gene:Jurkat'],
    );
  });

  it('ends the span before an opening bracket it never closes', () => {
    assert.deepEqual(mended('similar to that of the p34 (cdc2 (kinase subunit) of yeast', [['cdc2 (kinase', GENE]]), ['Gene:cdc2']);
  });

  it('leaves balanced brackets, brackets at the edges and chemical names alone', () => {
    assert.deepEqual(mended('the IL-2 receptor (IL-2R) beta chain', [['IL-2 receptor (IL-2R) beta chain', GENE]]), ['Gene:IL-2 receptor (IL-2R) beta chain']);
    // An opener whose closer follows the span: trimEdges takes the closer in.
    assert.deepEqual(mended('levels of Ca(2+) rose', [['Ca(2+', GENE]]), ['Gene:Ca(2+)']);
    assert.deepEqual(
      mended("and A-77636 ([1R,3S] 3-[1'-adamantyl]-1-aminomethyl-3,4-dihydro-5,6-dihydroxy-1H-2-benzopyran)", [["1'-adamantyl]-1-aminomethyl-3,4-dihydro-5,6-dihydroxy-1H-2-benzopyran", CHEMICAL]]),
      ["Chemical:1'-adamantyl]-1-aminomethyl-3,4-dihydro-5,6-dihydroxy-1H-2-benzopyran"],
    );
  });
});
