// From a knowledge-base record to the Concept an Annotation carries: which of the merged ids
// leads, whose name is "preferred" and whose definition is shown all follow the user's
// vocabulary preference (biolens.terminology.preferredVocabularies), e.g. DO names over MeSH.
import type { Concept } from '../types';
import type { KnowledgeBase } from './knowledgeBase';
import type { LinkResult } from './linker';
import { vocabularyOf } from './vocabularies';
import type { ConceptRecord } from './vocabFormat';

export const DEFAULT_VOCABULARY_ORDER = ['USER', 'MESH', 'DOID', 'HP', 'CHEBI', 'HGNC', 'NCBITaxon', 'SYMP', 'ICD10CM'];
// MeSH has no definitions here; ontologies that write them come first.
const DEFINITION_ORDER = ['USER', 'DOID', 'HP', 'CHEBI', 'SYMP'];
const CONCEPT_SYNONYMS = 8;
// Other senses of an ambiguous name carried for the hover: enough to show it is one of several.
const CONCEPT_ALTERNATIVES = 3;

const prefixOf = (id: string) => id.slice(0, id.indexOf(':')).toUpperCase();

/** Index of the member that leads under a preference order (unknown prefixes last, in record order). */
export function leadingMember(record: ConceptRecord, order: string[] = DEFAULT_VOCABULARY_ORDER): number {
  const rank = (id: string) => {
    const at = order.findIndex((p) => p.toUpperCase() === prefixOf(id));
    return at < 0 ? order.length : at;
  };
  let best = 0;
  record.ids.forEach((id, i) => {
    if (rank(id) < rank(record.ids[best])) best = i;
  });
  return best;
}

/** The preferred term of a record under a preference order (ICD-10-CM titles are codes, not terms). */
export function preferredTerm(record: ConceptRecord, order?: string[]): string {
  return record.labels[leadingMember(record, order)] || record.labels.find(Boolean) || record.ids[0];
}

export function toConcept(kb: KnowledgeBase, link: LinkResult, order: string[] = DEFAULT_VOCABULARY_ORDER): Concept {
  const record = kb.concept(link.concept);
  const lead = leadingMember(record, order);
  const id = record.ids[lead];
  const definitionOrder = [...order.filter((p) => DEFINITION_ORDER.includes(p.toUpperCase())), ...DEFINITION_ORDER];
  const definition = definitionOrder.map((p) => record.definitions.find((d) => prefixOf(d.source) === p.toUpperCase())).find(Boolean);
  const concept: Concept = {
    id,
    vocabulary: vocabularyLabel(kb, id),
    preferred: preferredTerm(record, order),
    xrefs: [...record.ids.filter((_, i) => i !== lead), ...record.xrefs],
    synonyms: record.synonyms.slice(0, CONCEPT_SYNONYMS).map((s) => s.text),
    score: round(link.score),
    match: link.method,
  };
  if (definition) Object.assign(concept, { definition: definition.text, definitionSource: definition.source });
  if (record.semanticType) concept.semanticType = record.semanticType;
  if (link.alternatives.length) {
    concept.alternatives = link.alternatives.slice(0, CONCEPT_ALTERNATIVES).map((n) => {
      const other = kb.concept(n);
      return { id: other.ids[leadingMember(other, order)], preferred: preferredTerm(other, order) };
    });
  }
  return concept;
}

/** "MeSH 2024", "Human Disease Ontology 2024-01-31": the vocabulary of an id with its version. */
export function vocabularyLabel(kb: KnowledgeBase, id: string): string {
  const info = vocabularyOf(id);
  const prefix = prefixOf(id);
  const version = kb.manifest?.sources.find((s) => s.prefix.toUpperCase() === prefix)?.version;
  const name = info?.name ?? prefix;
  return version ? `${name} ${version}` : name;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
