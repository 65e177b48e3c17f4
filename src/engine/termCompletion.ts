// A span the model stopped inside a dictionary term of its own type: "heart" of "heart attack",
// "stage renal disease" of "end-stage renal disease", or "infective" and "endocarditis" as two
// spans for "infective endocarditis". The gazetteer knows the whole term, and the model's features
// marked every word of it, yet the model sometimes breaks the span. So, within the sentence:
//   - a span runs to the end of the longest term of its type that starts where it starts, if that
//     term is longer; it may take in a following span of the same type the term covers whole
//     (the two are one mention), never run into a span of another type;
//   - a span that starts inside a hyphenated word ("stage renal disease" of "end-stage ...")
//     starts where a term of its type starts, up to three words before it, when that term ends
//     where the span ends or later (the span then ends with the term), and the words before are
//     not another span's. Not at a word boundary: there the words before are modifiers the
//     corpora disagree on ("recurrent", "bilateral"; NCBI-disease lost 0.6 F1 to it).
// Not for chemicals: there a longer dictionary term is often another substance ("sodium" →
// "sodium chloride"), and BC5CDR dev lost 0.8 chemical F1 to it.
import type { BertWord } from './bertWords';
import type { Gazetteer } from './gazetteer';
import type { LabelScheme } from './labels';
import type { LabelledSpan } from './viterbi';

const MAX_WORDS_BEFORE = 3;

export function completeTerms(words: readonly BertWord[], spans: readonly LabelledSpan[], scheme: LabelScheme, gazetteer: Gazetteer, bits: Partial<Record<string, number>>): LabelledSpan[] {
  const out: LabelledSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    let span = spans[i];
    const type = scheme.typeOf[span.label];
    const bit = bits[type ?? ''] ?? 0;
    if (!type || type === 'Chemical' || !bit) {
      out.push(span);
      continue;
    }
    span = startOfTerm(words, span, out.length ? out[out.length - 1].lastWord + 1 : 0, gazetteer, bit);
    // The words the term may reach: up to the next span of another type, through those of this one.
    let limit = words.length;
    for (let k = i + 1; k < spans.length; k++) {
      if (scheme.typeOf[spans[k].label] !== type) {
        limit = spans[k].firstWord;
        break;
      }
    }
    const end = span.firstWord + gazetteer.termLength(words, span.firstWord, limit, bit) - 1;
    if (end > span.lastWord) {
      // Spans of this type the term covers whole are part of it; one it covers in part ends it before.
      let next = i + 1;
      while (next < spans.length && spans[next].lastWord <= end) next++;
      const stop = next < spans.length && spans[next].firstWord <= end ? spans[next].firstWord - 1 : end;
      if (stop > span.lastWord) span = { ...span, lastWord: stop };
      i = next - 1;
    }
    out.push(span);
  }
  return out;
}

/** `span` started at the earliest term of its type that begins in the words before it (not before `from`) and reaches its end. */
function startOfTerm(words: readonly BertWord[], span: LabelledSpan, from: number, gazetteer: Gazetteer, bit: number): LabelledSpan {
  const first = span.firstWord;
  if (first === 0 || words[first - 1].end !== words[first].start) return span; // only a span that starts inside a word
  for (let w = Math.max(from, span.firstWord - MAX_WORDS_BEFORE); w < span.firstWord; w++) {
    const n = gazetteer.termLength(words, w, words.length, bit);
    if (w + n - 1 >= span.lastWord) return { ...span, firstWord: w, lastWord: w + n - 1 };
  }
  return span;
}
