// The hover an editor shows for an entity, as Markdown, from the Annotation alone (so the
// language server needs nothing but what enrich() returned): type and confidence, preferred
// term, semantic type, definition with its source, ids linked to their public pages, a few
// synonyms, the other concepts an ambiguous name may mean, context flags and the suggestion.
import type { Annotation } from '../types';
import { conceptUrl, icd10Dotted, vocabularyOf } from './vocabularies';

export interface HoverOptions {
  /** Vocabulary prefix → version, shown with the definition's source (HPO asks for it). */
  versions?: Record<string, string>;
  /** Most ids and synonyms listed (default 8 and 5). */
  maxIds?: number;
  maxSynonyms?: number;
}

const TYPE_NAMES: Record<string, string> = { CellLine: 'Cell line', CellType: 'Cell type' };
const MATCH_NAMES: Record<string, string> = { exact: 'exact match', abbreviation: 'via abbreviation', fuzzy: 'approximate match', partial: 'partial match' };
// Ids worth a click, in this order; others (SNOMED, NCI, ...) only if room is left.
const ID_ORDER = ['MESH', 'DOID', 'HP', 'ICD10CM', 'HGNC', 'NCBITaxon', 'CHEBI', 'SYMP', 'OMIM', 'NCBIGene', 'UMLS'];

export function hoverMarkdown(a: Annotation, opts: HoverOptions = {}): string {
  const lines: string[] = [];
  const typeName = (type: string) => TYPE_NAMES[type] ?? type;
  const header = [`**${typeName(a.type)}**`, `confidence ${a.score.toFixed(2)}`];
  // Say when the type is the vocabulary's, not the model's, so a surprising one can be judged.
  if (a.modelType && a.modelType !== a.type) header.push(`type from the vocabulary (the model said ${typeName(a.modelType)})`);
  const c = a.concept;
  if (c?.match) header.push(`${MATCH_NAMES[c.match]}${c.score !== undefined ? ` ${c.score.toFixed(2)}` : ''}`);
  lines.push(header.join(' · '));
  if (!c) {
    lines.push('', `*${escape(a.text)}*: no concept in the vocabularies`);
  } else {
    lines.push('', `### ${escape(c.preferred || c.id)}`);
    if (c.semanticType) lines.push(`*${escape(c.semanticType)}*`);
    if (c.definition) lines.push('', `${escape(c.definition)} — *${sourceName(c.definitionSource ?? c.id, opts.versions)}*`);
    const ids = orderedIds([c.id, ...c.xrefs]).slice(0, opts.maxIds ?? 8);
    lines.push('', `**Ids:** ${ids.map(idLink).join(' · ')}`);
    const synonyms = (c.synonyms ?? []).slice(0, opts.maxSynonyms ?? 5);
    if (synonyms.length) lines.push('', `**Also:** ${synonyms.map(escape).join(', ')}`);
    // An ambiguous name: the concept shown is the likeliest, not the only one.
    const others = c.alternatives ?? [];
    if (others.length) lines.push('', `**“${escape(a.text)}” may also name:** ${others.map((o) => `${escape(o.preferred)} (${idLink(o.id)})`).join(' · ')}`);
  }
  const flags = a.context ? (['negated', 'uncertain', 'historical', 'family'] as const).filter((f) => a.context![f]) : [];
  if (flags.length) lines.push('', `**Context:** ${flags.map((f) => (f === 'family' ? 'family member' : f)).join(', ')}`);
  if (a.suggestion) {
    lines.push('', `**Suggestion:** “${escape(a.text)}” is ${article(a.suggestion.reason)}${escape(a.suggestion.reason)} *${escape(a.suggestion.replacement)}*: write “${escape(a.suggestion.replacement)}”.`);
  }
  return lines.join('\n');
}

function orderedIds(ids: string[]): string[] {
  const rank = (id: string) => {
    const prefix = id.slice(0, id.indexOf(':')).toUpperCase();
    const at = ID_ORDER.findIndex((p) => p.toUpperCase() === prefix);
    return at < 0 ? ID_ORDER.length : at;
  };
  return [...new Set(ids)].map((id, i) => ({ id, i })).sort((a, b) => rank(a.id) - rank(b.id) || a.i - b.i).map((x) => x.id);
}

function idLink(id: string): string {
  const shown = id.startsWith('ICD10CM:') ? `ICD10CM:${icd10Dotted(id.slice(8))}` : id;
  const url = conceptUrl(id);
  return url ? `[${escape(shown)}](${url})` : escape(shown);
}

function sourceName(id: string, versions?: Record<string, string>): string {
  const vocabulary = vocabularyOf(id);
  const prefix = id.slice(0, id.indexOf(':'));
  const version = versions?.[prefix] ?? versions?.[prefix.toUpperCase()];
  return `${vocabulary?.name ?? prefix}${version ? ` ${version}` : ''}, ${idLink(id)}`;
}

/** "is a lay term for", "is an abbreviation of". */
function article(reason: string): string {
  return /^[aeiou]/i.test(reason) ? 'an ' : 'a ';
}

/** Markdown-escapes text from vocabularies and documents so it cannot inject links or HTML. */
export function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!<>|~]/g, '\\$&');
}
