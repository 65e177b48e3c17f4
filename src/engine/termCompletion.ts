// A span the model stopped inside a dictionary term of its own type: "heart" of "heart attack".
// The gazetteer knows the whole term, and the model's features marked every word of it, yet the
// model sometimes ends the span at the first word. The span then runs to the end of the longest
// term of its type that starts where it starts, if that term is longer, within the sentence, and
// does not run into the next span. Not for chemicals: there a longer dictionary term is often
// another substance ("sodium" → "sodium chloride"), and BC5CDR dev lost 0.8 chemical F1 to it.
import type { BertWord } from './bertWords';
import type { Gazetteer } from './gazetteer';
import type { LabelScheme } from './labels';
import type { LabelledSpan } from './viterbi';

export function completeTerms(words: readonly BertWord[], spans: readonly LabelledSpan[], scheme: LabelScheme, gazetteer: Gazetteer, bits: Partial<Record<string, number>>): LabelledSpan[] {
  return spans.map((span, i) => {
    const type = scheme.typeOf[span.label];
    if (!type || type === 'Chemical') return span;
    const limit = i + 1 < spans.length ? spans[i + 1].firstWord : words.length;
    const term = gazetteer.termLength(words, span.firstWord, limit, bits[type] ?? 0);
    return span.firstWord + term - 1 > span.lastWord ? { ...span, lastWord: span.firstWord + term - 1 } : span;
  });
}
