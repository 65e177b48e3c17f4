// Mention → concept, in steps tried in order until one finds a concept:
//   1. abbreviation: the mention is a short form the document defines ("... heart failure
//      (HF)"), so its long form is linked instead (scispaCy's resolve_abbreviations);
//   2. exact: the mention's normalised key is a name in the knowledge base, or its words in
//      another order are an inverted heading ("chronic kidney failure": Kidney Failure, Chronic);
//   3. variant: the key with its last word turned from adjective to noun ("nephrotoxic"), or
//      with an organ adjective as the organ's noun ("myocardial hypertrophy": cardiac, heart);
//   4. coordination: a composite mention ("renal or hepatic toxicity", "cleft lip and palate")
//      links to the first condition it names in full (coordination.ts);
//   5. fuzzy: the nearest names by character 3-gram TF-IDF cosine, among concepts that fit the
//      mention's entity type, if the best reaches `fuzzyThreshold` (below it nothing is claimed),
//      and if its words are the mention's, misspelt or inflected (wordAlignment.ts);
//   6. paraphrase: a disease described by organ and general head ("renal impairment"), by a
//      loss of function or by its symptoms, linked to the condition it describes;
//   7. partial: the mention without its leading modifiers ("rifampicin-induced hemolytic
//      anemia" → hemolytic anemia), never down to a bare generic head ("disease");
//   8. the nearest name that adds a word to the mention's ("fracture": bone fracture); one that
//      swaps a word for another ("renal injury": spinal injury) is never taken.
// When nothing fits the mention's type, the related type is tried (the model confuses genes with
// chemicals, cell lines with cell types).
// Among several concepts with the name, the one that fits the type and has the most evidence
// wins: each source (vocabulary or corpus) that names it adds the weight of its kind of name, so
// a concept three vocabularies agree on beats one a single vocabulary prefers.
import type { EntityType } from '../types';
import type { FuzzyName, KnowledgeBase } from './knowledgeBase';
import { alignWords, editDistance } from './wordAlignment';
import { expandCoordination } from './coordination';
import { amideVariants, nounVariants } from './morphology';
import { organRewrites } from './organs';
import { organismOfAdjective } from '../organismAdjectives';
import { normalizeTerm, unorderedKey } from './normalize';
import { everydaySense } from './everydayNames';
import { conditionParaphrases, infectionSynonyms, subtypeSynonyms } from './paraphrases';
import { CORPUS_CODES, TYPE_BITS } from './vocabularies';
import type { NameEntry, NameKind } from './vocabFormat';

export type LinkMethod = 'exact' | 'abbreviation' | 'fuzzy' | 'partial';

export interface LinkResult {
  /** Concept number in the knowledge base. */
  concept: number;
  /** Confidence 0..1: 1 for a preferred name, lower for weaker names and approximate steps. */
  score: number;
  method: LinkMethod;
  /** The kinds of name the mention (or its long form) matched, strongest first. */
  kinds: NameKind[];
  /** Which source gave each kind of name (a vocabulary code such as H for HPO, or a corpus code). */
  names: { kind: NameKind; source: string }[];
  /** Other concepts almost as well supported for the same name: the mention is ambiguous. */
  alternatives: number[];
  /** Long form used, when the mention is a defined abbreviation or holds some ("HCV infection"). */
  longForm?: string;
  /**
   * The mention holds short forms and was linked written out: the concept vouches for what the
   * short forms mean, not for where the mention starts and ends.
   */
  expanded?: true;
}

// MeSH's Protein Structure (Phenomena and Processes › ... › Protein Conformation): domains, motifs.
const PROTEIN_STRUCTURE = 'G02.111.570.820';
// MeSH's Peptides (Amino Acids, Peptides, and Proteins › Peptides), typed Chemical only: peptide
// hormones and the like ("growth hormone", "thyrotropin", "glucagon"), but not its Oligopeptides
// ("glutathione", a chemical to BC5CDR).
const PEPTIDES = 'D12.644';
const OLIGOPEPTIDES = 'D12.644.456';

export interface LinkerOptions {
  /**
   * Cosine below which fuzzy matching claims nothing; default 0.75, where about nine in ten
   * claimed links are right on BC5CDR. 0.5 makes the linker always answer (accuracy@1).
   */
  fuzzyThreshold?: number;
  /**
   * Weight of a name taken from an annotated corpus (BC5CDR, NCBI disease training sets);
   * default 2: it outweighs one vocabulary's preferred name but not three vocabularies that
   * agree ("hepatitis" stays Hepatitis, not BC5CDR's drug-induced liver injury). 0 ignores them.
   */
  corpusWeight?: number;
  /**
   * Only concepts with an id in one of these vocabularies (prefixes, e.g. ['MESH']): a linker
   * for one target vocabulary, like scispaCy's per-KB linkers. Default: every concept.
   */
  restrictTo?: string[];
}

const KIND_WEIGHT: Record<NameKind, number> = {
  preferred: 1, exact: 0.95, lay: 0.95, spelling: 0.95, trade: 0.95, corpus: 0.95, inverted: 0.9,
  abbreviation: 0.85, previous: 0.85, code: 0.85, obsolete: 0.75, related: 0.7, variant: 0.95,
};
const AMBIGUITY_PENALTY = 0.8;
const ALTERNATIVE_SHARE = 0.75; // runner-ups with at least this share of the best evidence
const VARIANT_FACTOR = 0.9;
const PARTIAL_FACTOR = 0.7;
const UNTYPED_FACTOR = 0.8;
// The hand-curated clinical abbreviations (source B): "DM" in a note is diabetes mellitus far
// more often than the myotonic dystrophy two ontologies also abbreviate DM.
const CURATED = 'B';
const CURATED_WEIGHT = 1.5;
// What the user's own vocabulary says outweighs everything compiled.
const USER = 'U';
const USER_WEIGHT = 3;
const RELATED_TYPES: Partial<Record<EntityType, EntityType>> = { Gene: 'Chemical', Chemical: 'Gene', CellLine: 'CellType', CellType: 'CellLine' };
const RELATED_TYPE_FACTOR = 0.9;
const TYPE_SUFFIXES: Partial<Record<EntityType, string[]>> = { CellLine: ['cell'], CellType: ['cell'], Gene: ['gene', 'protein'] };
const FUZZY_CANDIDATES = 10;
// A misspelt long word (see misspelt()): at least this long, and this near in letter trigrams.
const MISSPELT_MIN_LENGTH = 8;
const MISSPELT_MIN_SCORE = 0.5;
// The words that make a drug's salt or hydrate of it ("dosulepin hydrochloride", "sodium
// valproate"): the drug is its concept, and the word alone names no part of it (Hydrochloric
// Acid is no part of a hydrochloride). Not the anions of distinct compounds ("pregnenolone
// sulfate", "pyridoxal phosphate", "retinyl acetate").
const SALT_FORMS = new Set([
  'hydrochloride', 'dihydrochloride', 'hydrobromide', 'hcl', 'mesylate', 'besylate', 'maleate', 'tartrate', 'bitartrate',
  'fumarate', 'monohydrate', 'dihydrate', 'trihydrate', 'sodium', 'disodium', 'potassium',
]);
// Words a fuzzy candidate may add to the mention without naming something narrower: a generic
// head ("alzheimer": Alzheimer disease, "iron dextran": iron-dextran complex) or a counter-ion
// ("para-aminohippurate": sodium para-aminohippurate). See wordAlignment.ts.
const HARMLESS_ADDITIONS = new Set([
  'disease', 'disorder', 'syndrome', 'complex', 'drug', 'agent', 'acid', 'salt', 'function', 'mellitus',
  'calcium', 'magnesium', ...SALT_FORMS,
]);
// How vocabularies name a condition's drug-induced form, most specific first.
const INDUCERS = ['drug induced', 'medication induced', 'substance induced', 'chemically induced', 'chemical and drug induced'];
const CACHE_LIMIT = 5_000;
// Heads too general to stand for a mention on their own.
const GENERIC_HEADS = new Set([
  'disease', 'disorder', 'syndrome', 'symptom', 'sign', 'injury', 'damage', 'dysfunction', 'effect', 'side effect',
  'event', 'complication', 'lesion', 'toxicity', 'abnormality', 'failure', 'deficit', 'impairment', 'change',
  'reaction', 'infection', 'condition', 'problem', 'defect', 'deficiency', 'pain', 'cancer', 'tumor', 'agent',
  'drug', 'acid', 'receptor', 'protein', 'gene', 'factor', 'inhibitor', 'antagonist', 'agonist', 'cell',
]);

// MeSH branches whose untyped concepts are never a mention's concept: anatomy (A) and organisms
// (B) for every type ("heart" in a disease mention is no Heart, "nude" no Nude Rats), and for a
// disease also techniques (E: Analgesia the procedure is not the condition). Nor the branches
// outside biomedicine: disciplines (H: "optometry"), society and culture (I: "holiday"),
// humanities (K), information science (L), health care (N), publication types (V) and places
// (Z); named groups of people (M) only for an organism mention ("patients", "women"). Untyped
// behaviours and processes (F, G) still may be, and so may a laboratory measure for a chemical
// ("blood urea nitrogen" is annotated as one) and a food (J).
const NEVER_BRANCHES: Partial<Record<EntityType, RegExp>> = { Disease: /^[ABEHIKLMNVZ]/, Species: /^[ABHIKLNVZ]/ };
const NEVER_ANY = /^[ABHIKLMNVZ]/;
const outOfBranch = (trees: string[], type: EntityType) => trees.length > 0 && trees.every((t) => (NEVER_BRANCHES[type] ?? NEVER_ANY).test(t));

// A gene named with its variant or state: "KRAS G12C", "EGFR p.T790M", "BRCA2 c.5946delT",
// "BRAF V600E mutation", "BRCA2 variant", "MYC amplification", "EGFR-mutant", "HER2-positive",
// "ALK-rearranged". The concept is the gene's.
const ALTERATION = String.raw`(?:mutations?|mutants?|variants?|alleles?|polymorphisms?|deletions?|amplifications?|rearrangements?|fusions?|knockdown|knockout)`;
const GENE_VARIANT = new RegExp(
  String.raw`^(\S+?)(?:\s+(?:(?:p\.)?\p{Lu}\d{1,4}(?:\p{Lu}|del|fs|\*)|[cgp]\.\S+)(?:\s+${ALTERATION})?|\s+${ALTERATION}|-(?:mutant|mutated|positive|negative|null|deficient|amplified|rearranged|expressing))$`,
  'u',
);

/** The gene's name in a mention naming it with a variant or state, if it is one. */
export function geneOfVariant(text: string): string | undefined {
  return GENE_VARIANT.exec(text.trim())?.[1];
}

export class Linker {
  private readonly fuzzyThreshold: number;
  private readonly corpusWeight: number;
  private readonly restrictTo?: string[];
  private readonly cache = new Map<string, LinkResult | null>();

  constructor(readonly kb: KnowledgeBase, opts: LinkerOptions = {}) {
    this.fuzzyThreshold = opts.fuzzyThreshold ?? 0.75;
    this.corpusWeight = opts.corpusWeight ?? 2;
    this.restrictTo = opts.restrictTo?.map((p) => `${p.toUpperCase()}:`);
  }

  /**
   * The concept of `mention` (a span the NER model typed `type`), or undefined when no concept
   * is close enough. `abbreviations` maps the document's short forms to their long forms.
   */
  link(mention: string, type: EntityType, abbreviations?: ReadonlyMap<string, string>): LinkResult | undefined {
    const longForm = abbreviations?.get(mention.trim());
    const own = this.cached(mention, type);
    if (longForm && longForm !== mention) {
      // The document said what this short form means here: that beats what it usually means,
      // unless what it said names no concept of the mention's type while the short form names
      // one ("Staphylococcus aureus, methicillin-resistant (MRSA)" gives the long form
      // "methicillin-resistant", a property; MRSA itself is the organism), or names it only
      // approximately while the short form is a concept's own preferred name ("polymerase gamma
      // (POLG)": the long form is nearest to PAPOLG, poly(A) polymerase gamma; POLG is HGNC's symbol).
      const viaLong = this.cached(longForm, type);
      const ownIsBetter =
        own?.method === 'exact' &&
        !!viaLong &&
        ((this.kb.conceptHeader(own.concept).typeBits && !this.kb.conceptHeader(viaLong.concept).typeBits) ||
          (viaLong.method === 'fuzzy' && own.kinds.includes('preferred')));
      if (viaLong && !ownIsBetter) return { ...viaLong, method: 'abbreviation', longForm };
    }
    if (own?.method !== 'exact' && abbreviations?.size) {
      const expanded = expandShortForms(mention, abbreviations);
      const viaExpanded = expanded && this.cached(expanded, type);
      if (viaExpanded && (!own || viaExpanded.method === 'exact')) return { ...viaExpanded, method: 'abbreviation', longForm: expanded, expanded: true };
    }
    return (own?.method === 'fuzzy' && abbreviations && this.viaShortForm(mention.trim(), type, abbreviations, own)) || own;
  }

  /**
   * A long form the vocabulary has only approximately, defined with a short form that is a
   * concept's preferred name: "polymerase gamma (POLG)" is HGNC's POLG, not the nearest name
   * (PAPOLG, poly(A) polymerase gamma). Still an approximate match: no suggestion is made.
   */
  private viaShortForm(mention: string, type: EntityType, abbreviations: ReadonlyMap<string, string>, own: LinkResult): LinkResult | undefined {
    for (const [short, long] of abbreviations) {
      if (long !== mention) continue;
      const viaShort = this.cached(short, type);
      if (viaShort?.method === 'exact' && viaShort.kinds.includes('preferred')) return { ...viaShort, method: 'fuzzy', score: own.score };
    }
    return undefined;
  }

  /**
   * The drug-induced form of a Disease concept, if the vocabulary has one: "drug-induced X",
   * "X, Drug-Induced", "substance-induced X"... for the mention's own words and the concept's
   * labels ("dyskinesia" → Dyskinesia, Drug-Induced; "psychosis" → Psychoses, Substance-Induced).
   */
  drugInducedForm(concept: number, mention: string): LinkResult | undefined {
    const record = this.kb.concept(concept);
    const keys = [...new Set([mention, ...record.labels].map(normalizeTerm).filter(Boolean))];
    for (const key of keys) {
      for (const inducer of INDUCERS) {
        const entries = [...this.kb.lookupKey(`${inducer} ${key}`), ...this.kb.lookupKey(unorderedKey(`${inducer} ${key}`))];
        const found = this.choose(entries.filter((e) => e.concept !== concept), 'Disease', true);
        if (found) return { ...found, method: 'exact' };
      }
    }
    return undefined;
  }

  /** Whether `text` is, as written, the name of a chemical (what induced a condition). */
  isChemicalName(text: string): boolean {
    return !!this.byName(text, 'Chemical', true);
  }

  /**
   * What the vocabulary says `text`, as written, names (one lookup): `typeBits`, the entity types
   * (TYPE_BITS, OR-ed) of the typed concepts it names, 0 for none (a drug name is Chemical alone;
   * "oxytocin" is Chemical and Gene); `onlyAnatomy`, whether it names nothing but parts of the
   * body (untyped MeSH anatomy concepts: "liver", "optic nerve"; abbreviations do not count);
   * `onlyUntyped`, whether it names nothing but untyped MeSH concepts of any branch ("hearing",
   * "breast milk", "plasma", "patients"); `onlyProteinParts`, whether those are all parts of
   * proteins ("SH2 domains", "zinc fingers"); `noAnatomy`, whether none of it is anatomy ("blood
   * cultures": a test); `peptide`, whether it names a MeSH peptide longer than an oligopeptide
   * ("growth hormone").
   */
  namedKinds(text: string): { typeBits: number; onlyAnatomy: boolean; onlyUntyped: boolean; onlyProteinParts: boolean; noAnatomy: boolean; peptide: boolean } {
    const entries = this.kb.lookup(text);
    let typeBits = 0;
    for (const e of this.plausible(text, entries)) typeBits |= this.kb.conceptHeader(e.concept).typeBits;
    const named = entries.filter((e) => e.kind !== 'abbreviation').map((e) => this.kb.conceptHeader(e.concept));
    const onlyUntyped = named.length > 0 && named.every((h) => !h.typeBits && h.treeNumbers.length > 0);
    const onlyAnatomy = onlyUntyped && named.every((h) => h.treeNumbers.every((t) => t.startsWith('A')));
    const onlyProteinParts = onlyUntyped && named.every((h) => h.treeNumbers.every((t) => t.startsWith(PROTEIN_STRUCTURE)));
    const noAnatomy = named.every((h) => h.treeNumbers.every((t) => !t.startsWith('A')));
    const peptide = named.some((h) => h.treeNumbers.some((t) => t.startsWith(PEPTIDES) && !t.startsWith(OLIGOPEPTIDES)));
    return { typeBits, onlyAnatomy, onlyUntyped, onlyProteinParts, noAnatomy, peptide };
  }

  private cached(text: string, type: EntityType): LinkResult | undefined {
    const id = `${type}\t${text}`;
    let result = this.cache.get(id);
    if (result === undefined) {
      result = this.resolve(text, type) ?? this.resolveAsRelatedType(text, type) ?? null;
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(id, result);
    }
    return result ?? undefined;
  }

  private resolve(text: string, type: EntityType): LinkResult | undefined {
    const exact = this.byName(text, type);
    if (exact) return { ...exact, method: 'exact' };
    const key = normalizeTerm(text);
    // "HeLa" is indexed as HeLa Cells, "BRCA1" as BRCA1 Gene.
    for (const suffix of TYPE_SUFFIXES[type] ?? []) {
      const found = this.choose(this.kb.lookupKey(`${key} ${suffix}`), type);
      if (found) return { ...found, method: 'exact', score: found.score * VARIANT_FACTOR };
    }
    const gene = type === 'Gene' ? geneOfVariant(text) : undefined;
    const ofVariant = gene && this.byName(gene, type);
    if (ofVariant) return { ...ofVariant, method: 'partial', score: ofVariant.score * VARIANT_FACTOR };
    const reordered = key.includes(' ') ? this.choose(this.kb.lookupKey(unorderedKey(key)), type) : undefined;
    if (reordered) return { ...reordered, method: 'exact' };
    const organism = type === 'Species' ? organismOfAdjective(key) : undefined;
    const synonyms = type === 'Disease' ? [...infectionSynonyms(key), ...subtypeSynonyms(key)] : type === 'Chemical' ? amideVariants(key) : [];
    for (const variant of [...nounVariants(key), ...organRewrites(key), ...(organism ? [organism] : []), ...synonyms]) {
      const found = this.choose(this.kb.lookupKey(variant), type);
      if (found) return { ...found, method: 'fuzzy', score: found.score * VARIANT_FACTOR };
    }
    const coordinated = this.coordinated(text, type);
    if (coordinated) return coordinated;
    const drug = type === 'Chemical' ? withoutSaltForm(key) : undefined;
    const ofDrug = drug && this.resolve(drug, type);
    if (ofDrug) return { ...ofDrug, score: ofDrug.score * VARIANT_FACTOR };
    // A name spelt like the mention comes first; one that adds a word only when no paraphrase or
    // shorter name fits ("overdose" is Drug Overdose, not opiate overdose; but "fracture" is still
    // Fractures, Bone through "bone fracture"); one that swaps a word never (see fuzzy()).
    const near = this.fuzzy(key, type);
    return near.alike ?? this.paraphrase(key, type) ?? this.partial(key, type) ?? near.reworded;
  }

  /**
   * A composite mention ("renal or hepatic toxicity") links to the first condition it names.
   * Diseases only: commas and slashes in a chemical name are part of it ("5,8-dideazafolic acid").
   */
  private coordinated(text: string, type: EntityType): LinkResult | undefined {
    if (type !== 'Disease') return undefined;
    for (const conjunct of expandCoordination(text)) {
      const found = this.resolve(conjunct, type);
      if (found) return { ...found, method: 'partial', score: found.score * PARTIAL_FACTOR };
    }
    return undefined;
  }

  /** A disease described rather than named: "renal impairment" → kidney disease (paraphrases.ts). */
  private paraphrase(key: string, type: EntityType): LinkResult | undefined {
    if (type !== 'Disease') return undefined;
    for (const candidate of conditionParaphrases(key)) {
      const found = this.choose(this.kb.lookupKey(candidate), type, true);
      if (found) return { ...found, method: 'partial', score: found.score * PARTIAL_FACTOR };
    }
    return undefined;
  }

  /**
   * The NER model often calls a chemical a gene or the reverse (insulin, hormones, enzymes are
   * both), and mixes cell lines with cell types: when the mention's own type finds nothing,
   * the related type is tried, with a lower score.
   */
  private resolveAsRelatedType(text: string, type: EntityType): LinkResult | undefined {
    const related = RELATED_TYPES[type];
    const found = related && this.resolve(text, related);
    return found && { ...found, score: found.score * RELATED_TYPE_FACTOR };
  }

  /**
   * The nearest names' concept: `alike`, the nearest name whose words are the mention's words
   * (misspelt, inflected, reordered, or with a generic head), else the nearest with fewer of them
   * ("alpha2-adrenergic receptor agonist": Adrenergic alpha-2 Receptor Agonists before the nearer
   * Adrenergic alpha-Agonists); `reworded`, the nearest one that adds a word (see
   * wordAlignment.ts), when it comes before any alike name. A name that swaps a word of
   * the mention for another is none ("renal injury": spinal injury; "cytotoxicity": ototoxicity).
   */
  private fuzzy(key: string, type: EntityType): { alike?: LinkResult; reworded?: LinkResult } {
    if (key.length < 4) return {}; // three letters are an abbreviation, not a misspelling
    // A short symbol before a generic head ("MET inhibitor"): the head alone would decide the match.
    const head = key.slice(key.lastIndexOf(' ') + 1);
    if (GENERIC_HEADS.has(head) && key.length - head.length - 1 < 4) return {};
    const hits = this.kb.fuzzy(key, { typeBits: TYPE_BITS[type], minScore: this.fuzzyThreshold, limit: FUZZY_CANDIDATES });
    let reworded: LinkResult | undefined;
    let shorter: LinkResult | undefined;
    for (const hit of hits) {
      // Near a bare generic word is near nothing: "MET inhibitor" is not ChEBI's "inhibitor" role.
      if (GENERIC_HEADS.has(hit.key)) continue;
      const found = this.ofFuzzyHit(hit, type);
      if (!found) continue;
      const { added, missing } = alignWords(key, hit.key);
      const narrowing = added.some((w) => !HARMLESS_ADDITIONS.has(w));
      // A name with all of the mention's words comes before a nearer one that drops some.
      if (!narrowing && !missing.length) return { alike: found, reworded };
      if (!narrowing) shorter ??= found;
      else if (!missing.length) reworded ??= found;
    }
    return { alike: shorter ?? (reworded ? undefined : this.misspelt(key, type)), reworded };
  }

  /**
   * A long single word nothing is near enough to, with a slip of one letter in it ("apomophine",
   * "pentoxyifylline"): letter trigrams of such a word share too little with the name for the
   * threshold, yet the name is spelt all but the same. Same first letter, no digits; two letters
   * apart are other words ("nephrotoxicity": neurotoxicity; "clotiazepam": clonazepam).
   */
  private misspelt(key: string, type: EntityType): LinkResult | undefined {
    if (key.includes(' ') || key.length < MISSPELT_MIN_LENGTH || /\d/.test(key)) return undefined;
    for (const hit of this.kb.fuzzy(key, { typeBits: TYPE_BITS[type], minScore: MISSPELT_MIN_SCORE, limit: FUZZY_CANDIDATES })) {
      if (hit.key.includes(' ') || hit.key[0] !== key[0] || editDistance(key, hit.key) > 1) continue;
      const found = this.ofFuzzyHit(hit, type);
      if (found) return found;
    }
    return undefined;
  }

  /** The concept a fuzzy hit names for `type` (not by a code or an obsolete name), scored by the lower of its name's confidence and the cosine. */
  private ofFuzzyHit(hit: FuzzyName, type: EntityType): LinkResult | undefined {
    const best = this.choose(hit.entries.filter((e) => e.kind !== 'code' && e.kind !== 'obsolete'), type);
    return best && { ...best, method: 'fuzzy', score: Math.min(best.score, hit.score) };
  }

  private partial(key: string, type: EntityType): LinkResult | undefined {
    const words = key.split(' ');
    for (let i = 1; i < words.length; i++) {
      const rest = words.slice(i).join(' ');
      if (GENERIC_HEADS.has(rest) || SALT_FORMS.has(rest) || rest.length < 4) break;
      const found = this.choose(this.kb.lookupKey(rest), type, true);
      if (found) return { ...found, method: 'partial', score: found.score * PARTIAL_FACTOR };
    }
    return undefined;
  }

  /**
   * Whether a concept counts for a linker restricted to some vocabularies (`restrictTo`): it has
   * an id there, or, failing that, cross-references one. A concept the merge kept apart because
   * its MeSH descriptor already had a concept of the same vocabulary (HPO's Retinopathy, whose
   * xref is Retinal Diseases, beside HPO's Abnormality of the retina) still names that descriptor.
   */
  private inTargetVocabulary(concept: number, ids: string[]): boolean {
    const inTarget = (id: string) => this.restrictTo!.some((p) => id.toUpperCase().startsWith(p));
    return ids.some(inTarget) || this.kb.concept(concept).xrefs.some(inTarget);
  }

  /** The best concept `text`, as written, names (see plausible and choose). */
  private byName(text: string, type: EntityType, typedOnly = false): Omit<LinkResult, 'method'> | undefined {
    const entries = this.plausible(text, this.kb.lookup(text));
    const literal = this.choose(entries, type, typedOnly);
    // An everyday word means its everyday sense ("alcohol": ethanol), unless the user's own
    // vocabulary says otherwise; what the vocabularies call it stays an alternative.
    const everyday = everydaySense(text, type);
    const sense = everyday && !entries.some((e) => e.source === USER) ? this.choose(this.kb.lookup(everyday), type, typedOnly) : undefined;
    if (!sense) return literal;
    const others = literal ? [literal.concept, ...literal.alternatives].filter((c) => c !== sense.concept) : [];
    return { ...sense, alternatives: [...new Set([...sense.alternatives, ...others])] };
  }

  /**
   * Drops abbreviation senses for a word written in lower case ("cold" is not COLD, chronic
   * obstructive lung disease), unless the curated clinical list has it ("htn", "copd").
   */
  private plausible(text: string, entries: NameEntry[]): NameEntry[] {
    if (/\p{Lu}/u.test(text) || this.kb.curatedAbbreviation(text)) return entries;
    return entries.filter((e) => e.kind !== 'abbreviation');
  }

  /** How much one name entry counts towards its concept (see KIND_WEIGHT and the options). */
  private evidenceWeight(e: NameEntry): number {
    if (e.source === CURATED) return CURATED_WEIGHT;
    if (e.source === USER) return USER_WEIGHT;
    const fromCorpus = e.source in CORPUS_CODES;
    if (e.kind === 'corpus') return this.corpusWeight;
    // An abbreviation as a corpus normalised it counts, but less than a full corpus name.
    if (fromCorpus) return Math.min(this.corpusWeight, 1);
    return KIND_WEIGHT[e.kind];
  }

  /**
   * The best-supported concept among name entries, restricted to concepts of a fitting type
   * (and, unless `typedOnly`, concepts with no type, such as MeSH's behaviours and processes).
   */
  private choose(entries: NameEntry[], type: EntityType, typedOnly = false): Omit<LinkResult, 'method'> | undefined {
    const bit = TYPE_BITS[type];
    // order: where the concept first comes among the entries, which the compiler lists most used first
    // for a name genes share (scripts/vocab/geneUsage.ts): "p21" is CDKN1A before the others.
    type Evidence = { best: number; bySource: Map<string, number>; kinds: NameKind[]; names: LinkResult['names']; breadth: number; order: number };
    const byConcept = new Map<number, Evidence>();
    for (const e of entries) {
      const record = this.kb.conceptHeader(e.concept);
      if (record.typeBits ? !(record.typeBits & bit) : typedOnly || outOfBranch(record.treeNumbers, type)) continue;
      if (this.restrictTo && !this.inTargetVocabulary(e.concept, record.ids)) continue;
      const typed = record.typeBits ? 1 : UNTYPED_FACTOR;
      // Evidence counts the corpus weight; the confidence reported stays that of the kind of name.
      const weight = this.evidenceWeight(e) * typed;
      if (weight <= 0) continue;
      const current: Evidence = byConcept.get(e.concept) ?? { best: 0, bySource: new Map(), kinds: [], names: [], breadth: record.ids.length, order: byConcept.size };
      current.names.push({ kind: e.kind, source: e.source });
      current.best = Math.max(current.best, KIND_WEIGHT[e.kind] * typed);
      current.bySource.set(e.source, Math.max(current.bySource.get(e.source) ?? 0, weight));
      if (!current.kinds.includes(e.kind)) current.kinds.push(e.kind);
      byConcept.set(e.concept, current);
    }
    const ranked = [...byConcept].map(([concept, c]) => ({ concept, ...c, evidence: [...c.bySource.values()].reduce((a, b) => a + b, 0) }));
    ranked.sort((x, y) => y.evidence - x.evidence || y.best - x.best || y.breadth - x.breadth || x.order - y.order);
    if (!ranked.length) return undefined;
    const [top, ...rest] = ranked;
    // Another sense the curated clinical list gives the same abbreviation is always an alternative,
    // however little else supports it: "CP" is cerebral palsy to HPO too, but chest pain in a note.
    const curatedSense = (r: (typeof ranked)[number]) => r.bySource.has(CURATED) && top.bySource.has(CURATED);
    const alternatives = rest.filter((r) => r.evidence >= ALTERNATIVE_SHARE * top.evidence || curatedSense(r)).map((r) => r.concept);
    const kinds = top.kinds.sort((a, b) => KIND_WEIGHT[b] - KIND_WEIGHT[a]);
    return { concept: top.concept, score: top.best * (alternatives.length ? AMBIGUITY_PENALTY : 1), kinds, names: top.names, alternatives };
  }
}

/** A drug's salt key without its salt words ("dosulepine hydrochloride" → "dosulepine"), if it has any. */
function withoutSaltForm(key: string): string | undefined {
  const words = key.split(' ');
  let first = 0;
  let last = words.length;
  while (first < last && SALT_FORMS.has(words[first])) first++;
  while (last > first && SALT_FORMS.has(words[last - 1])) last--;
  const drug = words.slice(first, last).join(' ');
  return drug !== key && drug.length >= 4 ? drug : undefined;
}

/**
 * `mention` with the document's short forms among its words written out ("HCV infection" →
 * "hepatitis C virus infection"), or undefined when it has none or is one itself.
 */
function expandShortForms(mention: string, abbreviations: ReadonlyMap<string, string>): string | undefined {
  let changed = false;
  const expanded = mention.replace(/[\p{L}\p{N}][\p{L}\p{N}\-]*/gu, (word) => {
    const long = word === mention.trim() ? undefined : abbreviations.get(word);
    if (!long) return word;
    changed = true;
    return long;
  });
  return changed ? expanded : undefined;
}
