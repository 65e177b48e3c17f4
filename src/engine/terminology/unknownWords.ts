// A lone word the model called a disease that no vocabulary knows, even approximately, and that
// is not shaped like a disease name, is left out; so is a lone unknown adjective of another type.
// The model takes adjectives and abstract nouns near disease names for diseases ("suitability"
// of "suitability for an ICD" in the clinical note, "perfusion", "renoprotective", "syncopal",
// "idiopathic", "isolated" in the dev corpora).
// On the BC5CDR and NCBI-disease dev splits (session 5's model) this left out 100 mentions, none
// of them right; the unknown words that were right diseases ("valvulopathy", "dyserythropoiesis",
// "vestibulotoxicity") end in a disease suffix, and stay.
import type { Annotation } from '../types';
import type { LinkResult } from './linker';

const ONE_WORD = /^(?=.{5})\p{Lu}?\p{Ll}+$/u; // five letters or more: "mono", "lisp" and "gout" stay
// Endings of disease and finding names (inflammation, condition, tumour, blood, pain, growth...).
const DISEASE_SHAPE = /(?:itis|itides|osis|oses|emia|pathy|pathies|plasia|trophy|omas?|algia|uria|rrh(?:o)?ea|ectasia|megaly|penia|cytosis|toxicity|poiesis|iasis|ism|isms|spasms?|ataxia|plegia|paresis|phobia|mania|lepsy|sclerosis|stenosis|c(?:o)?ele|cardia|rhythmia|pnea|pnoea|thermia|tension|ptosis|rrhage|rrhagia|lysis|uresis|esthesia|aesthesia|kinesia|tonia|phagia|phasia|somy)$/;

// Adjective endings: a lone adjective no vocabulary knows is no chemical, gene or organism
// ("flaccid", "postalcoholic", "lysosomal", "postsynaptic", "melanocytic" in the dev corpora).
const ADJECTIVE_SHAPE = /(?:ergic|ive|ile|ous|ic|al|id|ary)$/;

/** Whether the terminology layer leaves out `a`, which links to nothing (`link` undefined). */
export function isUnknownWord(a: Annotation, link: LinkResult | undefined): boolean {
  if (link || !ONE_WORD.test(a.text)) return false;
  const word = a.text.toLowerCase();
  return a.type === 'Disease' ? !DISEASE_SHAPE.test(word) : ADJECTIVE_SHAPE.test(word) && a.type !== 'CellLine' && a.type !== 'CellType';
}
