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
}

export interface Annotation {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  score: number;            // mean probability of the chosen labels over the entity's words, 0..1
  concept?: Concept;
  context?: EntityContext;
  suggestion?: Suggestion;
}
