// Where an organism's name ends. The model often stops an abbreviated binomial at its genus
// initial ("S" or "S." of "S. tuberosum", sometimes with "tuberosum" as a second species) and runs
// a common name on into the noun it modifies ("potato mitochondria", "human cancers"). Two rules
// fix the Species spans of a sentence at the word level (after cutting a span at a comma: "mice,
// knockout" of "In mice, knockout of Slc5a2...", which the gazetteer's inverted MeSH heading "Mice,
// Knockout" led the model to; no Species mention of the dev splits has a comma):
//   - a genus initial followed by "." and a lowercase epithet is one name: the span takes the
//     epithet in (and any span on the epithet alone goes);
//   - a span that starts with a complete organism name (in the gazetteer, or an abbreviated
//     binomial) ends with it when what follows is not part of a name: anything after a common
//     name ("potato cox2"), a lowercase word after a scientific name ("S. faecium endocarditis";
//     "E. coli BL21" keeps its strain). Never before a rank or strain word ("var", "strain"),
//     after a bare genus (its epithet follows: "Triticum timopheevi"), or in a span that ends as
//     a virus or phage name ("mouse mammary tumour virus" is one organism).
import type { BertWord } from './bertWords';
import type { Gazetteer } from './gazetteer';
import type { LabelScheme } from './labels';
import type { LabelledSpan } from './viterbi';

const INITIAL = /^\p{Lu}$/u;
const LOWERCASE_WORD = /^\p{Ll}{2,}$/u;
const RANKS = new Set(['var', 'subsp', 'ssp', 'sp', 'spp', 'strain', 'strains', 'serovar', 'serotype', 'biovar', 'pathovar', 'pv', 'type', 'subtype', 'genotype', 'clade', 'f', 'forma', 'cv', 'isolate']);
const VIRUS_END = /(?:virus|viruses|phage|phages|viroid)$/;

export function fixOrganismBoundaries(text: string, words: readonly BertWord[], spans: readonly LabelledSpan[], scheme: LabelScheme, gazetteer: Gazetteer, speciesBit: number): LabelledSpan[] {
  const surface = (w: number) => text.slice(words[w].start, words[w].end);
  const binomialAt = (w: number) => w + 2 < words.length && INITIAL.test(surface(w)) && words[w + 1].norm === '.' && LOWERCASE_WORD.test(surface(w + 2));
  const fixed = spans.map((span) => {
    if (scheme.typeOf[span.label] !== 'Species') return span;
    let lastWord = span.lastWord;
    // MeSH names strains inverted ("Mice, Knockout", "Rats, Wistar"); prose never does.
    const comma = words.slice(span.firstWord + 1, lastWord + 1).findIndex((w) => w.norm === ',');
    if (comma >= 0) lastWord = span.firstWord + comma;
    if (binomialAt(span.firstWord) && lastWord < span.firstWord + 2) lastWord = span.firstWord + 2;
    const name = binomialAt(span.firstWord) ? 3 : gazetteer.termLength(words, span.firstWord, lastWord + 1, speciesBit);
    const next = span.firstWord + name;
    // A common name ("potato") ends the organism whatever follows ("potato cox2"); a scientific
    // name only before a lowercase word (its strain may follow: "E. coli BL21"); a bare genus never.
    const commonName = LOWERCASE_WORD.test(surface(span.firstWord));
    const scientificName = !commonName && name > 1;
    const ends = () => commonName || (scientificName && LOWERCASE_WORD.test(surface(next)));
    if (name > 0 && next <= lastWord && ends() && !RANKS.has(words[next].norm) && !VIRUS_END.test(words[lastWord].norm)) {
      lastWord = next - 1;
    }
    return lastWord === span.lastWord ? span : { ...span, lastWord };
  });
  // A span the extension of an abbreviated binomial now covers is part of that name.
  return fixed.filter((span, i) => !fixed.some((other, j) => j !== i && other !== spans[j] && other.firstWord < span.firstWord && span.lastWord <= other.lastWord));
}
