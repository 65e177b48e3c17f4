// The compiled vocabulary's file layout (models/vocab/), written by scripts/build-vocab.ts and
// read by KnowledgeBase. Text lines in compressed blocks (blockTable.ts), not JSON: the loader
// decodes a line only when a lookup lands on it, which is what keeps loading under a second and
// memory flat (parsing 180,000 concepts into objects up front costs seconds and hundreds of MB).
//
// concepts.bin  line i = concept i: ids, labels, type bits, semantic type, tree numbers,
//               definitions, xrefs, synonyms. Lists inside a field are joined by LIST (\x1f).
// names.bin     sorted by key (byte order): `key TAB entries`; an entry is
//               <concept index><kind code><source code>, entries joined by ','.
// ids.bin       sorted by id (byte order): `id TAB concept index[,index...]` (own ids and xrefs).
// fuzzy.bin.gz  character 3-gram TF-IDF index over the keys of names.bin (fuzzyIndex.ts).
// abbreviations.tsv  the curated clinical abbreviations: normalised short form, long form,
//               "ambiguous" when it is never expanded without a definition in the document
//               ("class" for a drug class, else empty), entity type, short form as written.

export const VOCAB_FORMAT = 1;
export const FILES = {
  manifest: 'manifest.json', concepts: 'concepts.bin', names: 'names.bin', ids: 'ids.bin', fuzzy: 'fuzzy.bin.gz',
  abbreviations: 'abbreviations.tsv',
};
export const LIST = '\x1f';

export type NameKind =
  | 'preferred' | 'exact' | 'lay' | 'abbreviation' | 'trade' | 'previous'
  | 'spelling' | 'obsolete' | 'inverted' | 'related' | 'corpus' | 'code'
  /** A variant a workspace term list wants replaced by its first term. */
  | 'variant';

const KIND_TO_CODE: Record<NameKind, string> = {
  preferred: 'P', exact: 'E', lay: 'L', abbreviation: 'A', trade: 'T', previous: 'V',
  spelling: 'S', obsolete: 'O', inverted: 'I', related: 'R', corpus: 'C', code: 'K', variant: 'W',
};
const CODE_TO_KIND = new Map(Object.entries(KIND_TO_CODE).map(([k, c]) => [c, k as NameKind]));

export function kindCode(kind: NameKind): string {
  return KIND_TO_CODE[kind];
}

export function kindOfCode(code: string): NameKind {
  return CODE_TO_KIND.get(code) ?? 'related';
}

export interface Synonym {
  text: string;
  kind: NameKind;
}

export interface Definition {
  /** Prefixed id of the concept the definition belongs to, e.g. DOID:5844. */
  source: string;
  text: string;
}

/** One merged concept as compiled: every member id with its own label, unaltered. */
export interface ConceptRecord {
  ids: string[];
  labels: string[];
  typeBits: number;
  semanticType: string;
  treeNumbers: string[];
  definitions: Definition[];
  xrefs: string[];
  synonyms: Synonym[];
}

export interface NameEntry {
  concept: number;
  kind: NameKind;
  /** Vocabulary code (vocabularies.ts) or corpus code of the source that gave this name. */
  source: string;
}

const clean = (s: string) => s.replace(/[\t\n\r\x1f]/g, ' ');
const list = (items: string[]) => items.map(clean).join(LIST);
const split = (field: string | undefined) => (field ? field.split(LIST) : []);

export function formatConcept(c: ConceptRecord): string {
  return [
    list(c.ids), list(c.labels), String(c.typeBits), clean(c.semanticType), list(c.treeNumbers),
    list(c.definitions.map((d) => `${d.source}=${d.text}`)), list(c.xrefs),
    list(c.synonyms.map((s) => `${kindCode(s.kind)}${s.text}`)),
  ].join('\t');
}

/** The fields of a concept line that say what the concept is, not what it is called. */
export type ConceptHeader = Pick<ConceptRecord, 'ids' | 'typeBits' | 'treeNumbers'>;

export function parseConceptHeader(line: string): ConceptHeader {
  const [ids, , bits, , trees] = line.split('\t', 5);
  return { ids: split(ids), typeBits: Number(bits) || 0, treeNumbers: split(trees) };
}

export function parseConcept(line: string): ConceptRecord {
  const [ids, labels, bits, semanticType, trees, definitions, xrefs, synonyms] = line.split('\t');
  return {
    ids: split(ids),
    labels: split(labels),
    typeBits: Number(bits) || 0,
    semanticType: semanticType ?? '',
    treeNumbers: split(trees),
    definitions: split(definitions).map((d) => {
      const at = d.indexOf('=');
      return { source: d.slice(0, at), text: d.slice(at + 1) };
    }),
    xrefs: split(xrefs),
    synonyms: split(synonyms).map((s) => ({ kind: kindOfCode(s[0]), text: s.slice(1) })),
  };
}

export function formatNameEntries(entries: NameEntry[]): string {
  return entries.map((e) => `${e.concept}${kindCode(e.kind)}${e.source}`).join(',');
}

export function parseNameEntries(field: string): NameEntry[] {
  return field.split(',').map((item) => {
    const digits = /^\d+/.exec(item)?.[0] ?? '0';
    return { concept: Number(digits), kind: kindOfCode(item[digits.length]), source: item[digits.length + 1] ?? '' };
  });
}

export interface VocabManifest {
  format: number;
  built: string;
  sources: { prefix: string; name: string; version: string; licence: string; concepts: number }[];
  counts: { concepts: number; names: number; ids: number; fuzzyNames: number };
}
