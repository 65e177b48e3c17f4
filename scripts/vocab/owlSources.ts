// Symptom Ontology and the NCBI Taxonomy subset: OWL RDF/XML modules from the DO repository.
// Both are flat lists of <owl:Class> blocks, so a regular expression per block is enough.
import { TYPE_BITS } from '../../src/engine/terminology/vocabularies';
import { readText } from './files';
import { ancestorPath, normaliseXref, type SourceConcept, type SourceResult } from './sourceConcept';

interface OwlClass {
  id: string;
  label?: string;
  definition?: string;
  exact: string[];
  related: string[];
  xrefs: string[];
  parents: string[];
}

const CLASS_BLOCK = /<owl:Class rdf:about="http:\/\/purl\.obolibrary\.org\/obo\/([A-Za-z]+)_(\d+)">([\s\S]*?)<\/owl:Class>/g;

function readOwlClasses(content: string): OwlClass[] {
  const all = (body: string, tag: string) => [...body.matchAll(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`, 'g'))].map((m) => unescapeXml(m[1]));
  return [...content.matchAll(CLASS_BLOCK)].map(([, prefix, local, body]) => ({
    id: `${prefix}:${local}`,
    label: all(body, 'rdfs:label')[0],
    definition: all(body, 'obo:IAO_0000115')[0],
    exact: all(body, 'oboInOwl:hasExactSynonym'),
    related: all(body, 'oboInOwl:hasRelatedSynonym'),
    xrefs: all(body, 'oboInOwl:hasDbXref'),
    parents: [...body.matchAll(/<rdfs:subClassOf rdf:resource="http:\/\/purl\.obolibrary\.org\/obo\/([A-Za-z]+)_(\d+)"/g)].map((m) => `${m[1]}:${m[2]}`),
  }));
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function owlConcepts(classes: OwlClass[], prefix: string, typeBits: number): SourceConcept[] {
  const own = classes.filter((c) => c.id.startsWith(`${prefix}:`) && c.label);
  const labelOf = new Map(own.map((c) => [c.id, c.label!]));
  const parentOf = new Map(own.filter((c) => c.parents.length).map((c) => [c.id, c.parents[0]]));
  return own.map((c) => ({
    id: c.id,
    label: c.label!,
    names: [...c.exact.map((text) => ({ text, kind: 'exact' as const })), ...c.related.map((text) => ({ text, kind: 'related' as const }))],
    definition: c.definition,
    xrefs: c.xrefs.map((x) => normaliseXref(x.replace(/^UMLS_CUI:/, 'UMLS:'))).filter((x): x is string => !!x),
    typeBits,
    semanticType: ancestorPath(c.id, parentOf, labelOf),
  }));
}

export function readSymptomOntology(file: string): SourceResult {
  const content = readText(file);
  return {
    info: { prefix: 'SYMP', name: 'Symptom Ontology', version: /symp\/releases\/([\d-]+)/.exec(content)?.[1] ?? '', licence: 'CC0 1.0 (DO repository)' },
    concepts: owlConcepts(readOwlClasses(content), 'SYMP', TYPE_BITS.Disease),
  };
}

export function readNcbiTaxonSubset(file: string): SourceResult {
  const content = readText(file);
  return {
    info: { prefix: 'NCBITaxon', name: 'NCBI Taxonomy (subset imported by DO)', version: /ncbitaxon\/([\d-]+)/.exec(content)?.[1] ?? '', licence: 'public domain' },
    concepts: owlConcepts(readOwlClasses(content), 'NCBITaxon', TYPE_BITS.Species),
  };
}
