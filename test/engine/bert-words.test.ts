// bertWords() must reproduce the tokenizer's words exactly AND say where each came from in the
// original text. Each case lists the expected [normalised word, original text it covers].
import { strict as assert } from 'node:assert';
import { alignTokens, bertWords } from '../../src/engine';
import { referenceWords } from './testModel';

type Expected = Array<[norm: string, source: string]>;

function wordsOf(text: string): Expected {
  return bertWords(text).map((w) => [w.norm, text.slice(w.start, w.end)]);
}

const CASES: Array<[name: string, text: string, expected: Expected]> = [
  ['empty text', '', []],
  ['whitespace only', ' \r\n\t \u00a0', []],
  ['CRLF line ends', 'Aspirin\r\nreduces\r\n\r\nfever.', [['aspirin', 'Aspirin'], ['reduces', 'reduces'], ['fever', 'fever'], ['.', '.']]],
  ['tabs', 'IL-6\tlevels', [['il', 'IL'], ['-', '-'], ['6', '6'], ['levels', 'levels']]],
  ['emoji (surrogate pairs) inside and between words', 'pain🙂 gone 👍🏽!', [['pain🙂', 'pain🙂'], ['gone', 'gone'], ['👍🏽', '👍🏽'], ['!', '!']]],
  ['decomposed Zürich keeps its combining mark', 'in Zu\u0308rich.', [['in', 'in'], ['zurich', 'Zu\u0308rich'], ['.', '.']]],
  ['precomposed accents', 'Müller’s café', [['muller', 'Müller'], ['’', '’'], ['s', 's'], ['cafe', 'café']]],
  ['Greek, with a final capital sigma lowercased to ς', 'ΟΔΟΣ α-ΣΥΝ Σ', [['οδος', 'ΟΔΟΣ'], ['α', 'α'], ['-', '-'], ['συν', 'ΣΥΝ'], ['σ', 'Σ']]],
  ['Greek accents stripped', 'Ἀθῆναι', [['αθηναι', 'Ἀθῆναι']]],
  ['CJK ideographs are words of their own', '東京大学で', [['東', '東'], ['京', '京'], ['大', '大'], ['学', '学'], ['て', 'で']]],
  ['astral CJK is not split (the tokenizer walks UTF-16 units)', 'a\u{20000}b', [['a\u{20000}b', 'a\u{20000}b']]],
  ['Cyrillic', 'Аспирин снижает жар', [['аспирин', 'Аспирин'], ['снижает', 'снижает'], ['жар', 'жар']]],
  ['Arabic hamza stripped like an accent', 'الأسبرين دواء', [['الاسبرين', 'الأسبرين'], ['دواء', 'دواء']]],
  ['punctuation is judged after normalisation: ≠ splits like =', 'a≠b', [['a', 'a'], ['=', '≠'], ['b', 'b']]],
  ['soft hyphen and zero-width space join a word', 'hy\u00adphen zero\u200bwidth', [['hyphen', 'hy\u00adphen'], ['zerowidth', 'zero\u200bwidth']]],
  ['controls and U+FFFD vanish', 'a\u0000b\u0007c \ufffd d', [['abc', 'a\u0000b\u0007c'], ['d', 'd']]],
  ['a lone combining mark after punctuation stays with it', '(\u0301x', [['(', '(\u0301'], ['x', 'x']]],
  ['decimals and units', '0.5 mg/kg', [['0', '0'], ['.', '.'], ['5', '5'], ['mg', 'mg'], ['/', '/'], ['kg', 'kg']]],
  ['text that looks like a special token is plain words', 'a [MASK] b', [['a', 'a'], ['[', '['], ['mask', 'MASK'], [']', ']'], ['b', 'b']]],
];

describe('bertWords: BERT words with exact offsets into the original text', () => {
  for (const [name, text, expected] of CASES) {
    it(name, () => assert.deepEqual(wordsOf(text), expected));
  }

  it('gives the same words as the tokenizer normaliser and pre-tokeniser on every case', async () => {
    const reference = await referenceWords();
    for (const [name, text] of CASES) {
      if (name.startsWith('text that looks like a special token')) continue; // the tokenizer keeps [MASK] whole
      assert.deepEqual(bertWords(text).map((w) => w.norm), reference(text), name);
    }
  });

  it('reads a range of a text with offsets into the whole text', () => {
    const text = 'Fever. Aspirin helps.';
    assert.deepEqual(
      bertWords(text, 7, 21).map((w) => [w.norm, w.start, w.end]),
      [['aspirin', 7, 14], ['helps', 15, 20], ['.', 20, 21]],
    );
  });

  it('maps every normalised unit back to its source character', () => {
    const [word] = bertWords('Zu\u0308rich', 0, 7, true);
    assert.equal(word.sources.length, word.norm.length);
    assert.deepEqual(word.sources, [[0, 1], [1, 3], [3, 4], [4, 5], [5, 6], [6, 7]]);
  });
});

describe('alignTokens: word pieces to original offsets', () => {
  it('splits a decomposed accent word into pieces at the right characters', () => {
    const text = 'Zoe\u0308 met Zu\u0308rich';
    const spans = alignTokens(text, ['zo', '##e', 'met', 'z', '##ur', '##ich']);
    assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['Zo', 'e\u0308', 'met', 'Z', 'u\u0308r', 'ich']);
    assert.deepEqual(spans.map((s) => s.word), [0, 0, 1, 2, 2, 2]);
  });

  it('gives [UNK] the whole word', () => {
    const text = 'a 🙂🙂 b';
    assert.deepEqual(alignTokens(text, ['a', '[UNK]', 'b']).map((s) => text.slice(s.start, s.end)), ['a', '🙂🙂', 'b']);
  });

  it('refuses tokens that do not spell the words', () => {
    assert.throws(() => alignTokens('aspirin', ['asp', '##x']), /mismatch/);
  });
});
