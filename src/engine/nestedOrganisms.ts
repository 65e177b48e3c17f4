// Organisms named inside another entity: "human IL-2", "sheep a2 collagen gene", "murine
// macrophages", "HIV infection". One BIO path gives each word one label, so the model can call
// "human IL-2" a gene or "human" a species, never both, and the corpora it learnt from disagree
// on which (BC2GM puts the organism inside the gene mention; LINNAEUS and S800 annotate the
// organism itself). Both are true, so the engine keeps the model's span and adds each organism
// inside it as a Species annotation of its own, found in the model's gazetteer (the same
// dictionary the model's features come from) or as one of the adjectives biology uses for an
// animal ("murine" for the mouse). The nested mention follows its container in document order.
import type { BertWord } from './bertWords';
import type { Gazetteer } from './gazetteer';
import type { LabelScheme } from './labels';
import { organismOfAdjective } from './organismAdjectives';
import type { LabelledSpan } from './viterbi';

// A singular the gazetteer only has in the plural (MeSH names "Rats", "Yeasts"): long enough that
// the added "s" cannot make an unrelated word of an abbreviation.
const SINGULAR = /^\p{L}{3,}$/u;

/**
 * Species spans for the organisms named inside the non-Species spans of one sentence. A span that
 * is an organism name as a whole (the model typed it otherwise) gets none: that would be the same
 * words twice.
 */
export function nestedOrganisms(words: readonly BertWord[], spans: readonly LabelledSpan[], scheme: LabelScheme, gazetteer: Gazetteer, speciesBit: number): LabelledSpan[] {
  const label = scheme.labels.indexOf('B-Species');
  if (label < 0) return [];
  const nested: LabelledSpan[] = [];
  for (const span of spans) {
    if (scheme.typeOf[span.label] === 'Species') continue;
    const end = span.lastWord + 1;
    for (let w = span.firstWord; w < end; ) {
      const n = gazetteer.termLength(words, w, end, speciesBit) || singularMatch(words[w].norm, gazetteer, speciesBit) || (organismOfAdjective(words[w].norm) ? 1 : 0);
      if (n > 0 && n < end - span.firstWord) nested.push({ firstWord: w, lastWord: w + n - 1, label, score: span.score });
      w += Math.max(n, 1);
    }
  }
  return nested;
}

function singularMatch(norm: string, gazetteer: Gazetteer, speciesBit: number): number {
  return SINGULAR.test(norm) && gazetteer.hasTerm(norm + 's', speciesBit) ? 1 : 0;
}
