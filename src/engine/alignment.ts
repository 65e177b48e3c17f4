// Gives each WordPiece token exact offsets into the original text. transformers.js tokens carry
// none, but they are the BERT words' normalised forms cut into pieces, so walking both in step
// recovers them. Used to check (and show) that our words are exactly the tokenizer's.
import { bertWords } from './bertWords';

export interface TokenSpan {
  start: number;
  end: number;
  /** Index of the BERT word the token belongs to. */
  word: number;
}

const CONTINUATION = '##';

/** Aligns `tokens` (tokenizer.tokenize(text): no special tokens) back to `text`. Throws on mismatch. */
export function alignTokens(text: string, tokens: readonly string[], unk = '[UNK]'): TokenSpan[] {
  const words = bertWords(text, 0, text.length, true);
  const spans: TokenSpan[] = [];
  let t = 0;
  for (let w = 0; w < words.length; w++) {
    const { norm, start, end, sources } = words[w];
    if (tokens[t] === unk) {
      spans.push({ start, end, word: w }); // [UNK] stands for the whole word
      t++;
      continue;
    }
    let covered = '';
    while (t < tokens.length && covered.length < norm.length) {
      const token = tokens[t++];
      const piece = covered && token.startsWith(CONTINUATION) ? token.slice(CONTINUATION.length) : token;
      const from = covered.length;
      covered += piece;
      const to = Math.min(covered.length, norm.length) - 1;
      spans.push({ start: sources[from][0], end: sources[to][1], word: w });
    }
    if (covered !== norm) {
      throw new Error(`token/word mismatch at word ${w} ${JSON.stringify(norm)}: tokens give ${JSON.stringify(covered)}`);
    }
  }
  if (t !== tokens.length) throw new Error(`${tokens.length - t} tokens left after the last word`);
  return spans;
}
