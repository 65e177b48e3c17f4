// Abbreviation definitions in running text, after Schwartz & Hearst (2003), "A simple algorithm
// for identifying abbreviation definitions in biomedical text" — the algorithm scispaCy's
// AbbreviationDetector implements. It finds "long form (SF)" and "SF (long form)" and matches
// the short form's characters right to left inside the long form, so "heart failure (HF)" is a
// definition and "heart rate (HF)" is not. Two departures: an acronym whose letters are the
// initials of the words before it takes those words, where the paper's shortest span would stop
// inside the last one ("combined oral contraceptives (COCs)": not "contraceptives"); and one whose
// letters are those initials in another order is a definition too ("myotonic dystrophy (DM)").
import { binomialAbbreviations } from './binomials';

export interface AbbreviationDefinition {
  short: string;
  long: string;
  /** UTF-16 offsets of the short and long form of the defining occurrence. */
  shortStart: number;
  shortEnd: number;
  longStart: number;
  longEnd: number;
}

const PARENTHESIS = /\(([^()]*)\)/g;
const MAX_SHORT_LENGTH = 10;
// A number, a space and a unit in lower case: "5 mg", "2 mg/kg", "30 min", "10 %".
const QUANTITY = /^\d+(?:[.,]\d+)?\s+[a-zµμ%][\p{L}/%.]*$/u;

/** Definitions in document order; a short form defined twice keeps its first definition. */
export function findAbbreviations(text: string): AbbreviationDefinition[] {
  const found: AbbreviationDefinition[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(PARENTHESIS)) {
    const open = m.index!;
    const inside = cutAtSeparator(m[1]);
    const insideStart = open + 1 + (inside.length - inside.trimStart().length);
    const definition =
      longFormBefore(text, open, inside.trim(), insideStart) ?? shortFormBefore(text, open, inside.trim(), insideStart);
    if (definition && !seen.has(definition.short)) {
      seen.add(definition.short);
      found.push(definition);
    }
  }
  return found;
}

/** "(SF; see ...)", "(SF, 2019)", "(SF: 10 mg/kg)": the candidate ends at the first separator. */
function cutAtSeparator(inside: string): string {
  const cut = inside.search(/[;,:]\s/);
  return cut < 0 ? inside : inside.slice(0, cut);
}

/** Case "long form (SF)". */
function longFormBefore(text: string, open: number, short: string, shortStart: number): AbbreviationDefinition | undefined {
  if (!isShortForm(short)) return undefined;
  const words = wordsBefore(text, open, Math.min(short.length + 5, short.length * 2));
  if (!words) return undefined;
  const long = initialsLongForm(short, words.text) ?? bestLongForm(short, words.text) ?? reorderedInitialsLongForm(short, words.text);
  if (!long) return undefined;
  const longEnd = words.start + words.text.length;
  return { short, long, shortStart, shortEnd: shortStart + short.length, longStart: longEnd - long.length, longEnd };
}

/** Case "SF (long form)": the word before the parenthesis is the short form. */
function shortFormBefore(text: string, open: number, long: string, longStart: number): AbbreviationDefinition | undefined {
  const before = /(\S+)\s*$/.exec(text.slice(Math.max(0, open - MAX_SHORT_LENGTH - 2), open));
  if (!before || long.split(/\s+/).length < 2) return undefined;
  const short = before[1];
  if (!isShortForm(short) || long.length <= short.length) return undefined;
  const best = bestLongForm(short, long);
  if (best !== long) return undefined; // here the whole parenthesis must be the long form
  const shortStart = open - before[0].length;
  return { short, long, shortStart, shortEnd: shortStart + short.length, longStart, longEnd: longStart + long.length };
}

function isShortForm(s: string): boolean {
  // One capital letter is allowed ("progesterone (P)"): in a definition it is unambiguous.
  if (/^\p{Lu}$/u.test(s)) return true;
  return (
    s.length >= 2 &&
    s.length <= MAX_SHORT_LENGTH &&
    s.split(/\s+/).length <= 2 &&
    /\p{L}/u.test(s) &&
    /^[\p{L}\p{N}]/u.test(s) &&
    // Numbers with units and p-values are not abbreviations: "(5 mg)", "(2 mg/kg)", "(n = 12)",
    // "(p < 0.05)"; "5-FU", "3TC", "2,4-D" and tokenised "5 - HTP" stay.
    !/[=<>]/.test(s) &&
    !QUANTITY.test(s)
  );
}

/** The last `max` words before `end`, within the sentence (stops at ".", ";" or a line break). */
function wordsBefore(text: string, end: number, max: number): { text: string; start: number } | undefined {
  let start = end;
  let words = 0;
  while (start > 0 && words < max) {
    let s = start;
    while (s > 0 && /[ \t]/.test(text[s - 1])) s--;
    let w = s;
    while (w > 0 && !/\s/.test(text[w - 1])) w--;
    if (w === s || /[.;:!?]$/.test(text.slice(w, s)) || /\n/.test(text.slice(s, start))) break;
    start = w;
    words++;
  }
  const span = text.slice(start, end).trimEnd();
  return span ? { text: span, start } : undefined;
}

// Words an acronym's letters may skip: "ratio of risks (RR)"; "quality of life (QOL)" keeps its O.
const SKIPPED = new Set(['of', 'the', 'and', 'in', 'for', 'to', 'with', 'on', 'by', 'a', 'an']);

/** The capitals of an acronym, a plural "s" aside ("COCs" → "COC"); undefined for anything else. */
function acronymLetters(short: string): string | undefined {
  const letters = short.replace(/(?<=\p{Lu})s$/u, '');
  return /^\p{Lu}{2,}$/u.test(letters) ? letters : undefined;
}

/**
 * The words before the parenthesis whose initials spell a short form of letters (a plural "s"
 * aside), each letter one word: "combined oral contraceptives (COCs)". Schwartz & Hearst take the
 * shortest span that holds the letters in order, here "contraceptives" (c-o-ntra-c-eptives), so an
 * acronym whose letters all start words is tried first.
 */
export function initialsLongForm(short: string, words: string): string | undefined {
  const letters = acronymLetters(short);
  if (!letters) return undefined;
  const tokens = [...words.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’]*/gu)];
  let needed = letters.length;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const word = tokens[i][0];
    if (word[0].toUpperCase() === letters[needed - 1]) {
      if (--needed === 0) return words.slice(tokens[i].index);
    } else if (!SKIPPED.has(word.toLowerCase()) || needed === letters.length) {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The two or three words before the parenthesis whose initials are the short form's letters in
 * another order: an acronym of a name in another language, "myotonic dystrophy (DM)" after
 * dystrophia myotonica. Neither the paper's matching nor the initials in order find it, and the
 * short form would keep its usual sense (diabetes mellitus) in a note that defined it.
 */
export function reorderedInitialsLongForm(short: string, words: string): string | undefined {
  const letters = acronymLetters(short);
  if (!letters || letters.length > 3) return undefined;
  const tokens = [...words.matchAll(/[\p{L}][\p{L}'’]*/gu)].slice(-letters.length);
  // Content words only: "seen in eyes (EI)" defines nothing.
  if (tokens.length < letters.length || tokens.some((t) => SKIPPED.has(t[0].toLowerCase()))) return undefined;
  const sorted = (s: string[]) => s.sort().join('');
  if (sorted(tokens.map((t) => t[0][0].toUpperCase())) !== sorted([...letters])) return undefined;
  return words.slice(tokens[0].index);
}

/**
 * Schwartz & Hearst's matching: every letter and digit of the short form, right to left, must
 * appear in the long form in order, and its first character must start a word.
 */
export function bestLongForm(short: string, long: string): string | undefined {
  const s = short.toLowerCase();
  const l = long.toLowerCase();
  let si = s.length - 1;
  let li = l.length - 1;
  for (; si >= 0; si--) {
    const c = s[si];
    if (!/[\p{L}\p{N}]/u.test(c)) continue;
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && /[\p{L}\p{N}]/u.test(l[li - 1])))) li--;
    if (li < 0) return undefined;
    li--;
  }
  const start = l.lastIndexOf(' ', li) + 1;
  const candidate = long.slice(start);
  if (candidate.length <= short.length || candidate.toLowerCase().split(/\s+/).includes(s)) return undefined;
  return candidate;
}

/** What `byShort` holds for a short form as written, or for it without a plural "s" ("COCs" → "COC"). */
export function atShortForm<T>(byShort: ReadonlyMap<string, T>, text: string): T | undefined {
  return byShort.get(text) ?? (text.endsWith('s') ? byShort.get(text.slice(0, -1)) : undefined);
}

/**
 * Short form → long form of a document's definitions, for the linker. A plural short form
 * ("COCs") finds its singular definition ("COC") and the other way round.
 */
export function abbreviationMap(definitions: AbbreviationDefinition[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const d of definitions) {
    map.set(d.short, d.long);
    const other = d.short.endsWith('s') ? d.short.slice(0, -1) : `${d.short}s`;
    if (other.length >= 2 && !map.has(other)) map.set(other, d.long);
  }
  return map;
}

/**
 * How the linker reads a document's short forms: its abbreviation definitions (abbreviationMap)
 * and its abbreviated binomials ("S. aureus" → "Staphylococcus aureus"). The one place that
 * decides it, so the server's enrichment cache changes exactly when linking would.
 */
export function linkingAbbreviations(text: string, definitions: AbbreviationDefinition[] = findAbbreviations(text)): Map<string, string> {
  return new Map([...binomialAbbreviations(text), ...abbreviationMap(definitions)]);
}

/** What one analysis of a document needs to know of its abbreviations, found once and shared. */
export interface DocumentAbbreviations {
  readonly definitions: AbbreviationDefinition[];
  readonly linking: Map<string, string>;
}

/** The definitions and the linker's short forms of `text` (binomials are the costly part: ~1 ms on 5,000 words). */
export function documentAbbreviations(text: string): DocumentAbbreviations {
  const definitions = findAbbreviations(text);
  return { definitions, linking: linkingAbbreviations(text, definitions) };
}
