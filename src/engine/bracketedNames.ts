// A name with a bracket inside that the name never opened or closed. The model sometimes starts a
// span at the abbreviation of "major histocompatibility complex (MHC) class I molecules" and runs
// on past its closing bracket ("MHC) class I molecules"), or stops a span after an opening bracket
// ("cdc2 (kinase"): no corpus annotates such a span, and in the editor it reads as a broken
// highlight. trimEdges (entitySpans.ts) mends a bracket at a span's edge; this mends one inside,
// at the word level, within a sentence:
//   - a closing bracket right after an opening one before the span: when a span of the same type
//     ends just before that opener, the two are one name ("major histocompatibility complex (MHC)
//     class I molecules", "CCAAT/enhancer-binding protein (C/EBP) delta"); otherwise the span
//     ends before the closer (the abbreviation alone: "HPRT" of "...transferase (HPRT) locus");
//   - an opening bracket never closed inside the span: the span ends before it.
// On the dev splits (session 12's weights; every span this changes was wrong before): BC2GM +0.09
// F1 (+0.08 after the terminology layer), JNLPBA +0.25, the others unchanged. Not for chemicals:
// a systematic name's brackets ("[1R,3S]-3-[1'-adamantyl]-...") are its own, and the model's cut
// there is another matter.
import type { BertWord } from './bertWords';
import type { LabelScheme } from './labels';
import type { LabelledSpan } from './viterbi';

const OPENERS = new Map([['(', ')'], ['[', ']']]);
const CLOSERS = new Set(OPENERS.values());

/** The first word of [first, last] whose bracket is not matched inside it, or -1. */
function unmatchedBracket(words: readonly BertWord[], first: number, last: number): number {
  const open: number[] = [];
  for (let w = first; w <= last; w++) {
    const norm = words[w].norm;
    if (OPENERS.has(norm)) open.push(w);
    else if (CLOSERS.has(norm)) {
      if (!open.length || OPENERS.get(words[open[open.length - 1]].norm) !== norm) return w;
      open.pop();
    }
  }
  return open.length ? open[0] : -1;
}

export function mendBracketedNames(words: readonly BertWord[], spans: readonly LabelledSpan[], scheme: LabelScheme): LabelledSpan[] {
  const out: LabelledSpan[] = [];
  for (const span of spans) {
    const type = scheme.typeOf[span.label];
    const at = type && type !== 'Chemical' ? unmatchedBracket(words, span.firstWord, span.lastWord) : -1;
    // At an edge, trimEdges decides (it may take a closer right after the span in).
    if (at <= span.firstWord || at >= span.lastWord) {
      out.push(span);
      continue;
    }
    // An opener closed right after the span: trimEdges takes the closer in ("Ca(2+)").
    if (OPENERS.has(words[at].norm) && OPENERS.get(words[at].norm) === words[span.lastWord + 1]?.norm) {
      out.push(span);
      continue;
    }
    const opener = span.firstWord - 1;
    const previous = out[out.length - 1];
    if (CLOSERS.has(words[at].norm) && opener >= 0 && OPENERS.get(words[opener].norm) === words[at].norm
        && previous && previous.lastWord === opener - 1 && scheme.typeOf[previous.label] === type
        && unmatchedBracket(words, previous.firstWord, span.lastWord) < 0) {
      out[out.length - 1] = { ...previous, lastWord: span.lastWord, score: wordWeightedScore(previous, span) };
    } else {
      out.push({ ...span, lastWord: at - 1 });
    }
  }
  return out;
}

/** The mean probability of the merged span's words, the brackets between them left out. */
function wordWeightedScore(a: LabelledSpan, b: LabelledSpan): number {
  const na = a.lastWord - a.firstWord + 1;
  const nb = b.lastWord - b.firstWord + 1;
  return (a.score * na + b.score * nb) / (na + nb);
}
