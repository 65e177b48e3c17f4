// Fuzz: on real sentences laced with awkward Unicode, our words, pieces and offsets must agree
// with the real tokenizer, and offsets must stay inside the text and in order.
import { strict as assert } from 'node:assert';
import { AutoTokenizer, env, type PreTrainedTokenizer } from '@huggingface/transformers';
import { alignTokens, bertWords, WordPieceEncoder } from '../../src/engine';
import { corpusSentences, MODEL_DIR, referenceWords, seededRandom } from './testModel';

const TRICKY = [
  ...'àéîõüçñßøåæœÀÉÎİıǅﬁﬂΣσςΑΒΓΔαβγκ–—…‘’“”«»¿¡½²™€°±×≠≤µ',
  'абв', 'Жизнь', '東京', '한국어', 'ｶﾀｶﾅ', '\u{20000}', '🙂', '👍🏽', '👨‍⚕️', '\u200b', '\u00ad', '\u0301', '\u0308', '\u0327',
  '\t', '\r\n', '\n', '\u000b', '\u0085', '\u2028', '\u00a0', '\u3000', '\ufeff', '\ufffd', '\u0000', '\ue000', '\u{f0000}',
  '\ud800', '\udc00', 'ΟΔΟΣ', 'ΣΑΣ.', 'A\'Σ', '(Σ)',
];

function randomCodePoint(random: () => number): string {
  const cp = random() < 0.7 ? 0x20 + Math.floor(random() * 0x3000) : Math.floor(random() * 0x110000);
  return String.fromCodePoint(cp);
}

/** 2,000 strings: corpus sentences with inserted tricky text, and some pure random code points. */
function fuzzStrings(count: number): string[] {
  const random = seededRandom(20240611);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const sentences = corpusSentences();
  return Array.from({ length: count }, (_, i) => {
    if (i % 10 === 9) return Array.from({ length: 1 + Math.floor(random() * 40) }, () => randomCodePoint(random)).join('');
    const chars = [...pick(sentences)];
    for (let k = Math.floor(random() * 8); k > 0; k--) {
      const insert = random() < 0.75 ? pick(TRICKY) : randomCodePoint(random);
      chars.splice(Math.floor(random() * (chars.length + 1)), 0, insert);
    }
    return chars.join('');
  });
}

describe('alignment fuzz against the real tokenizer (2,000 strings)', function () {
  this.timeout(60_000);
  let tokenizer: PreTrainedTokenizer;
  let encoder: WordPieceEncoder;
  let reference: (text: string) => string[];
  const strings = fuzzStrings(2000);

  before(async () => {
    env.allowRemoteModels = false;
    tokenizer = await AutoTokenizer.from_pretrained(MODEL_DIR, { local_files_only: true });
    encoder = await WordPieceEncoder.load(MODEL_DIR);
    reference = await referenceWords();
  });

  it('finds the tokenizer\'s words, in bounds and in order', () => {
    for (const text of strings) {
      const words = bertWords(text);
      assert.deepEqual(words.map((w) => w.norm), reference(text), JSON.stringify(text));
      let previousEnd = 0;
      for (const w of words) {
        assert.ok(previousEnd <= w.start && w.start < w.end && w.end <= text.length, JSON.stringify(text));
        previousEnd = w.end;
      }
    }
  });

  it('gives the same piece ids word by word as the tokenizer on the whole text', () => {
    for (const text of strings) {
      const expected = tokenizer(text, { add_special_tokens: false, return_tensor: false }).input_ids as number[];
      const ours = bertWords(text).flatMap((w) => [...encoder.pieces(w.norm)]);
      assert.deepEqual(ours, expected, JSON.stringify(text));
    }
  });

  it('aligns every token to offsets whose pieces spell its word', () => {
    for (const text of strings) {
      const tokens = tokenizer.tokenize(text);
      const spans = alignTokens(text, tokens);
      assert.equal(spans.length, tokens.length);
      const words = bertWords(text);
      const spelled = words.map(() => '');
      let previous = { start: 0, end: 0 };
      spans.forEach((span, t) => {
        assert.ok(span.start >= previous.start && span.end >= previous.end, `offsets go backwards in ${JSON.stringify(text)}`);
        assert.ok(span.start >= 0 && span.start < span.end && span.end <= text.length, JSON.stringify(text));
        assert.ok(span.start >= words[span.word].start && span.end <= words[span.word].end);
        spelled[span.word] += tokens[t] === '[UNK]' ? words[span.word].norm : tokens[t].replace(/^##/, '');
        previous = span;
      });
      assert.deepEqual(spelled, words.map((w) => w.norm), JSON.stringify(text));
    }
  });
});
