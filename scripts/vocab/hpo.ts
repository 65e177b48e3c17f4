// Human Phenotype Ontology (OBO Graph JSON). Lay, abbreviation, UK-spelling and obsolete
// synonyms keep their HPO type: they drive the standardisation suggestions. Only terms under
// "Phenotypic abnormality" (HP:0000118) are typed Disease; inheritance modes and onsets are not.
import { TYPE_BITS } from '../../src/engine/terminology/vocabularies';
import type { NameKind } from '../../src/engine/terminology/vocabFormat';
import { readText } from './files';
import { ancestorPath, descendantsOf, normaliseXref, type SourceConcept, type SourceResult } from './sourceConcept';

interface GraphNode {
  id: string;
  lbl?: string;
  type?: string;
  meta?: {
    definition?: { val: string };
    synonyms?: { pred: string; val: string; synonymType?: string }[];
    xrefs?: { val: string }[];
    deprecated?: boolean;
  };
}

const TYPED: Record<string, NameKind> = { layperson: 'lay', abbreviation: 'abbreviation', uk_spelling: 'spelling', plural_form: 'exact', obsolete_synonym: 'obsolete' };

export function readHpo(file: string): SourceResult {
  const graph = JSON.parse(readText(file)).graphs[0] as { nodes: GraphNode[]; edges: { sub: string; pred: string; obj: string }[]; meta: { version: string } };
  const curie = (iri: string) => iri.replace(/^.*\/HP_/, 'HP:');
  const nodes = graph.nodes.filter((n) => n.type === 'CLASS' && n.id.includes('/HP_') && n.lbl && !n.meta?.deprecated);
  const parents = new Map<string, string[]>();
  for (const e of graph.edges) if (e.pred === 'is_a') parents.set(curie(e.sub), [...(parents.get(curie(e.sub)) ?? []), curie(e.obj)]);
  const phenotypes = descendantsOf('HP:0000118', parents);
  const labelOf = new Map(nodes.map((n) => [curie(n.id), n.lbl!]));
  const parentOf = new Map([...parents].map(([c, ps]) => [c, ps[0]]));
  const concepts: SourceConcept[] = nodes.map((n) => {
    const id = curie(n.id);
    return {
      id,
      label: n.lbl!,
      names: (n.meta?.synonyms ?? []).map((s) => ({ text: s.val, kind: synonymKind(s.pred, s.synonymType) })),
      definition: n.meta?.definition?.val,
      xrefs: (n.meta?.xrefs ?? []).map((x) => normaliseXref(x.val)).filter((x): x is string => !!x),
      typeBits: phenotypes.has(id) && id !== 'HP:0000118' ? TYPE_BITS.Disease : 0,
      semanticType: ancestorPath(id, parentOf, labelOf),
    };
  });
  const version = /releases\/([\d-]+)/.exec(graph.meta.version)?.[1] ?? graph.meta.version;
  return {
    info: { prefix: 'HP', name: 'Human Phenotype Ontology', version, licence: 'HPO licence (acknowledge, show version, do not alter)' },
    concepts,
  };
}

function synonymKind(pred: string, synonymType?: string): NameKind {
  const type = synonymType?.replace(/^.*#/, '');
  const exact = pred === 'hasExactSynonym';
  if (type === 'obsolete_synonym') return 'obsolete';
  if (type && TYPED[type] && exact) return TYPED[type];
  return exact ? 'exact' : 'related';
}
