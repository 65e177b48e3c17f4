// Term normalisation: the one function that turns a name or a mention into a lookup key.
// The vocabulary compiler (scripts/build-vocab.ts) and the linker both call it, so a key built
// at compile time and a key built while the user types can only agree or disagree for the same
// reason. Changing it means recompiling models/vocab.
//
// What is folded: case, accents, Greek letters (α ↔ alpha), punctuation and hyphens (→ space),
// letter/digit boundaries (IL6 ↔ IL-6 ↔ IL 6), possessives (Parkinson's ↔ Parkinson), regular
// English plurals, British spellings (haemorrhage, oedema, tumour, analyse) and Roman numerals
// from II upwards (type II ↔ type 2). Both sides of a lookup are folded, so a fold only has
// to be consistent, not to produce a real word ("aerobic" becomes "erobic" on both sides).

import { americanSpelling } from '../spelling';

const GREEK: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ϵ: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta',
  ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', ο: 'omicron', π: 'pi', ρ: 'rho', σ: 'sigma',
  ς: 'sigma', τ: 'tau', υ: 'upsilon', φ: 'phi', ϕ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega',
};
const GREEK_CHARS = new RegExp(`[${Object.keys(GREEK).join('')}]`, 'g');

// "I", "V" and "X" alone are left out: they are far more often a pronoun, a letter or a variable.
const ROMAN: Record<string, string> = {
  ii: '2', iii: '3', iv: '4', vi: '6', vii: '7', viii: '8', ix: '9', xi: '11', xii: '12', xiii: '13', xiv: '14',
};

const COMBINING_MARKS = /\p{M}+/gu;
const POSSESSIVE = /(\p{L})['’]s(?![\p{L}\p{N}])/gu;
// Tokens: runs of letters or runs of digits, so "CYP2D6" gives cyp 2 d 6 just like "CYP-2D6".
const TOKEN = /\p{L}+|\p{N}+/gu;
const ACRONYM = /^[\p{Lu}\p{N}]{2,}$/u;
const ACRONYM_PLURAL = /^[\p{Lu}\p{N}]{3,}s$/u; // two capitals and an s are often a symbol ("PGs" stays "pgs")
const LETTER_HYPHEN_LETTER = /(\p{L})[-‐‑–](?=\p{L})/gu;
const HAS_LETTER_HYPHEN_LETTER = /\p{L}[-‐‑–]\p{L}/u;

/** The lookup key of a term: lower-case tokens separated by single spaces ('' when none). */
export function normalizeTerm(term: string): string {
  const folded = foldCharacters(term).replace(POSSESSIVE, '$1');
  const tokens: string[] = [];
  for (const match of folded.matchAll(TOKEN)) tokens.push(normalizeToken(match[0]));
  return tokens.join(' ');
}

/**
 * Every key a term is indexed or looked up under: the normal key and, when the term joins
 * letters with a hyphen, the key of the closed form too ("anti-bacterial" also finds
 * "antibacterial", "non-small cell" also finds "nonsmall cell").
 */
export function termKeys(term: string): string[] {
  const key = normalizeTerm(term);
  if (!HAS_LETTER_HYPHEN_LETTER.test(term)) return key ? [key] : [];
  const closed = normalizeTerm(term.replace(LETTER_HYPHEN_LETTER, '$1'));
  return [key, closed].filter((k, i, all) => k !== '' && all.indexOf(k) === i);
}

function foldCharacters(term: string): string {
  // Greek first: NFKD would keep the letters but turn µ (micro sign) into μ, which we want too.
  return term
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(GREEK_CHARS, (c) => ` ${GREEK[c]} `)
    .replace(/[ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ]/g, (c) => ` ${GREEK[c.toLowerCase()]} `);
}

function normalizeToken(token: string): string {
  const lower = token.toLowerCase();
  if (ROMAN[lower]) return ROMAN[lower];
  // An acronym's final S is part of it (AIDS, CNS), not a plural; a lower-case s after three capitals is a plural ("UTIs").
  if (ACRONYM.test(token)) return lower;
  if (ACRONYM_PLURAL.test(token)) return lower.slice(0, -1);
  return americanSpelling(singular(lower));
}

/** Regular English plurals only; both sides of a lookup go through it, so it need not be exact. */
function singular(word: string): string {
  if (word.length < 4 || !word.endsWith('s')) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (/(?:sses|uses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** Character 3-grams of a key padded with one space on each side (the fuzzy matcher's features). */
export function trigrams(key: string): string[] {
  const padded = ` ${key} `;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}

const ABBREVIATION_SHAPE = /^(?=.*\p{Lu}.*\p{Lu})[\p{Lu}\p{N}-]{2,8}$/u;

/** Short, mostly capitals (COPD, HbA1c is not; T2DM, 5-FU are): how synonym lists write abbreviations. */
export function looksLikeAbbreviation(text: string): boolean {
  return ABBREVIATION_SHAPE.test(text);
}

/**
 * The key with its words sorted, marked with "~" so it never equals a normal key: inverted
 * headings ("Kidney Failure, Chronic") are also indexed under it, so "chronic kidney failure"
 * finds them.
 */
export function unorderedKey(key: string): string {
  return `~ ${key.split(' ').sort().join(' ')}`;
}
