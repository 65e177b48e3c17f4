// Decoded label spans -> annotations: original offsets from the words, the caller's type and
// score filters, and three rules the model is not trusted with:
//   - a span without a letter or a digit (a lone dash, a bracket) is never an entity, whatever
//     its label. No gold corpus annotates one, yet the model has tagged the "–" of
//     "Hyperkalaemia, mild – likely..." as a Disease. Nor is a lone function or time word
//     (functionWords.ts): "No" as a chemical, "ago" as a disease in clinical notes, nor a lone
//     number ("3a" of "stage 3a") or a lab measurement ("eGFR 39" as a gene), nor, unless a
//     disease ("vomiting"), a lone "-ing" word ("combining" as a gene). And a one-word
//     "gene" with a small-molecule drug stem ("osimertinib" next to "EGFR") is a chemical;
//   - a span never crosses a Markdown emphasis or code delimiter (it keeps the emphasised side),
//     and never begins or ends with Markdown markup, a dash or an unpaired bracket: the model,
//     trained on plain abstracts, takes in the "**" of "**capmatinib**", the bullet of
//     "- Osimertinib alone" and the hyphen of "EGFR-mutant". Those characters are trimmed, and so
//     are a trailing comma, conjunction or spaced plus ("dextran and", "salbutamol +") and a
//     bracket opened but never closed (unless it closes right after the span: then the span
//     takes the closing bracket in);
//   - a span never ends inside a number: "NT-proBNP 1" of "NT-proBNP 1,450 ng/L" (the word
//     pieces split "1,450" at its comma, and the model took the first piece in) ends before it;
//   - a chemical or gene name keeps its locants, stereodescriptors and Greek-letter prefixes: the
//     model often starts "S-ketamine", "epsilon-aminocaproic acid", "5,7-dichlorokynurenic acid"
//     after the hyphen, and every corpus annotates the prefix as part of the name.
import type { AnnotateOptions } from './engineApi';
import { isDrugName } from './drugStems';
import { isFunctionWord, isGerund, isNeverAnEntityAlone } from './functionWords';
import type { BertWord } from './bertWords';
import type { LabelScheme } from './labels';
import type { Annotation } from './types';
import type { LabelledSpan } from './viterbi';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// A clinical note's "Denies orthopnoea" or "No chest pain" at a line start: the negation is context
// (context.ts strikes the finding through), never part of the finding's name.
const LEADING_NOISE = /^(?:[\s*_`~#>•·‐‑‒–—,;:/-]|(?:and|or|of|the|with|[Dd]enie[sd]|[Nn]o|[Ww]ithout)\s)+/u;
// A spaced plus after a word ("salbutamol + ipratropium") joins two names; after a symbol it is a
// marker's or an ion's charge, as tokenised corpora write them ("CD4 +", "Na +").
const TRAILING_NOISE = /(?:[\s*_`~‐‑‒–—,;:/-]|\s['"&]|(?<=\p{Ll}{4})\s\+|\s(?:and|or|of|the|with|in|to|for|by))+$/u;
// Hyphen-joined prefixes of a systematic name, right before the span: "D-", "S-", "alpha-",
// "β-", "5,7-", "N6-", "cis-" (several may chain: "(2S,3R)-3-"). Not the sign of optical
// rotation: BC5CDR leaves "(+)-" and "(-)-" out of "(+)-cibenzoline".
const NAME_PREFIX = /(?:^|[\s([/,;])((?:(?:[DLRSEZ]|[α-ωΑ-Ω]|alpha|beta|gamma|delta|epsilon|kappa|omega|cis|trans|tert|sec|iso|[NOS]\d{0,2}|\d+(?:,\d+)*[a-z]?|\(\d*[RS](?:,\d*[RS])*\))-)+)$/u;
const PREFIXED_TYPES = new Set(['Chemical', 'Gene']);

// Markdown emphasis and code delimiters. An entity's name never has one inside: a span that
// crosses one ("MET inhibitor **capmatinib") keeps the side the delimiter encloses, the words
// the writer marked as one thing.
const INNER_DELIMITER = /\*\*|__|~~|`/g;

/** [start, end) cut at a Markdown delimiter inside it: after an opening one, before a closing one. */
function withinDelimiters(text: string, start: number, end: number): [number, number] {
  const inner = text.slice(start, end);
  for (const m of inner.matchAll(INNER_DELIMITER)) {
    const at = start + m.index!;
    if (at === start || at + m[0].length === end) continue; // at an edge: trimEdges takes it off
    const opens = /\s/.test(text[at - 1]) && /\S/.test(text[at + m[0].length]);
    const closes = /\S/.test(text[at - 1]) && (at + m[0].length >= text.length || /[\s.,;:!?)\]]/.test(text[at + m[0].length]));
    if (opens) return withinDelimiters(text, at + m[0].length, end);
    if (closes) return [start, at];
  }
  return [start, end];
}

/** [start, end) of `text` with markup, dashes and unpaired brackets trimmed from both edges. */
export function trimEdges(text: string, start: number, end: number): [number, number] {
  [start, end] = withinDelimiters(text, start, end);
  for (;;) {
    const surface = text.slice(start, end);
    const lead = LEADING_NOISE.exec(surface)?.[0].length ?? 0;
    const trail = TRAILING_NOISE.exec(surface.slice(lead))?.[0].length ?? 0;
    let [s, e] = [start + lead, end - trail];
    const inner = text.slice(s, e);
    const closer = closerRightAfter(text, inner, e);
    if (closer) e = text.indexOf(closer, e) + 1;
    else if (/^[([]/.test(inner) && !unbalancedOpenerCloses(inner)) s += 1;
    else if (/[)\]]$/.test(inner) && !hasOpenerFor(inner)) e -= 1;
    else if (/[([]$/.test(inner)) e -= 1;
    else if (/^[)\]]/.test(inner)) s += 1;
    if (s === start && e === end) return [start, end];
    [start, end] = [s, Math.max(s, e)];
  }
}

// "(NSCLC" keeps nothing of its bracket; "(+)-catechin" and "Ca(2+)" keep theirs.
const unbalancedOpenerCloses = (s: string) => s.slice(1).includes(s[0] === '(' ? ')' : ']');
const hasOpenerFor = (s: string) => s.slice(0, -1).includes(s.endsWith(')') ? '(' : '[');

const BRACKETS = [['(', ')'], ['[', ']']] as const;

/** The closing bracket of one `inner` left open, if it follows `end` after at most two spaces. */
function closerRightAfter(text: string, inner: string, end: number): string | undefined {
  const after = text.slice(end, end + 3).trimStart();
  return BRACKETS.find(([open, close]) => inner.split(open).length > inner.split(close).length && after.startsWith(close))?.[1];
}

// A number the span ends with, after a space, that the text goes on with past the span: "1" of
// "1,450" or "2" of "2.5". A name's own number ("CYP 2D6", "type 2") ends where the text's does.
const NUMBER_CUT_AT_END = /\s+\d+$/;

/** `end` moved back before a number the span cuts in two ("NT-proBNP 1" of "NT-proBNP 1,450"). */
export function beforeCutNumber(text: string, start: number, end: number): number {
  if (!/^[.,]\d/.test(text.slice(end, end + 2))) return end;
  const cut = NUMBER_CUT_AT_END.exec(text.slice(start, end));
  return cut && cut.index > 0 ? start + cut.index : end;
}

/** `start` moved back over a systematic-name prefix the span left out ("S-" of "S-ketamine"). */
export function withNamePrefix(text: string, start: number): number {
  if (text[start - 1] !== '-') return start;
  const before = text.slice(Math.max(0, start - 40), start);
  const prefix = NAME_PREFIX.exec(before)?.[1];
  return prefix ? start - prefix.length : start;
}

export function spanAnnotations(text: string, words: readonly BertWord[], spans: readonly LabelledSpan[], scheme: LabelScheme, opts: AnnotateOptions): Annotation[] {
  const found: Annotation[] = [];
  for (const span of spans) {
    const decoded = scheme.typeOf[span.label];
    if (!decoded) continue;
    const [trimmedStart, trimmedEnd] = trimEdges(text, words[span.firstWord].start, words[span.lastWord].end);
    const end = beforeCutNumber(text, trimmedStart, trimmedEnd);
    const start = PREFIXED_TYPES.has(decoded) && trimmedStart < end ? withNamePrefix(text, trimmedStart) : trimmedStart;
    const surface = text.slice(start, end);
    if (!LETTER_OR_DIGIT.test(surface) || isFunctionWord(surface) || isNeverAnEntityAlone(surface)) continue;
    const type = decoded === 'Gene' && isDrugName(surface) ? 'Chemical' : decoded;
    if (type !== 'Disease' && isGerund(surface)) continue;
    if (opts.types && !opts.types.includes(type)) continue;
    found.push({ start, end, text: surface, type, score: span.score });
  }
  return found;
}
