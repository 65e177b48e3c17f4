// Chemicals named inside a gene/protein name: "dopamine D2 receptor", "superoxide dismutase",
// "alanine aminotransferase", "5-HT transporter". As with organisms (nestedOrganisms.ts), one BIO
// path cannot say both, and the corpora disagree on which to say: BC2GM calls the whole a gene,
// BC5CDR annotates the chemical inside it. Both are true, so the engine keeps the gene span and
// adds the chemical, found in the model's gazetteer, as a Chemical annotation of its own.
//
// Only where the gene's name goes on with what acts on or binds the chemical (a receptor, a
// transporter, an enzyme "-ase"): the gazetteer's chemicals include MeSH's proteins and
// prefixes, and "interleukin 6", "cathepsin D", "beta-adrenoceptor" or "ADP-ribose) polymerase"
// name no chemical the reader would hover.
import type { BertWord } from './bertWords';
import type { Gazetteer } from './gazetteer';
import type { LabelScheme } from './labels';
import type { LabelledSpan } from './viterbi';

/** The word after the chemical that makes it the ligand or substrate of the gene's product. */
const HEAD = /^(?:receptors?|transporters?|\p{L}{3,}ases?)$/u;
/** A receptor named with its subtype between: "dopamine D2 receptor", "adenosine A2A receptor". */
const SUBTYPE = /^[a-z]\d+[a-z]?$/;
/** Terms that are themselves proteins or letters, not chemicals a gene is named after. */
const NOT_A_LIGAND = /(?:ase|protein|(?<!on)in)$|^(?:alpha|beta|gamma|delta|kappa)$/; // serotonin, melatonin are ligands

/** Chemical spans for the ligands and substrates named inside the Gene spans of one sentence. */
export function nestedChemicals(words: readonly BertWord[], spans: readonly LabelledSpan[], scheme: LabelScheme, gazetteer: Gazetteer, chemicalBit: number): LabelledSpan[] {
  const label = scheme.labels.indexOf('B-Chemical');
  if (label < 0 || !chemicalBit) return [];
  const nested: LabelledSpan[] = [];
  for (const span of spans) {
    if (scheme.typeOf[span.label] !== 'Gene') continue;
    const end = span.lastWord + 1;
    for (let w = span.firstWord; w < end - 1; ) {
      const n = Math.min(gazetteer.termLength(words, w, end - 1, chemicalBit), end - 1 - w);
      if (n > 0 && namesLigand(words, w + n, end) && !NOT_A_LIGAND.test(words[w + n - 1].norm)) {
        nested.push({ firstWord: w, lastWord: w + n - 1, label, score: span.score });
      }
      w += Math.max(n, 1);
    }
  }
  return nested;
}

/** Whether the words from `next` on (within the gene span ending before `end`) say what binds or processes the chemical before it. */
function namesLigand(words: readonly BertWord[], next: number, end: number): boolean {
  if (HEAD.test(words[next].norm)) return true;
  return SUBTYPE.test(words[next].norm) && next + 1 < end && /^receptors?$/.test(words[next + 1].norm);
}
