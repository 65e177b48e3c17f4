// The type the vocabulary gives a plain name, where the model gave another. The model has seen
// few drug names that are not in its corpora, and types an unknown one by its shape: in the
// clinical note it called "apixaban" a species, in BC5CDR "quetiapine" and "nimesulide" too, and
// "hiccups" and "orthopnoea" were species, "Mycoplasma" a chemical. When the words name concepts
// of exactly one type, and that type is not the model's, the mention takes the vocabulary's type.
//
// Only plain words: abbreviations and symbols ("CIN", "NMS", "DCC") name concepts of several
// kinds that the vocabularies do not all list, so a gene symbol would win over the disease a
// paper defines. Only to Chemical, Disease or Species: common words are gene aliases ("pinch",
// "strap") and cell names are parts of other names. A name of two types (oxytocin is a hormone
// and a gene) keeps the model's type.
//
// Nor do abbreviations, except those of BioLens's hand-curated clinical list not marked
// ambiguous: "HFrEF" is heart failure wherever a clinician writes it (the model said chemical).
//
// A gene's approved symbol the model called a chemical is a gene when it names a chemical only
// loosely or not at all: "MET" (the MET receptor in a lung-cancer note, a chemical at 1.00) is a
// ChEBI "related" name of methioninate, never how a chemist writes methionine. One the model
// called a disease only with a digit in it ("BRCA1", "TSG101" in NCBI-disease: +0.15): a disease's
// undefined abbreviation is often some gene's symbol too ("NMS", "CIN"). A symbol the vocabulary
// knows as a name of the model's type ("DMD", "VHL") keeps it, and so does one the document
// defines ("ethambutol (EMB)"): its own definition says what it is. A chemical written like a
// mixed-case symbol ("Nrf2", "FasL") is a gene when it names a gene and nothing a vocabulary calls
// a chemical (BC5CDR dev: 12 such chemicals, none right; chemicals +0.10). A disease mention of
// two words or more that names a gene or substance and no disease is that molecule (the enzyme
// whose deficiency is the disease: NCBI-disease dev, 3 mentions, none right, +0.11).
//
// And a mention that names only untyped concepts (no disease, substance or organism of MeSH's,
// DO's or HPO's) is no chemical, disease or gene: on the BC5CDR and NCBI-disease dev splits such
// disease and chemical mentions were right once in 57 ("rotation"), and BC2GM's gene mentions 3
// times in 16, all protein domains, which a gene mention may be ("SH2 domains": MeSH files them
// under protein structure, untyped; BC2GM dev +0.01, training split +0.08); see NOT_BY_UNTYPED.
// A mention that names only a part of the body ("liver", "optic nerve", "heart valves", which the
// model took for diseases in BC5CDR) is no entity of any of our types: it is dropped. Not a cell mention (cell types are anatomy too,
// and typed so), unless it names no anatomy at all: "blood cultures" (a cell line to the model in
// a consult note) is a test, MeSH's Blood Culture.
import type { Annotation, EntityType } from '../types';
import { geneOfVariant, type Linker } from './linker';
import { TYPE_BITS } from './vocabularies';
import { clinicalSenseType } from './clinicalNote';
import { doseAfter, doseBefore } from '../dosedDrugs';

const TARGETS: EntityType[] = ['Chemical', 'Disease', 'Species'];
// One to three lowercase words, the first possibly capitalised, of four letters or more in all
// ("rash", a disease the model called a chemical in a note's allergy line). A Greek letter's name
// alone ("beta", a chemical in MeSH) never gets here: the engine drops it (functionWords.ts).
const PLAIN_NAME = /^(?=.{4})\p{Lu}?\p{Ll}+(?:[ -]\p{Ll}+){0,2}$/u;

// Two capitals or more in one short word ("HFrEF", "CKD"): "cad" or "Cad" is a word.
const WRITTEN_AS_ABBREVIATION = /^(?=(?:.*\p{Lu}){2})[\p{L}\p{N}-]{2,10}$/u;

const NOT_ANATOMY: EntityType[] = ['CellLine', 'CellType'];
// Types a mention is not when its name names only untyped MeSH concepts (processes, behaviours,
// foods, places, people: "perfusion", "hearing", "breast milk", "micturition", "plasma"). Not
// organisms: "patients" and "women" are people, which LINNAEUS and S800 annotate as Homo sapiens.
const NOT_BY_UNTYPED: EntityType[] = ['Chemical', 'Disease', 'Gene'];

/**
 * `annotations`, one for one, with each plain name the vocabulary types otherwise (or gene symbol)
 * retyped (and its `modelType` kept), and undefined for a name of a body part or of nothing we
 * type. `defined`: the document's short forms (linkingAbbreviations), which keep the model's type.
 */
export function retypeByVocabulary(linker: Linker, annotations: readonly Annotation[], defined: ReadonlyMap<string, string> = new Map(), clinicalNote?: string): (Annotation | undefined)[] {
  return annotations.map((a) => {
    const named = linker.namedKinds(a.text);
    if (!NOT_ANATOMY.includes(a.type) && named.onlyAnatomy) return undefined;
    if (NOT_BY_UNTYPED.includes(a.type) && named.onlyUntyped && !(a.type === 'Gene' && named.onlyProteinParts)) return undefined;
    if (NOT_ANATOMY.includes(a.type) && named.onlyUntyped && named.noAnatomy) return undefined;
    const type = vocabularyType(a, named.typeBits, named.peptide) ?? moleculeNamedAsDisease(a, named.typeBits) ?? curatedAbbreviationType(linker, a, clinicalNote) ?? (defined.has(a.text) ? undefined : geneSymbolType(linker, a) ?? mixedCaseSymbolType(a, named.typeBits));
    return type ? { ...a, type, modelType: a.modelType ?? a.type } : a;
  });
}

function vocabularyType(a: Annotation, bits: number, peptide: boolean): EntityType | undefined {
  if (!PLAIN_NAME.test(a.text) || !bits || bits & TYPE_BITS[a.type]) return undefined;
  // A peptide hormone is a gene product as much as a substance: MeSH files "growth hormone",
  // "thyrotropin", "glucagon" under chemicals alone, yet BC2GM annotates them as genes and BC5CDR
  // leaves proteins out of its chemicals (it has no "insulin", "GnRH" or "growth hormone" in 1,000
  // abstracts). Dev splits: BC2GM +0.08 (4 right genes kept), BC5CDR +0.02 (3 wrong chemicals,
  // "luteinizing hormone" and "thyroid stimulating hormone", left genes), nothing else changed.
  if (a.type === 'Gene' && peptide) return undefined;
  return TARGETS.find((t) => bits === TYPE_BITS[t]);
}

/**
 * The one type of what a curated, unambiguous clinical abbreviation stands for, if not the model's;
 * in a clinical note (`clinicalNote`, its text), also the one type all senses of an ambiguous one
 * share ("MI", clinicalNote.ts), unless a dose is written beside it ("MS 10 mg" is morphine
 * sulfate, "5 mg OD" once daily).
 */
function curatedAbbreviationType(linker: Linker, a: Annotation, clinicalNote: string | undefined): EntityType | undefined {
  const curated = WRITTEN_AS_ABBREVIATION.test(a.text) ? linker.kb.curatedAbbreviation(a.text) : undefined;
  if (curated?.ambiguous && clinicalNote !== undefined) {
    const dosed = doseAfter(clinicalNote, a.end) || doseBefore(clinicalNote, a.start);
    const type = dosed ? undefined : clinicalSenseType(linker.kb, a.text);
    return type !== a.type ? type : undefined;
  }
  if (!curated || curated.ambiguous) return undefined;
  const bits = linker.namedKinds(curated.long).typeBits;
  return bits & TYPE_BITS[a.type] ? undefined : TARGETS.find((t) => bits === TYPE_BITS[t]);
}

// An all-capital symbol with a letter first: "MET", "AXL", "ERBB2".
const SYMBOL = /^\p{Lu}[\p{Lu}\d]{1,7}$/u;

/** Gene, for a chemical or disease mention that is a gene's approved symbol and a name of its type only loosely ("MET"). */
function geneSymbolType(linker: Linker, a: Annotation): EntityType | undefined {
  // "KRAS G12C" (a chemical at 0.49 in the research note) is the symbol's gene too.
  const symbol = a.type === 'Chemical' ? geneOfVariant(a.text) ?? a.text : a.text;
  if (!SYMBOL.test(symbol) || !(a.type === 'Chemical' || (a.type === 'Disease' && /\d/.test(symbol)))) return undefined;
  const kb = linker.kb;
  let approved = false;
  for (const e of kb.lookup(symbol)) {
    const header = kb.conceptHeader(e.concept);
    if (header.typeBits & TYPE_BITS[a.type] && e.kind !== 'related') return undefined;
    if (e.kind === 'preferred' && header.typeBits & TYPE_BITS.Gene && kb.concept(e.concept).labels[0] === symbol) approved = true;
  }
  return approved ? 'Gene' : undefined;
}

// A gene symbol written in mixed case, as mouse and rat genes and many proteins are: "Nrf2",
// "FasL", "Mdm2". Three lower-case letters or more after the capital: "Mg2" (of "Mg2+") is magnesium.
const MIXED_CASE_SYMBOL = /^\p{Lu}\p{Ll}{2,5}[\p{Lu}\d][\p{L}\d]{0,4}$/u;

/**
 * Gene, for a chemical mention written like a mixed-case symbol that names a gene and no chemical
 * at all (`bits`: the types of what its name names; with its capital, abbreviation senses count).
 */
function mixedCaseSymbolType(a: Annotation, bits: number): EntityType | undefined {
  if (a.type !== 'Chemical' || !MIXED_CASE_SYMBOL.test(a.text)) return undefined;
  return bits & TYPE_BITS.Gene && !(bits & TYPE_BITS.Chemical) ? 'Gene' : undefined;
}

/**
 * Gene (or Chemical), for a disease mention of two words or more that names a gene or a substance
 * and no disease: the enzyme whose deficiency is the disease ("glucose-6-phosphate dehydrogenase",
 * "adenine phosphoribosyltransferase", "von Hippel-Lindau tumor suppressor" in NCBI-disease dev,
 * diseases to the model). One word is left alone: a disease's abbreviation is often a gene's too.
 */
function moleculeNamedAsDisease(a: Annotation, bits: number): EntityType | undefined {
  if (a.type !== 'Disease' || !bits || bits & TYPE_BITS.Disease || !/\s/.test(a.text.trim())) return undefined;
  return bits & TYPE_BITS.Gene ? 'Gene' : bits & TYPE_BITS.Chemical ? 'Chemical' : undefined;
}

// Two names joined as one list: "ALT and AST", "ALT/AST", "IL-6, TNF".
const COORDINATION = /^\s*(?:,|\/|,?\s*(?:and|or))\s*$/;

// Below this the model is unsure of a symbol's type; over it, a chemical such as "LPS" in "LPS or
// TNF-alpha" (0.94; the vocabularies have LPS only as an HGNC alias) keeps it.
const UNSURE_OF_TYPE = 0.8;

/**
 * `typed` (retypeByVocabulary's result, document order), with a chemical or disease symbol that
 * names genes and nothing of its own type made a gene when it is coordinated with a gene mention
 * and the model was unsure of it: "no hepatotoxicity on ALT and AST" (the model: ALT a gene at
 * 0.99, AST a disease at 0.73; HGNC has AST as an alias of GOT1). Coordinated names are of one
 * kind, and the vocabulary says which.
 */
export function retypeCoordinatedSymbols(text: string, linker: Linker, typed: readonly (Annotation | undefined)[]): (Annotation | undefined)[] {
  const present = typed.flatMap((a, i) => (a ? [i] : []));
  const result = [...typed];
  present.forEach((i, k) => {
    const a = typed[i]!;
    if ((a.type !== 'Chemical' && a.type !== 'Disease') || a.score >= UNSURE_OF_TYPE || !SYMBOL.test(a.text)) return;
    const neighbours = [typed[present[k - 1]], typed[present[k + 1]]].filter((b): b is Annotation => !!b && b.type === 'Gene');
    const joined = neighbours.some((b) => COORDINATION.test(b.end <= a.start ? text.slice(b.end, a.start) : text.slice(a.end, b.start)));
    if (!joined || linker.namedKinds(a.text).typeBits !== TYPE_BITS.Gene) return;
    result[i] = { ...a, type: 'Gene', modelType: a.modelType ?? a.type };
  });
  return result;
}
