// Fits a sentence into model inputs of at most `maxPieces` word pieces (maxLength minus [CLS]
// and [SEP]). A longer sentence becomes overlapping windows; every word is predicted from the
// window where it has the most context on its poorer side, so no word is judged at an edge
// when a better window exists, and every word is predicted exactly once.

export interface WordWindow {
  /** Words [from, to) of the sentence. */
  from: number;
  to: number;
}

export interface WindowPlan {
  windows: WordWindow[];
  /** owner[w] = index of the window whose prediction word w takes. */
  owner: Int32Array;
}

/**
 * `pieceStart[w]` is the index of word w's first piece in the sentence, `pieceStart[words]`
 * the total. `overlap` is the number of pieces consecutive windows share (about).
 */
export function planWindows(pieceStart: Int32Array, words: number, maxPieces: number, overlap: number): WindowPlan {
  const owner = new Int32Array(words);
  if (words === 0) return { windows: [], owner };
  if (pieceStart[words] - pieceStart[0] <= maxPieces) return { windows: [{ from: 0, to: words }], owner };
  const windows: WordWindow[] = [];
  for (let from = 0; ; ) {
    let to = from + 1; // a single word longer than maxPieces still gets a (truncated) window
    while (to < words && pieceStart[to + 1] - pieceStart[from] <= maxPieces) to++;
    windows.push({ from, to });
    if (to >= words) break;
    let next = to;
    while (next - 1 > from && pieceStart[to] - pieceStart[next - 1] <= overlap) next--;
    from = next;
  }
  const centrality = new Int32Array(words).fill(-1);
  windows.forEach(({ from, to }, k) => {
    for (let w = from; w < to; w++) {
      const c = Math.min(pieceStart[w] - pieceStart[from], pieceStart[to] - pieceStart[w + 1]);
      if (c > centrality[w]) {
        centrality[w] = c;
        owner[w] = k;
      }
    }
  });
  return { windows, owner };
}
