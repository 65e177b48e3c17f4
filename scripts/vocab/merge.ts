// Merging concepts across vocabularies, so "heart attack" shows MeSH, DO, HPO and ICD-10-CM
// together. Union-find over cross-references and (for sources without usable xrefs) identical
// preferred names, with one hard rule: a merged concept holds at most one id per vocabulary.
// When several DO terms point at one MeSH descriptor, only the first (the one whose name agrees,
// if any) merges; the others stay separate and keep the MeSH id as a cross-reference. A cross-
// reference to a descriptor of another name, when a descriptor of the term's own name exists,
// is not followed: DO's "tuberculosis" names MeSH Tuberculoma, its "hepatitis" Hepatitis, Chronic,
// its "sickle cell anemia" Hemoglobin SC Disease.
import { normalizeTerm } from '../../src/engine/terminology/normalize';
import type { SourceConcept } from './sourceConcept';

export interface Cluster {
  members: SourceConcept[];
}

const prefixOf = (id: string) => id.slice(0, id.indexOf(':'));

export function mergeConcepts(concepts: SourceConcept[]): Cluster[] {
  const index = new Map(concepts.map((c, i) => [c.id, i]));
  const parent = concepts.map((_, i) => i);
  const prefixes = concepts.map((c) => new Set([prefixOf(c.id)]));
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (a: number, b: number): void => {
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb || [...prefixes[rb]].some((p) => prefixes[ra].has(p))) return;
    parent[rb] = ra;
    for (const p of prefixes[rb]) prefixes[ra].add(p);
  };
  const sameName = (a: number, b: number) => normalizeTerm(concepts[a].label) === normalizeTerm(concepts[b].label);
  // Agreeing names first: they decide which of several candidates gets the one slot.
  const unionAll = (pairs: [number, number][]) => {
    for (const [a, b] of pairs) if (sameName(a, b)) union(a, b);
    for (const [a, b] of pairs) union(a, b);
  };

  const meshNamed = namedConcepts(concepts, 'MESH');
  const misdirected = ([mesh, term]: [number, number]) => {
    const own = meshNamed(concepts[term]);
    return own !== undefined && own !== mesh && !sameName(mesh, term);
  };
  unionAll(xrefPairs(concepts, index, ['DOID', 'HP', 'SYMP'], 'MESH').filter((pair) => !misdirected(pair)));
  unionAll(sharedXrefPairs(concepts, 'UMLS', ['DOID', 'HP', 'SYMP']));
  unionAll(uniqueXrefPairs(concepts, index, 'DOID', 'ICD10CM'));
  unionAll(namePairs(concepts, ['CHEBI', 'NCBITaxon', 'SYMP', 'HP', 'DOID'], ['MESH', 'DOID', 'HP']));

  const groups = new Map<number, SourceConcept[]>();
  concepts.forEach((c, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), c]);
  });
  return [...groups.values()].map((members) => ({ members: members.sort(byVocabularyPriority) }));
}

const PRIORITY = ['MESH', 'DOID', 'HP', 'SYMP', 'CHEBI', 'HGNC', 'NCBITaxon', 'ICD10CM'];
function byVocabularyPriority(a: SourceConcept, b: SourceConcept): number {
  return PRIORITY.indexOf(prefixOf(a.id)) - PRIORITY.indexOf(prefixOf(b.id));
}

/**
 * The concept of vocabulary `prefix` whose preferred name a concept's preferred name is, if
 * exactly one of a fitting type has it. (Entry terms are not enough: MeSH files "Cirrhosis" under
 * Fibrosis, while HPO's Cirrhosis is the liver's.)
 */
function namedConcepts(concepts: SourceConcept[], prefix: string): (c: SourceConcept) => number | undefined {
  const byLabel = new Map<string, number[]>();
  concepts.forEach((c, i) => {
    if (prefixOf(c.id) !== prefix) return;
    const key = normalizeTerm(c.label);
    byLabel.set(key, [...(byLabel.get(key) ?? []), i]);
  });
  return (c) => {
    const targets = (byLabel.get(normalizeTerm(c.label)) ?? []).filter((t) => concepts[t].typeBits & c.typeBits);
    return targets.length === 1 ? targets[0] : undefined;
  };
}

/** (source concept, target concept) for every xref from `from` vocabularies to a known `to` id. */
function xrefPairs(concepts: SourceConcept[], index: Map<string, number>, from: string[], to: string): [number, number][] {
  const pairs: [number, number][] = [];
  concepts.forEach((c, i) => {
    if (!from.includes(prefixOf(c.id))) return;
    for (const x of c.xrefs) if (x.startsWith(`${to}:`) && index.has(x)) pairs.push([index.get(x)!, i]);
  });
  return pairs;
}

/** Pairs of concepts that share an xref of `prefix` (e.g. the same UMLS CUI). */
function sharedXrefPairs(concepts: SourceConcept[], prefix: string, among: string[]): [number, number][] {
  const holders = new Map<string, number[]>();
  concepts.forEach((c, i) => {
    if (!among.includes(prefixOf(c.id))) return;
    for (const x of c.xrefs) if (x.startsWith(`${prefix}:`)) holders.set(x, [...(holders.get(x) ?? []), i]);
  });
  return [...holders.values()].flatMap((group) => group.slice(1).map((i): [number, number] => [group[0], i]));
}

/** A `from` concept and the `to` concept it references, when no other `from` concept references it. */
function uniqueXrefPairs(concepts: SourceConcept[], index: Map<string, number>, from: string, to: string): [number, number][] {
  const referrers = new Map<string, number[]>();
  concepts.forEach((c, i) => {
    if (prefixOf(c.id) !== from) return;
    for (const x of c.xrefs) if (x.startsWith(`${to}:`) && index.has(x)) referrers.set(x, [...(referrers.get(x) ?? []), i]);
  });
  return [...referrers].filter(([, rs]) => rs.length === 1).map(([x, rs]) => [rs[0], index.get(x)!]);
}

/**
 * Concepts of `from` whose preferred name is the preferred name, or failing that an exact
 * synonym, of exactly one `to` concept per vocabulary, of a fitting type (ChEBI "adrenaline" and
 * MeSH Epinephrine, whose entry terms include Adrenaline).
 */
function namePairs(concepts: SourceConcept[], from: string[], to: string[]): [number, number][] {
  const byLabel = new Map<string, number[]>();
  const bySynonym = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key) ?? [];
    if (!list.includes(i)) list.push(i);
    map.set(key, list);
  };
  concepts.forEach((c, i) => {
    if (!to.includes(prefixOf(c.id))) return;
    add(byLabel, normalizeTerm(c.label), i);
    for (const n of c.names) if (n.kind === 'exact') add(bySynonym, normalizeTerm(n.text), i);
  });
  const pairs: [number, number][] = [];
  concepts.forEach((c, i) => {
    if (!from.includes(prefixOf(c.id))) return;
    const key = normalizeTerm(c.label);
    for (const map of [byLabel, bySynonym]) {
      const targets = (map.get(key) ?? []).filter((t) => t !== i && concepts[t].typeBits & c.typeBits && prefixOf(concepts[t].id) !== prefixOf(c.id));
      const perVocabulary = new Set(targets.map((t) => prefixOf(concepts[t].id)));
      if (!targets.length || perVocabulary.size !== targets.length) continue;
      for (const t of targets) pairs.push([t, i]);
      break;
    }
  });
  return pairs;
}
