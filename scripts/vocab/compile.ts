// From merged clusters to the compiled tables: concept records, the name index (every key a
// name is found under, with its kind and source) and the id index (own ids and xrefs).
import { termKeys, unorderedKey } from '../../src/engine/terminology/normalize';
import { vocabularyOf } from '../../src/engine/terminology/vocabularies';
import type { ConceptRecord, NameEntry, NameKind, Synonym } from '../../src/engine/terminology/vocabFormat';
import type { Cluster } from './merge';
import type { SourceConcept } from './sourceConcept';

export interface Compiled {
  concepts: ConceptRecord[];
  /** key → entries; entries unique per (concept, kind, source). */
  names: Map<string, NameEntry[]>;
  /** id → concept numbers (own ids and xrefs). */
  ids: Map<string, number[]>;
  /** Own (member) id → its concept: unlike `ids`, never a cross-reference. */
  members: Map<string, number>;
}

// Which synonyms the hover shows first (it shows a few): the ones a reader recognises.
const HOVER_ORDER: NameKind[] = ['lay', 'exact', 'abbreviation', 'trade', 'spelling', 'previous', 'obsolete', 'related'];
const HOVER_SYNONYMS = 12;
const KEEP_XREFS = /^(MESH|DOID|HP|ICD10CM|OMIM|ORPHA|NCI|UMLS|SNOMEDCT|NCBIGene|Ensembl|UniProt|CAS|KEGG|EFO|GARD|MedDRA):/;

export function compile(clusters: Cluster[]): Compiled {
  const compiled: Compiled = { concepts: [], names: new Map(), ids: new Map(), members: new Map() };
  clusters.forEach((cluster, n) => {
    compiled.concepts.push(conceptRecord(cluster.members));
    for (const m of cluster.members) {
      addId(compiled, m.id, n);
      compiled.members.set(m.id, n);
      const source = vocabularyOf(m.id)?.code ?? '';
      addName(compiled, m.label, n, labelKind(m.id), source);
      for (const name of m.names) addName(compiled, name.text, n, name.kind, source);
    }
    for (const x of compiled.concepts[n].xrefs) addId(compiled, x, n);
  });
  return compiled;
}

export function addName(compiled: Compiled, text: string, concept: number, kind: NameKind, source: string): void {
  // Inverted forms are only ever matched as written ("Infarction, Myocardial"); inverted
  // headings are also found with their words in any order ("chronic kidney failure").
  const keys = kind === 'inverted' ? termKeys(text).slice(0, 1) : termKeys(text);
  if (/, /.test(text) && kind !== 'inverted' && kind !== 'code' && keys[0]?.includes(' ')) keys.push(unorderedKey(keys[0]));
  for (const key of keys) {
    const entries = compiled.names.get(key) ?? [];
    if (!entries.some((e) => e.concept === concept && e.kind === kind && e.source === source)) entries.push({ concept, kind, source });
    compiled.names.set(key, entries);
  }
}

export function addId(compiled: Compiled, id: string, concept: number): void {
  const list = compiled.ids.get(id) ?? [];
  if (!list.includes(concept)) list.push(concept);
  compiled.ids.set(id, list);
}

/**
 * How a member's own label is indexed. ICD-10-CM titles are code titles ("Cholera,
 * unspecified"), and the Symptom Ontology labels symptoms as patients say them ("hair loss",
 * "itching"): neither makes a name the preferred term that silences a lay-term suggestion.
 */
function labelKind(id: string): NameKind {
  if (id.startsWith('ICD10CM:')) return 'code';
  return id.startsWith('SYMP:') ? 'exact' : 'preferred';
}

function conceptRecord(members: SourceConcept[]): ConceptRecord {
  const ids = members.map((m) => m.id);
  const seen = new Set(members.map((m) => termKeys(m.label)[0]));
  const synonyms: Synonym[] = [];
  for (const kind of HOVER_ORDER) {
    for (const m of members) {
      for (const s of m.names) {
        const key = termKeys(s.text)[0];
        if (s.kind !== kind || seen.has(key) || synonyms.length >= HOVER_SYNONYMS) continue;
        seen.add(key);
        synonyms.push({ text: s.text, kind });
      }
    }
  }
  return {
    ids,
    labels: members.map((m) => m.label),
    typeBits: members.reduce((bits, m) => bits | m.typeBits, 0),
    semanticType: members.find((m) => m.semanticType)?.semanticType ?? '',
    treeNumbers: members.flatMap((m) => m.treeNumbers ?? []),
    definitions: members.filter((m) => m.definition).map((m) => ({ source: m.id, text: m.definition! })),
    xrefs: [...new Set(members.flatMap((m) => m.xrefs))].filter((x) => KEEP_XREFS.test(x) && !ids.includes(x)),
    synonyms,
  };
}
