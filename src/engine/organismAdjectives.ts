// Adjectives biology uses for the organism itself: "murine IL-6" is mouse IL-6, "bovine serum
// albumin" comes from cattle. The engine finds them inside other entities (nestedOrganisms.ts) and
// the linker reads them as the organism's name (MeSH's plural headings: Mice, Cattle).
const ORGANISM_OF_ADJECTIVE: Record<string, string> = {
  murine: 'mice', bovine: 'cattle', porcine: 'swine', ovine: 'sheep', caprine: 'goats', canine: 'dogs',
  feline: 'cats', equine: 'horses', avian: 'birds', simian: 'primates', rodent: 'rodentia',
};

/** The organism a (normalised, lowercase) adjective names, if it is one of them. */
export function organismOfAdjective(word: string): string | undefined {
  return Object.hasOwn(ORGANISM_OF_ADJECTIVE, word) ? ORGANISM_OF_ADJECTIVE[word] : undefined;
}
