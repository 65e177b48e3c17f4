// Sentence splitting and windowing: every word of any text reaches the model exactly once,
// inside a window that fits the model, with as much context as the windows allow.
import { strict as assert } from 'node:assert';
import {
  bertWords,
  encodeSentences,
  paragraphs,
  planWindows,
  readModelFolder,
  splitSentences,
  WINDOW_OVERLAP,
  WordPieceEncoder,
} from '../../src/engine';
import type { EncodedSentence } from '../../src/engine/encodedSentences';
import { TokenClassifierSession } from '../../src/engine/onnxSession';
import { scoreWindows, WindowJob } from '../../src/engine/windowInference';
import { corpusSentences, MODEL_DIR, seededRandom } from './testModel';

const split = (text: string) => splitSentences(text).map((r) => text.slice(r.start, r.end));

describe('sentence splitting', () => {
  it('splits at . ! ? followed by a capital', () => {
    assert.deepEqual(split('Aspirin helps. Fever falls! Is it gone? Yes.'), ['Aspirin helps.', 'Fever falls!', 'Is it gone?', 'Yes.']);
  });

  it('does not split after e.g., i.e., et al., Fig., vs., initials or inside decimals', () => {
    for (const text of [
      'Drugs, e.g. Aspirin, help.',
      'One drug, i.e. Aspirin, helps.',
      'Smith et al. Reported it first.',
      'As shown in Fig. 2 the dose was 3.5 mg.',
      'Aspirin vs. Placebo was compared.',
      'J. R. Smith and E. coli were involved.',
      'It was approx. 5 mg/kg, cf. Table 1.',
      'Samples from the U.S. Army were used.',
    ]) {
      assert.deepEqual(split(text), [text]);
    }
  });

  it('splits after a capital that ends a slash-joined shorthand, which is no initial', () => {
    assert.deepEqual(split('Denies N/V/D. Hx of asthma.'), ['Denies N/V/D.', 'Hx of asthma.']);
    assert.deepEqual(split('Grown with (E. coli) and "J. Smith" strains.'), ['Grown with (E. coli) and "J. Smith" strains.']);
  });

  it('keeps closing quotes and brackets with their sentence', () => {
    assert.deepEqual(split('He said "stop." Then he left. (See above.) Next.'), ['He said "stop."', 'Then he left.', '(See above.)', 'Next.']);
  });

  it('splits paragraphs at blank lines, CRLF included, but not at single line breaks', () => {
    const text = 'Title line\r\n\r\nFirst line\r\nsame sentence. Second one.\n \n\nLast';
    assert.deepEqual(paragraphs(text).map((r) => text.slice(r.start, r.end)), ['Title line', 'First line\r\nsame sentence. Second one.', 'Last']);
    assert.deepEqual(split(text), ['Title line', 'First line\r\nsame sentence.', 'Second one.', 'Last']);
  });

  it('covers every word of real abstracts exactly once, with offsets into the text', () => {
    const text = corpusSentences().join(' ');
    const fromSentences = splitSentences(text).flatMap((r) => bertWords(text, r.start, r.end));
    assert.deepEqual(fromSentences, bertWords(text));
    assert.equal(splitSentences(text).length, corpusSentences().length);
  });

  it('makes each cell of a Markdown table row a sentence of its own, without its pipes', () => {
    const table = 'Models:\r\n| model | EGFR status |\r\n|---|---|\r\n| PC-9 cells | exon 19 deletion |\r\n  | HCC827 cells | MET amplified |';
    assert.deepEqual(split(table), ['Models:', 'model', 'EGFR status', '---', '---', 'PC-9 cells', 'exon 19 deletion', 'HCC827 cells', 'MET amplified']);
    // A pipe inside a line is prose.
    assert.deepEqual(split('Dose 5 | 10 mg given.'), ['Dose 5 | 10 mg given.']);
  });

  it('keeps a list\'s items together (each drug is context for the others), and a numbered item\'s number with it', () => {
    const list = 'Medications\n- Bisoprolol 5 mg once daily\n- Atorvastatin 40 mg at night\n\n1. HFrEF, clinically euvolaemic. No evidence of toxicity.\n2. Hyperkalaemia, mild.';
    assert.deepEqual(split(list), [
      'Medications\n- Bisoprolol 5 mg once daily\n- Atorvastatin 40 mg at night',
      '1. HFrEF, clinically euvolaemic.', 'No evidence of toxicity.', '2. Hyperkalaemia, mild.',
    ]);
  });

  it('gives nothing for empty or blank text', () => {
    assert.deepEqual(splitSentences(''), []);
    assert.deepEqual(splitSentences(' \n\n\t '), []);
  });
});

/** Checks a plan: windows fit, cover the sentence, and each word is owned by one window holding it. */
function assertPlanCovers(pieceStart: Int32Array, words: number, maxPieces: number): number {
  const { windows, owner } = planWindows(pieceStart, words, maxPieces, WINDOW_OVERLAP);
  assert.equal(windows[0].from, 0);
  assert.equal(windows[windows.length - 1].to, words);
  windows.forEach(({ from, to }, k) => {
    assert.ok(to > from);
    assert.ok(to - from === 1 || pieceStart[to] - pieceStart[from] <= maxPieces, 'window too long');
    if (k > 0) assert.ok(from > windows[k - 1].from && from <= windows[k - 1].to, 'windows must advance without gaps');
  });
  assert.equal(owner.length, words);
  for (let w = 0; w < words; w++) {
    const { from, to } = windows[owner[w]];
    assert.ok(from <= w && w < to, `word ${w} owned by a window that does not contain it`);
  }
  return windows.length;
}

describe('windows', () => {
  const maxPieces = 126;

  it('keeps a sentence that fits in one window', () => {
    const pieceStart = Int32Array.from({ length: 41 }, (_, i) => i * 3);
    assert.deepEqual(planWindows(pieceStart, 40, maxPieces, WINDOW_OVERLAP).windows, [{ from: 0, to: 40 }]);
  });

  it('splits a long sentence into overlapping windows and predicts each word where it is most central', () => {
    const words = 300;
    const pieceStart = Int32Array.from({ length: words + 1 }, (_, i) => i);
    const { windows, owner } = planWindows(pieceStart, words, maxPieces, WINDOW_OVERLAP);
    assert.equal(assertPlanCovers(pieceStart, words, maxPieces), windows.length);
    assert.deepEqual(windows.slice(0, 2), [{ from: 0, to: 126 }, { from: 94, to: 220 }]);
    // In the 32-word overlap [94, 126) the first half has more context in window 0, the rest in window 1.
    assert.equal(owner[108], 0);
    assert.equal(owner[111], 1);
  });

  it('gives a word longer than a window a window of its own', () => {
    const pieceStart = Int32Array.from([0, 5, 205, 210]);
    assert.deepEqual(planWindows(pieceStart, 3, maxPieces, WINDOW_OVERLAP).windows, [{ from: 0, to: 1 }, { from: 1, to: 2 }, { from: 2, to: 3 }]);
  });

  describe('with the real tokenizer and model', function () {
    this.timeout(60_000);
    let encoder: WordPieceEncoder;
    let maxPieces: number;
    before(async () => {
      encoder = await WordPieceEncoder.load(MODEL_DIR);
      maxPieces = readModelFolder(MODEL_DIR, 'q8').info.maxLength - 2;
    });

    it('gives every word of a sentence several windows long a label distribution', async () => {
      const text = corpusSentences().slice(0, 30).map((s) => s.replace(/\.$/, '')).join('; ') + '.';
      const [sentence] = [...encodeSentences([text], encoder)];
      const n = sentence.words.length;
      assert.ok(sentence.pieceStart[n] > 3 * maxPieces, 'the sentence must need several windows');
      assert.ok(assertPlanCovers(sentence.pieceStart, n, maxPieces) >= 4);

      const folder = readModelFolder(MODEL_DIR, 'q8');
      const session = await TokenClassifierSession.open(folder.onnxFile, 1, folder.scheme.labels.length);
      const L = folder.scheme.labels.length;
      const emissions = new Float32Array(n * L).fill(NaN);
      const { windows, owner } = planWindows(sentence.pieceStart, n, maxPieces, WINDOW_OVERLAP);
      const jobs: WindowJob[] = windows.map(({ from, to }, window) => ({
        sentence, emissions, owner, window, from, to,
        features: new Int32Array(n),
        pieces: sentence.pieceStart[to] - sentence.pieceStart[from],
      }));
      await scoreWindows(jobs, { session, startId: encoder.startId, endId: encoder.endId, padId: encoder.padId, maxPieces, batchSize: 3, batchTokens: 1024 });
      await session.dispose();
      for (let w = 0; w < n; w++) {
        let total = 0;
        for (let y = 0; y < L; y++) total += Math.exp(emissions[w * L + y]);
        assert.ok(Math.abs(total - 1) < 1e-4, `word ${w} has no label distribution`);
      }
    });

    it('covers a 5 MB document: every word in one sentence, and in one owning window', () => {
      const random = seededRandom(7);
      const sentences = corpusSentences();
      const parts: string[] = [];
      let size = 0;
      while (size < 5_000_000) {
        const r = random();
        // Mostly abstracts; some paragraphs with no sentence end at all, some line-broken notes.
        const part = r < 0.05
          ? Array.from({ length: 40 }, () => sentences[Math.floor(random() * sentences.length)].replace(/\.$/, ',')).join(' ')
          : Array.from({ length: 8 }, () => sentences[Math.floor(random() * sentences.length)]).join(r < 0.2 ? '\r\n' : ' ');
        parts.push(part);
        size += part.length + 2;
      }
      const text = parts.join('\n\n');
      let words = 0;
      let previousEnd = 0;
      for (const sentence of encodeSentences([text], encoder) as Generator<EncodedSentence>) {
        const n = sentence.words.length;
        assert.ok(sentence.words[0].start >= previousEnd, 'sentences overlap');
        previousEnd = sentence.words[n - 1].end;
        assertPlanCovers(sentence.pieceStart, n, maxPieces);
        words += n;
      }
      assert.equal(words, bertWords(text).length);
    });
  });
});
