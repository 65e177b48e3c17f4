// Users' own vocabularies: a lab's gene list, a hospital's preferred drug names, a project
// glossary. Three formats, chosen by extension:
//
//   .tsv   id <TAB> name <TAB> synonyms <TAB> type <TAB> definition <TAB> xrefs
//          (optional header line starting with "id"; synonyms and xrefs joined by "|")
//   .obo   OBO 1.2 [Term] stanzas (id, name, def, synonym, xref)
//   other  a term list: one concept per line, "preferred | synonym | synonym"
//
// A synonym may carry its kind as a prefix: "lay:heart attack", "abbr:MI", "old:FAM123B",
// "trade:Tylenol", "spelling:oesophagus"; without one it is an exact synonym in .tsv and .obo
// files, and in a term list a variant the workspace wants replaced by the line's first term.
// Lines starting with "#" are comments. An xref (or id) that the compiled vocabulary knows, or
// failing that a first term that names exactly one known concept, attaches the user's names to
// that concept instead of creating a new one.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { EntityType } from '../types';
import { looksLikeAbbreviation } from './normalize';
import { parseObo } from './obo';
import { TYPE_BITS } from './vocabularies';
import type { NameKind, Synonym } from './vocabFormat';

export interface UserConcept {
  id: string;
  label: string;
  synonyms: Synonym[];
  /** Entity-type bits; 0 means "fits any type". */
  typeBits: number;
  definition?: string;
  xrefs: string[];
}

const KIND_PREFIXES: Record<string, NameKind> = {
  lay: 'lay', abbr: 'abbreviation', abbreviation: 'abbreviation', old: 'previous', previous: 'previous',
  outdated: 'obsolete', trade: 'trade', spelling: 'spelling', exact: 'exact', related: 'related',
};

export function readUserVocabulary(file: string): UserConcept[] {
  const content = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const ext = path.extname(file).toLowerCase();
  const stem = path.basename(file, ext);
  if (ext === '.tsv') return parseUserTsv(content, stem);
  if (ext === '.obo') return parseUserObo(content);
  return parseTermList(content, stem);
}

export function parseUserTsv(content: string, stem = 'user'): UserConcept[] {
  const concepts: UserConcept[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.startsWith('#') || /^id\t/i.test(line)) return; // blank, comment, header
    const [id, label, synonyms = '', type = '', definition = '', xrefs = ''] = line.split('\t').map((f) => f.trim());
    if (!label) return;
    concepts.push({
      id: id || `USER:${stem}:${i + 1}`,
      label,
      synonyms: splitList(synonyms).map((s) => parseSynonym(s)),
      typeBits: typeBitsOf(type),
      ...(definition ? { definition } : {}),
      xrefs: splitList(xrefs),
    });
  });
  return concepts;
}

export function parseUserObo(content: string): UserConcept[] {
  return parseObo(content).terms.filter((t) => !t.obsolete).map((t) => ({
    id: t.id,
    label: t.name,
    synonyms: t.synonyms.map((s) => ({ text: s.text, kind: oboSynonymKind(s.scope, s.type, s.text) })),
    typeBits: 0,
    ...(t.definition ? { definition: t.definition } : {}),
    xrefs: t.xrefs,
  }));
}

export function parseTermList(content: string, stem = 'terms'): UserConcept[] {
  const concepts: UserConcept[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    const [label, ...synonyms] = splitList(line);
    if (label) concepts.push({ id: `USER:${stem}:${i + 1}`, label, synonyms: synonyms.map((s) => parseSynonym(s, 'variant')), typeBits: 0, xrefs: [] });
  });
  return concepts;
}

function splitList(field: string): string[] {
  return field.split('|').map((s) => s.trim()).filter(Boolean);
}

function parseSynonym(raw: string, plain: NameKind = 'exact'): Synonym {
  const m = /^([a-z]+):\s*(.+)$/.exec(raw);
  if (m && KIND_PREFIXES[m[1]]) return { text: m[2], kind: KIND_PREFIXES[m[1]] };
  return { text: raw, kind: looksLikeAbbreviation(raw) ? 'abbreviation' : plain };
}

function oboSynonymKind(scope: string, type: string | undefined, text: string): NameKind {
  if (type && /lay/i.test(type)) return 'lay';
  if (type && /brand|trade/i.test(type)) return 'trade';
  if (type && /abbrev|acronym/i.test(type)) return 'abbreviation';
  if (scope !== 'EXACT') return 'related';
  return looksLikeAbbreviation(text) ? 'abbreviation' : 'exact';
}

function typeBitsOf(field: string): number {
  let bits = 0;
  for (const name of field.split(/[,|\s]+/)) {
    const type = (Object.keys(TYPE_BITS) as EntityType[]).find((t) => t.toLowerCase() === name.toLowerCase());
    if (type) bits |= TYPE_BITS[type];
  }
  return bits;
}
