// How a fuzzy candidate name's words align with the mention's it was found for. Character
// 3-grams find misspellings ("procyclindine", "tardive dsykinesia") and inflections ("menstrual
// disorder": menstruation disorder), but just as readily a name with a word more ("overdose":
// opiate overdose; "diabetic": diabetic coma) or with a word swapped for another that shares its
// letters ("renal injury": spinal injury; "cytotoxicity": ototoxicity; "increased cardiac
// output": decreased). Those name another concept, and the linker (linker.ts) treats them so: a
// name spelt like the mention first; one with a word more only when nothing else fits (a
// vocabulary may name the usual sense more narrowly: "fracture" is MeSH's Fractures, Bone); one
// with a word swapped never. Function words ("deterioration of cognitive function") are no
// words here, and neither is a locant a mention without numbers leaves out
// ("benzylacyclouridine": 5-benzylacyclouridine).

// Shares the start of a word of the mention this long, and this much of the shorter word, to be
// an inflection of it: "ectopy"/"ectopic", "addict"/"addiction", but not "neurologic"/"neurotic".
const MIN_STEM = 4;
const MIN_STEM_SHARE = 0.75;
// Endings that turn one word of a family into another ("olfactory"/"olfaction",
// "choreoathetoid"/"choreoathetosis"), longest first; what is left must be MIN_STEM long.
const ENDINGS = /(?:ational|ations|ation|ative|ators|ator|atory|ities|ity|ical|ials|ial|ium|ions|ion|ious|ous|osis|oses|otic|oid|ory|ies|ic|ia|al|ar|ed|ing|ive|ism|ist|ists|ur|y|e|s)$/;
// Prepositions and conjunctions only: functionWords.ts's wider list holds words that tell names
// apart here ("no", "alpha", "acid"), and a lone letter may be a name's ("hepatitis a").
const FUNCTION_WORDS = new Set(['of', 'the', 'and', 'or', 'in', 'to', 'with', 'by', 'for', 'on', 'at', 'from']);
const LOCANT = /^\d+$/; // not a letter: "hepatitis a" is no misspelt "hepatitis b"

/**
 * How the words of `candidate` (a normalised key) align with those of `mention` (another):
 * `added`, candidate words that match no mention word; `missing`, mention words no candidate word
 * matched. Words match when equal, an inflection (a long enough common start or stem), a
 * misspelling (same first letter, a small edit distance) or, for two mention words, a compound
 * of them. Each mention word matches one candidate word at most.
 */
export function alignWords(mention: string, candidate: string): { added: string[]; missing: string[] } {
  const unmatched = mention.split(' ');
  const numbered = unmatched.some((w) => /\d/.test(w));
  const added: string[] = [];
  for (const word of candidate.split(' ')) {
    if (FUNCTION_WORDS.has(word) || (!numbered && LOCANT.test(word))) continue;
    const same = unmatched.indexOf(word);
    const i = same >= 0 ? same : unmatched.findIndex((m) => spelledAlike(m, word));
    if (i >= 0) unmatched.splice(i, 1);
    else if (!joinsTwo(unmatched, word)) added.push(word);
  }
  return { added, missing: unmatched.filter((w) => !FUNCTION_WORDS.has(w)) };
}

/**
 * Whether `word` is two mention words written as one compound, taking both: "hepatotoxicity"
 * for "hepatic toxicity", "cardiotoxicity" for "cardiac toxicity".
 */
function joinsTwo(unmatched: string[], word: string): boolean {
  const tail = unmatched.findIndex((m) => m.length >= MIN_STEM && word.endsWith(m) && word.length > m.length);
  if (tail < 0) return false;
  const head = word.slice(0, -unmatched[tail].length);
  const start = unmatched.findIndex((m, i) => i !== tail && stem(m).length >= MIN_STEM && head.startsWith(stem(m)));
  if (start < 0) return false;
  for (const i of [tail, start].sort((a, b) => b - a)) unmatched.splice(i, 1);
  return true;
}

const stem = (word: string) => word.replace(ENDINGS, '');

/** Whether two words are one word inflected or misspelt. */
export function spelledAlike(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  let common = 0;
  while (common < shorter && a[common] === b[common]) common++;
  if (common >= MIN_STEM && common >= MIN_STEM_SHARE * shorter) return true;
  const root = stem(a);
  if (root.length >= MIN_STEM && root === stem(b)) return true;
  // Typing slips keep the first letter: "dsykinesia", "lmphoproliferate", "amphotercin".
  return a[0] === b[0] && !/\d/.test(a + b) && editDistance(a, b) <= Math.max(1, Math.floor(shorter / 4));
}

/** Optimal string alignment distance (Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      current.push(d);
    }
    [before, previous] = [previous, current];
  }
  return previous[b.length];
}
