// The one Annotation shape used everywhere: engine, language server, CLI JSON.
// Offsets are UTF-16 code units into the ORIGINAL text, start inclusive, end exclusive.

export type EntityType = 'Chemical' | 'Disease' | 'Gene' | 'Species' | 'CellLine' | 'CellType';

export const ENTITY_TYPES: readonly EntityType[] = ['Chemical', 'Disease', 'Gene', 'Species', 'CellLine', 'CellType'];

export interface Concept {
  id: string;               // vocabulary-prefixed, e.g. MESH:D009203
  vocabulary: string;       // e.g. MeSH 2024
  preferred: string;
  definition?: string;
  xrefs: string[];
  // Optional, filled by the terminology layer (src/engine/terminology):
  /** Where `definition` comes from: the prefixed id whose vocabulary defines it, e.g. DOID:5844. */
  definitionSource?: string;
  /** A few other names of the concept, for the hover. */
  synonyms?: string[];
  /** Semantic type or tree path, e.g. "Diseases › Cardiovascular Diseases › Heart Diseases". */
  semanticType?: string;
  /** Linking confidence 0..1 and how the concept was found. */
  score?: number;
  match?: 'exact' | 'abbreviation' | 'fuzzy' | 'partial';
  /** Other concepts the mention names about as well ("p21": NSG1, TCEAL1 beside CDKN1A), a few. */
  alternatives?: Array<{ id: string; preferred: string }>;
}

export interface EntityContext {
  negated: boolean;
  uncertain: boolean;
  historical?: boolean;
  family?: boolean;
}

export interface Suggestion {
  replacement: string;
  reason: string;
  /** The concept whose preferred term is proposed (optional; set by the terminology layer). */
  conceptId?: string;
}

export interface Annotation {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  score: number;            // mean probability of the chosen labels over the entity's words, 0..1
  /** The model's type, when the vocabulary named this text as another (see terminology/vocabularyTypes.ts). */
  modelType?: EntityType;
  concept?: Concept;
  context?: EntityContext;
  suggestion?: Suggestion;
}
