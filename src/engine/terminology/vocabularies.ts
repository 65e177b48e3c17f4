// The vocabularies BioLens knows by identifier prefix: display name, the one-letter code the
// compiled files use, and the public page an identifier links to in the hover.
import type { EntityType } from '../types';

export interface VocabularyInfo {
  prefix: string;
  /** One character, used in models/vocab/names.tsv to say where a name comes from. */
  code: string;
  name: string;
  /** Public page of one identifier (the part after the prefix); undefined when there is none. */
  url?: (local: string) => string;
}

const VOCABULARIES: VocabularyInfo[] = [
  { prefix: 'MESH', code: 'M', name: 'MeSH', url: (id) => `https://meshb.nlm.nih.gov/record/ui?ui=${id}` },
  { prefix: 'DOID', code: 'D', name: 'Human Disease Ontology', url: (id) => `https://disease-ontology.org/?id=DOID:${id}` },
  { prefix: 'HP', code: 'H', name: 'Human Phenotype Ontology', url: (id) => `https://hpo.jax.org/browse/term/HP:${id}` },
  { prefix: 'SYMP', code: 'S', name: 'Symptom Ontology', url: (id) => `https://www.ebi.ac.uk/ols4/ontologies/symp/classes?obo_id=SYMP:${id}` },
  { prefix: 'CHEBI', code: 'C', name: 'ChEBI', url: (id) => `https://www.ebi.ac.uk/chebi/searchId.do?chebiId=CHEBI:${id}` },
  { prefix: 'HGNC', code: 'G', name: 'HGNC', url: (id) => `https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/HGNC:${id}` },
  { prefix: 'NCBITaxon', code: 'T', name: 'NCBI Taxonomy', url: (id) => `https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id=${id}` },
  { prefix: 'ICD10CM', code: 'I', name: 'ICD-10-CM', url: (id) => `https://www.icd10data.com/search?s=${icd10Dotted(id)}` },
  { prefix: 'OMIM', code: 'O', name: 'OMIM', url: (id) => `https://omim.org/entry/${id}` },
  { prefix: 'UMLS', code: 'Q', name: 'UMLS' },
  { prefix: 'NCBIGene', code: 'N', name: 'NCBI Gene', url: (id) => `https://www.ncbi.nlm.nih.gov/gene/${id}` },
  { prefix: 'BIOLENS', code: 'B', name: 'BioLens curated list' },
  { prefix: 'USER', code: 'U', name: 'user vocabulary' },
];

const BY_PREFIX = new Map(VOCABULARIES.map((v) => [v.prefix.toUpperCase(), v]));
const BY_CODE = new Map(VOCABULARIES.map((v) => [v.code, v]));

/** Corpora whose training mentions are compiled in as extra names (see scripts/vocab/corpora.ts). */
export const CORPUS_CODES: Record<string, string> = { b: 'BC5CDR training set', n: 'NCBI disease training set' };

const ALIASES: Record<string, string> = {
  DO: 'DOID', 'DISEASE ONTOLOGY': 'DOID', HPO: 'HP', 'HUMAN PHENOTYPE ONTOLOGY': 'HP', 'NCBI TAXONOMY': 'NCBITaxon',
  NCBITAXON: 'NCBITaxon', 'ICD-10-CM': 'ICD10CM', ICD10: 'ICD10CM', 'SYMPTOM ONTOLOGY': 'SYMP', NCBIGENE: 'NCBIGene',
};

/** The prefix of a vocabulary given by prefix or by name ("MeSH", "DO", "HPO"), or undefined. */
export function vocabularyPrefix(name: string): string | undefined {
  const upper = name.trim().toUpperCase();
  return ALIASES[upper] ?? VOCABULARIES.find((v) => v.prefix.toUpperCase() === upper || v.name.toUpperCase() === upper)?.prefix;
}

export function vocabularyOf(id: string): VocabularyInfo | undefined {
  const colon = id.indexOf(':');
  return colon > 0 ? BY_PREFIX.get(id.slice(0, colon).toUpperCase()) : undefined;
}

export function vocabularyByCode(code: string): VocabularyInfo | undefined {
  return BY_CODE.get(code);
}

/** The public page of a prefixed identifier, or undefined. */
export function conceptUrl(id: string): string | undefined {
  const vocabulary = vocabularyOf(id);
  return vocabulary?.url?.(id.slice(id.indexOf(':') + 1));
}

/** ICD-10-CM codes are stored without the dot (I2101); people write I21.01. */
export function icd10Dotted(code: string): string {
  return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

/** Entity types as bits, so a name can fit several (a protein is a Chemical and a Gene). */
export const TYPE_BITS: Record<EntityType, number> = { Chemical: 1, Disease: 2, Gene: 4, Species: 8, CellLine: 16, CellType: 32 };

export function typeMask(types: Iterable<EntityType>): number {
  let mask = 0;
  for (const t of types) mask |= TYPE_BITS[t];
  return mask;
}

export function typesOfMask(mask: number): EntityType[] {
  return (Object.keys(TYPE_BITS) as EntityType[]).filter((t) => mask & TYPE_BITS[t]);
}
