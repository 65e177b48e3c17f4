// Decoded label spans -> annotations: original offsets from the words, the caller's type and
// score filters, and two rules the model is not trusted with:
//   - a span without a letter or a digit (a lone dash, a bracket) is never an entity, whatever
//     its label. No gold corpus annotates one, yet the model has tagged the "–" of
//     "Hyperkalaemia, mild – likely..." as a Disease;
//   - a span never begins or ends with Markdown markup, a dash or an unpaired bracket: the model,
//     trained on plain abstracts, takes in the "**" of "**capmatinib**", the bullet of
//     "- Osimertinib alone" and the hyphen of "EGFR-mutant". Those characters are trimmed.
import type { AnnotateOptions } from './engineApi';
import type { BertWord } from './bertWords';
import type { LabelScheme } from './labels';
import type { Annotation } from './types';
import type { LabelledSpan } from './viterbi';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LEADING_NOISE = /^[\s*_`~#>•·‐‑‒–—-]+/u;
const TRAILING_NOISE = /[\s*_`~‐‑‒–—-]+$/u;

/** [start, end) of `text` with markup, dashes and unpaired brackets trimmed from both edges. */
export function trimEdges(text: string, start: number, end: number): [number, number] {
  for (;;) {
    const surface = text.slice(start, end);
    const lead = LEADING_NOISE.exec(surface)?.[0].length ?? 0;
    const trail = TRAILING_NOISE.exec(surface.slice(lead))?.[0].length ?? 0;
    let [s, e] = [start + lead, end - trail];
    const inner = text.slice(s, e);
    if (/^[([]/.test(inner) && !unbalancedOpenerCloses(inner)) s += 1;
    else if (/[)\]]$/.test(inner) && !hasOpenerFor(inner)) e -= 1;
    if (s === start && e === end) return [start, end];
    [start, end] = [s, Math.max(s, e)];
  }
}

// "(NSCLC" keeps nothing of its bracket; "(+)-catechin" and "Ca(2+)" keep theirs.
const unbalancedOpenerCloses = (s: string) => s.slice(1).includes(s[0] === '(' ? ')' : ']');
const hasOpenerFor = (s: string) => s.slice(0, -1).includes(s.endsWith(')') ? '(' : '[');

export function spanAnnotations(text: string, words: readonly BertWord[], spans: readonly LabelledSpan[], scheme: LabelScheme, opts: AnnotateOptions): Annotation[] {
  const found: Annotation[] = [];
  for (const span of spans) {
    const type = scheme.typeOf[span.label];
    if (!type || (opts.types && !opts.types.includes(type))) continue;
    if (opts.minScore !== undefined && span.score < opts.minScore) continue;
    const [start, end] = trimEdges(text, words[span.firstWord].start, words[span.lastWord].end);
    const surface = text.slice(start, end);
    if (!LETTER_OR_DIGIT.test(surface)) continue;
    found.push({ start, end, text: surface, type, score: span.score });
  }
  return found;
}
