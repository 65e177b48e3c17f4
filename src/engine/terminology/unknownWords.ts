// Mentions no vocabulary confirms as what the model says they are, which the terminology layer
// leaves out.
//
// An unsure one: below DEFAULT_MIN_SCORE_WITHOUT_CONCEPT. On the six dev splits (session 8's
// model, engine and terminology layer) 425 of the 594 unlinked mentions under 0.7 were no gold
// mention (wrong type or boundaries, or none), against 8 % of the linked ones over 0.9 and 36 %
// of the unlinked ones over 0.7. Leaving them out raised the mean strict
// F1 of the four NER goals by 0.66 (BC5CDR, NCBI-disease, BC2GM, linnaeus and s800 all rose;
// JNLPBA's genes, protein families HGNC does not name, lost 0.56). A linked mention keeps
// whatever confidence it has: the vocabulary vouches for the name. Cell lines and cell types
// are exempt: no shipped vocabulary names them beyond a few MeSH headings, so a missing concept
// says nothing about them (the research note's "HCC827 cells", 0.61).
//
// A lone word the model called a disease that no vocabulary knows, even approximately, and that
// is not shaped like a disease name, is left out; so is a lone unknown adjective of another type.
// The model takes adjectives and abstract nouns near disease names for diseases ("suitability"
// of "suitability for an ICD" in the clinical note, "perfusion", "renoprotective", "syncopal",
// "idiopathic", "isolated" in the dev corpora).
// On the BC5CDR and NCBI-disease dev splits (session 5's model) this left out 100 mentions, none
// of them right; the unknown words that were right diseases ("valvulopathy", "dyserythropoiesis",
// "vestibulotoxicity") end in a disease suffix, and stay.
//
// A "disease" that is only a clinical modifier: the word names nothing but an HPO term outside its
// phenotypic-abnormality branch (the vocabulary types HPO's phenotypes as diseases; its onset,
// course, severity and inheritance terms stay untyped): "acute" of "acute movement disorders",
// "transient", "sporadic", "chronic", "severe", "bilateral" found alone. On the BC5CDR and
// NCBI-disease dev splits (session 8's weights) this left out 18 mentions, none of them right.
//
// A chemical or disease mention that is a short form the document defines as something else: the
// model found no entity in the long form, and the long form names no concept of the mention's type.
// "Hormone therapy (HT)" makes every "HT" no hypertension, "bone mineral density (BMD)" every "BMD"
// no Becker muscular dystrophy, "proton pump inhibitor (PPI)", "high-fat diet (HFD)" no chemicals.
// On the six dev splits (session 8's weights) this left out 83 mentions, 58 of them in BC5CDR and 2
// in NCBI-disease, none of them right (BC5CDR +0.26, NCBI-disease +0.11). Genes, organisms and
// cells are left alone: their long forms are often names no vocabulary has ("intrinsic bent DNA
// region (IBR)"), and there JNLPBA's genes lost 0.4. Whether an entity overlaps the long form is
// asked of all the document's entities as the model gave them (the server passes them when it
// enriches one paragraph).
import type { Annotation } from '../types';
import { atShortForm, type AbbreviationDefinition } from './abbreviations';
import type { KnowledgeBase } from './knowledgeBase';
import type { Linker, LinkResult } from './linker';
import { SpanIndex } from '../spanIndex';
import { TYPE_BITS } from './vocabularies';
import { isOrganAdjective } from './organs';

const ONE_WORD = /^(?=.{5})\p{Lu}?\p{Ll}+$/u; // five letters or more: "mono", "lisp" and "gout" stay
// Endings of disease and finding names (inflammation, condition, tumour, blood, pain, growth...).
const DISEASE_SHAPE = /(?:itis|itides|osis|oses|emia|pathy|pathies|plasia|trophy|omas?|algia|uria|rrh(?:o)?ea|ectasia|megaly|penia|cytosis|toxicity|poiesis|iasis|ism|isms|spasms?|ataxia|plegia|paresis|phobia|mania|lepsy|sclerosis|stenosis|c(?:o)?ele|cardia|rhythmia|pnea|pnoea|thermia|tension|ptosis|rrhage|rrhagia|lysis|uresis|esthesia|aesthesia|kinesia|tonia|phagia|phasia|somy)$/;

// Adjective endings: a lone adjective no vocabulary knows is no chemical, gene or organism
// ("flaccid", "postalcoholic", "lysosomal", "postsynaptic", "melanocytic" in the dev corpora),
// nor is one that a vocabulary has only approximately ("glutamatergic", "serotonergic",
// "liposomal", "anabolic" of "anabolic androgenic steroid", "selective" of "selective serotonin
// reuptake inhibitors": 25 BC5CDR dev chemicals, one right, the misspelt "organophosphorous";
// chemicals +0.17; 5 more in BC2GM and linnaeus, none right).
const ADJECTIVE_SHAPE = /(?:ergic|ive|ile|ous|ic|al|id|ary)$/;

export const DEFAULT_MIN_SCORE_WITHOUT_CONCEPT = 0.7;

// Cell lines and cell types: no shipped vocabulary names them, and their names are shaped like
// neither disease names nor plain words, so neither rule below says anything about them.
const isCellMention = (a: Annotation) => a.type === 'CellLine' || a.type === 'CellType';

// An organism named by its Latin binomial ("Coprinopsis cinerea", "L. edodes"): the shipped NCBI
// Taxonomy subset names a small share of the organisms there are, and the shape itself says
// "organism". On the S800 and linnaeus dev splits (session 12's weights) the unsure-without-concept
// rule had left out 9 such right organisms (7 of S800's 384 gold mentions) and 1 wrong one
// ("Cytospora umbrina" of a longer name): S800 58.97 -> 60.25, linnaeus 92.21 -> 92.36.
const BINOMIAL = /^(?:\p{Lu}\p{Ll}+ |\p{Lu} ?\. ?)(?!spp$|nov$|gen$)\p{Ll}{3,}$/u;
const isBinomialOrganism = (a: Annotation) => a.type === 'Species' && BINOMIAL.test(a.text);

/**
 * Whether `a`, linked to nothing (`link` undefined) or only through the short forms it holds, is
 * too unsure to keep. ("SJS type" of "SJS type 2" links as "Schwartz-Jampel syndrome type".)
 */
export function isUnsureWithoutConcept(a: Annotation, link: LinkResult | undefined, minScore: number): boolean {
  return (!link || !!link.expanded) && a.score < minScore && !isCellMention(a) && !isBinomialOrganism(a);
}

/** Whether the terminology layer leaves out `a`, linked by `link` (undefined: to nothing), by its shape. */
export function isUnknownWord(a: Annotation, link: LinkResult | undefined): boolean {
  if (!ONE_WORD.test(a.text)) return false;
  const word = a.text.toLowerCase();
  // An organ's adjective alone names the organ, whatever it links to approximately ("myocardial"
  // of "myocardial underperfusion": Cardiomyopathies). BC5CDR dev: 13 such diseases, none right.
  if (a.type === 'Disease') return isOrganAdjective(word) || (!link && !DISEASE_SHAPE.test(word));
  // Near a name is not a name: "glutamatergic" is only close to glutamatergic agents.
  const approximate = link?.method === 'fuzzy' || link?.method === 'partial';
  return (!link || approximate) && ADJECTIVE_SHAPE.test(word) && !isCellMention(a);
}

/** Whether `a`, a Disease mention linked by `link`, names only an HPO modifier (onset, course, severity...). */
export function isClinicalModifier(a: Annotation, link: LinkResult | undefined, kb: KnowledgeBase): boolean {
  if (a.type !== 'Disease' || !link) return false;
  const header = kb.conceptHeader(link.concept);
  return !header.typeBits && header.ids.length > 0 && header.ids.every((id) => id.startsWith('HP:'));
}

/**
 * The document's short forms whose long form no entity of `annotations` (all of the document's, as
 * the model gave them) overlaps, each with its long form: definitions the model did not take for
 * an entity. The server keys its per-paragraph cache on them too.
 */
export function shortFormsOfNonEntities(definitions: readonly AbbreviationDefinition[], annotations: readonly Annotation[]): Map<string, string> {
  const longForms = new Map<string, string>();
  if (!definitions.length) return longForms;
  const index = new SpanIndex(annotations);
  for (const d of definitions) {
    if (!index.overlapping(d.longStart, d.longEnd).length) longForms.set(d.short, d.long);
  }
  return longForms;
}

/**
 * Whether a mention is a chemical or disease short form of `longForms` (shortFormsOfNonEntities)
 * whose long form links to no concept of the mention's type.
 */
export function abbreviationsOfOtherThings(longForms: ReadonlyMap<string, string>, linker: Linker, kb: KnowledgeBase): (a: Annotation) => boolean {
  return (a) => {
    if (a.type !== 'Disease' && a.type !== 'Chemical') return false;
    const long = atShortForm(longForms, a.text);
    if (long === undefined) return false;
    const link = linker.link(long, a.type);
    return !link || !(kb.conceptHeader(link.concept).typeBits & TYPE_BITS[a.type]);
  };
}
