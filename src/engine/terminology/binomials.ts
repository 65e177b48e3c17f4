// Abbreviated binomials. Biology writes an organism's genus out once ("Solanum tuberosum") and
// then as its initial ("S. tuberosum"); the vocabularies list the full name only. So, like an
// abbreviation the document defines, an abbreviated binomial whose full name the document
// gives links through that full name.

const ABBREVIATED = /(?<![\p{L}\p{N}])(\p{Lu})\.\s?(\p{Ll}{3,})(?![\p{L}\p{N}])/gu;

/** "S. tuberosum" (as written) → "Solanum tuberosum", for each abbreviated binomial of `text` whose full name it also contains. */
export function binomialAbbreviations(text: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of text.matchAll(ABBREVIATED)) {
    if (found.has(m[0])) continue;
    const [, initial, epithet] = m;
    const full = new RegExp(`(?<![\\p{L}\\p{N}])${initial}\\p{Ll}{2,}\\s+${epithet}(?![\\p{L}\\p{N}])`, 'u').exec(text);
    if (full) found.set(m[0], full[0].replace(/\s+/g, ' '));
  }
  return found;
}
