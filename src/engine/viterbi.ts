// Word-level BIO-constrained Viterbi decoding. Taking the arg-max per word can produce
// "O I-Disease" or "B-Chemical I-Disease"; the best path through allowed transitions cannot.
import { LabelScheme } from './labels';

/**
 * Best label sequence for `words` words given per-word log-probabilities
 * (`emissions[w * L + label]`). Returns one label index per word.
 */
export function viterbi(emissions: Float32Array, words: number, scheme: LabelScheme): Int32Array {
  const L = scheme.labels.length;
  const path = new Int32Array(words);
  if (words === 0) return path;
  const back = new Int32Array(words * L);
  let prev = new Float64Array(L);
  let next = new Float64Array(L);
  for (let y = 0; y < L; y++) prev[y] = scheme.allowedFirst[y] ? emissions[y] : -Infinity;
  for (let w = 1; w < words; w++) {
    for (let y = 0; y < L; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let x = 0; x < L; x++) {
        if (!scheme.allowed[x * L + y]) continue;
        const s = prev[x];
        if (s > best) {
          best = s;
          arg = x;
        }
      }
      next[y] = best + emissions[w * L + y];
      back[w * L + y] = arg;
    }
    [prev, next] = [next, prev];
  }
  let arg = 0;
  for (let y = 1; y < L; y++) if (prev[y] > prev[arg]) arg = y;
  for (let w = words - 1; w >= 0; w--) {
    path[w] = arg;
    arg = back[w * L + arg];
  }
  return path;
}

export interface LabelledSpan {
  firstWord: number;
  /** Inclusive. */
  lastWord: number;
  label: number; // the B- label that opened it
  /** Mean probability of the chosen labels over the span's words. */
  score: number;
}

/** Groups a decoded BIO path into entity spans (a B-X and the I-X words after it). */
export function bioSpans(path: Int32Array, emissions: Float32Array, scheme: LabelScheme): LabelledSpan[] {
  const L = scheme.labels.length;
  const spans: LabelledSpan[] = [];
  let open: LabelledSpan | undefined;
  let probability = 0;
  const close = () => {
    if (!open) return;
    open.score = probability / (open.lastWord - open.firstWord + 1);
    spans.push(open);
    open = undefined;
  };
  for (let w = 0; w < path.length; w++) {
    const y = path[w];
    const p = Math.exp(emissions[w * L + y]);
    if (open && scheme.isInside[y] && scheme.allowed[path[w - 1] * L + y]) {
      open.lastWord = w;
      probability += p;
      continue;
    }
    close();
    if (scheme.labels[y] !== 'O') {
      open = { firstWord: w, lastWord: w, label: y, score: 0 };
      probability = p;
    }
  }
  close();
  return spans;
}
