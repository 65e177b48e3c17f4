// Human Disease Ontology and the ChEBI subset: both OBO files, read with the engine's own parser.
import { parseObo, type OboTerm } from '../../src/engine/terminology/obo';
import { TYPE_BITS } from '../../src/engine/terminology/vocabularies';
import type { NameKind } from '../../src/engine/terminology/vocabFormat';
import { readText } from './files';
import { ancestorPath, exactOrAbbreviation, normaliseXref, type SourceConcept, type SourceResult } from './sourceConcept';

export function readDiseaseOntology(file: string): SourceResult {
  const doc = parseObo(readText(file));
  const concepts = oboConcepts(doc.terms, TYPE_BITS.Disease, (s) => (s.scope === 'EXACT' ? exactOrAbbreviation(s.text) : 'related'));
  return {
    info: { prefix: 'DOID', name: 'Human Disease Ontology', version: versionOf(doc.version), licence: 'CC0 1.0' },
    concepts,
  };
}

export function readChebi(file: string): SourceResult {
  const doc = parseObo(readText(file));
  const concepts = oboConcepts(doc.terms, TYPE_BITS.Chemical, (s) => {
    if (s.type === 'BRAND_NAME') return 'trade';
    if (s.scope === 'EXACT' || s.type === 'INN') return 'exact';
    // ChEBI's RELATED synonyms include formulae and one-letter symbols ("e", "beta"): too noisy.
    return s.text.length > 3 ? 'related' : undefined;
  });
  return {
    info: { prefix: 'CHEBI', name: 'ChEBI (subset imported by HPO)', version: versionOf(doc.version), licence: 'CC BY 4.0' },
    concepts,
  };
}

function oboConcepts(
  terms: OboTerm[],
  typeBits: number,
  kindOf: (s: OboTerm['synonyms'][number]) => NameKind | undefined,
): SourceConcept[] {
  const live = terms.filter((t) => !t.obsolete);
  const labelOf = new Map(live.map((t) => [t.id, t.name]));
  const parentOf = new Map(live.filter((t) => t.isA.length).map((t) => [t.id, t.isA[0]]));
  return live.map((t) => ({
    id: t.id,
    label: t.name,
    names: t.synonyms.flatMap((s) => {
      const kind = kindOf(s);
      return kind && s.text !== t.name ? [{ text: s.text, kind }] : [];
    }),
    definition: t.definition,
    xrefs: t.xrefs.map(normaliseXref).filter((x): x is string => !!x),
    typeBits,
    semanticType: ancestorPath(t.id, parentOf, labelOf),
  }));
}

/** "releases/2024-01-31/doid.obo" → "2024-01-31". */
function versionOf(raw = ''): string {
  return /\d{4}-\d{2}-\d{2}/.exec(raw)?.[0] ?? raw;
}
