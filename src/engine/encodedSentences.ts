// Texts -> sentences -> BERT words -> word pieces, lazily, so a 5 MB text is never held as
// pieces all at once.
import { BertWord, bertWords } from './bertWords';
import { splitSentences } from './sentences';

export interface PieceSource {
  /** Piece ids of one normalised word (at least one). */
  pieces(norm: string): Int32Array;
}

export interface EncodedSentence {
  /** Index of the text the sentence belongs to. */
  doc: number;
  words: BertWord[];
  /** Piece ids per word (shared arrays: read only). */
  pieces: Int32Array[];
  /** pieceStart[w] = index of word w's first piece; pieceStart[words.length] = piece count. */
  pieceStart: Int32Array;
}

export function* encodeSentences(texts: readonly string[], encoder: PieceSource): Generator<EncodedSentence> {
  for (let doc = 0; doc < texts.length; doc++) {
    const text = texts[doc];
    for (const range of splitSentences(text)) {
      const words = bertWords(text, range.start, range.end);
      if (words.length === 0) continue;
      const pieces = new Array<Int32Array>(words.length);
      const pieceStart = new Int32Array(words.length + 1);
      for (let w = 0; w < words.length; w++) {
        pieces[w] = encoder.pieces(words[w].norm);
        pieceStart[w + 1] = pieceStart[w] + pieces[w].length;
      }
      yield { doc, words, pieces, pieceStart };
    }
  }
}
