// Word shapes: the case class each word adds to its token type for a model trained with them
// (models/train/text.py word_shape must agree; reference_outputs.json checks that on real text).
import { strict as assert } from 'node:assert';
import { bertWords, Gazetteer, tokenTypes, wordShape, WordShape } from '../../src/engine';

describe('word shapes', () => {
  it('tells the four case classes apart', () => {
    const cases: Array<[string, WordShape]> = [
      ['brca1', WordShape.Lower],
      ['-', WordShape.Lower],
      ['2', WordShape.Lower],
      ['β', WordShape.Lower],
      ['Brca1', WordShape.Capitalised],
      ['A', WordShape.Capitalised],
      ['Zoë', WordShape.Capitalised],
      ['BRCA1', WordShape.Capitals],
      ['IL', WordShape.Capitals],
      ['ΣΔ', WordShape.Capitals],
      ['mRNA', WordShape.Mixed],
      ['IkappaB', WordShape.Mixed],
      ['cAMP', WordShape.Mixed],
      ['McDonald', WordShape.Mixed],
    ];
    for (const [word, shape] of cases) assert.equal(wordShape(word), shape, word);
  });

  it('reads letters outside the BMP and ignores combining marks', () => {
    assert.equal(wordShape('𝐀𝐁'), WordShape.Capitals); // mathematical bold capitals: one surrogate pair each
    assert.equal(wordShape('E\u0301cole'), WordShape.Capitalised); // É written as E + combining acute
  });

  it('adds the shape above the gazetteer bits, per word of the text as written', () => {
    const gazetteer = Gazetteer.parse('brca1\t4\nil\t4\n', 6, 15);
    const text = 'BRCA1 and IL-2 bind mRNA.';
    const words = bertWords(text, 0, text.length);
    const plain = tokenTypes(text, words, gazetteer, null);
    const shaped = tokenTypes(text, words, gazetteer, { stride: 16, classes: 4 });
    assert.deepEqual([...plain], [4, 0, 4, 0, 0, 0, 0, 0]);
    // BRCA1 | and | IL | - | 2 | bind | mRNA | .
    assert.deepEqual([...shaped], [4 + 32, 0, 4 + 32, 0, 0, 0, 48, 0]);
  });
});
