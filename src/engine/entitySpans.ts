// Decoded label spans -> annotations: original offsets from the words, the caller's type and
// score filters, and one rule the model is not trusted with: a span without a letter or a digit
// (a lone dash, a bracket) is never an entity, whatever its label. No gold corpus annotates one,
// yet the model has tagged the "–" of "Hyperkalaemia, mild – likely..." as a Disease.
import type { AnnotateOptions } from './engineApi';
import type { BertWord } from './bertWords';
import type { LabelScheme } from './labels';
import type { Annotation } from './types';
import type { LabelledSpan } from './viterbi';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function spanAnnotations(text: string, words: readonly BertWord[], spans: readonly LabelledSpan[], scheme: LabelScheme, opts: AnnotateOptions): Annotation[] {
  const found: Annotation[] = [];
  for (const span of spans) {
    const type = scheme.typeOf[span.label];
    if (!type || (opts.types && !opts.types.includes(type))) continue;
    if (opts.minScore !== undefined && span.score < opts.minScore) continue;
    const start = words[span.firstWord].start;
    const end = words[span.lastWord].end;
    const surface = text.slice(start, end);
    if (!LETTER_OR_DIGIT.test(surface)) continue;
    found.push({ start, end, text: surface, type, score: span.score });
  }
  return found;
}
