// What every source reader returns: one concept of one vocabulary, before merging.
import { looksLikeAbbreviation } from '../../src/engine/terminology/normalize';
import type { NameKind } from '../../src/engine/terminology/vocabFormat';

export interface SourceName {
  text: string;
  kind: NameKind;
}

export interface SourceConcept {
  /** Prefixed id, e.g. DOID:5844. */
  id: string;
  label: string;
  /** Synonyms, without the label (it is indexed as the preferred name). */
  names: SourceName[];
  definition?: string;
  /** Prefixed cross-references, prefixes normalised (MESH:, UMLS:, OMIM:, ICD10CM:, ...). */
  xrefs: string[];
  typeBits: number;
  semanticType?: string;
  treeNumbers?: string[];
}

export interface SourceInfo {
  prefix: string;
  name: string;
  version: string;
  licence: string;
}

export interface SourceResult {
  info: SourceInfo;
  concepts: SourceConcept[];
}

/** Short all-capital "exact" synonyms are abbreviations (DO types none of them). */
export function exactOrAbbreviation(text: string): NameKind {
  return looksLikeAbbreviation(text) ? 'abbreviation' : 'exact';
}

const XREF_PREFIXES: Record<string, string> = {
  MESH: 'MESH', MSH: 'MESH', UMLS: 'UMLS', UMLS_CUI: 'UMLS', OMIM: 'OMIM', MIM: 'OMIM', ICD10CM: 'ICD10CM',
  NCI: 'NCI', NCIT: 'NCI', ORDO: 'ORPHA', ORPHA: 'ORPHA', GARD: 'GARD', EFO: 'EFO', DOID: 'DOID', HP: 'HP',
  KEGG: 'KEGG', CAS: 'CAS', MEDDRA: 'MedDRA', ICD9CM: 'ICD9CM',
};

/** A cross-reference with its prefix normalised, or undefined for prefixes we do not keep. */
export function normaliseXref(raw: string): string | undefined {
  const colon = raw.indexOf(':');
  if (colon <= 0) return undefined;
  let prefix = raw.slice(0, colon).toUpperCase();
  let local = raw.slice(colon + 1).trim();
  if (prefix.startsWith('SNOMEDCT')) prefix = 'SNOMEDCT';
  else prefix = XREF_PREFIXES[prefix] ?? '';
  if (!prefix || !local) return undefined;
  if (prefix === 'ICD10CM') local = local.replace('.', '');
  return `${prefix}:${local}`;
}

/** "a › b › c": the nearest `keep` ancestors of an is_a hierarchy, root side first. */
export function ancestorPath(id: string, parentOf: Map<string, string>, labelOf: Map<string, string>, keep = 3): string {
  const path: string[] = [];
  const seen = new Set<string>([id]);
  for (let p = parentOf.get(id); p && !seen.has(p) && path.length < keep; p = parentOf.get(p)) {
    seen.add(p);
    const label = labelOf.get(p);
    if (label) path.unshift(label);
  }
  return path.join(' › ');
}

/** Ids below `root` in an is_a hierarchy given as child → parents. */
export function descendantsOf(root: string, parents: Map<string, string[]>): Set<string> {
  const children = new Map<string, string[]>();
  for (const [child, ps] of parents) for (const p of ps) children.set(p, [...(children.get(p) ?? []), child]);
  const found = new Set<string>([root]);
  const stack = [root];
  while (stack.length) for (const c of children.get(stack.pop()!) ?? []) if (!found.has(c)) found.add(c), stack.push(c);
  return found;
}
