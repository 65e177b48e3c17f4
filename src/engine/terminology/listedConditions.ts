// Conditions listed beside conditions the model found: "No chest pain, no palpitations, no
// syncope", "hepatotoxicity, malaise, and nephrotoxicity", "insomnia, loss of appetite". The
// model misses a finding now and then (no training corpus annotates "palpitations"), yet an item
// of a list whose neighbour is a condition, and which the vocabularies agree is one, is a
// mention too. Agreement is strict: a full name (not an abbreviation, not a code) in MeSH, the
// Disease Ontology or HPO, of a concept that two vocabularies or more hold ("palpitations": HPO
// and the Symptom Ontology). A name only the Symptom Ontology or a training corpus has ("blood
// pressure", "symptoms", "exhaustion") does not count. The item must be the whole list item:
// nothing but a separator or the clause's end after it (before it, looking left).
// On the dev splits (session 12's weights, session 13's engine): BC5CDR 87.31 -> 87.34 (6 right:
// "malaise", "rubella", "insomnia", "Raynaud's phenomenon", "flushing", "restlessness"; 2 wrong:
// "small for gestational age", "disorientation"), NCBI-disease unchanged.
import type { Annotation } from '../types';
import type { KnowledgeBase } from './knowledgeBase';
import type { Linker } from './linker';
import type { SpanIndex } from '../spanIndex';
import { TYPE_BITS } from './vocabularies';

const MAX_WORDS = 4;
// Words of an item: one space apart, on one line.
const WORD = String.raw`[\p{L}\p{N}][\p{L}\p{N}'-]*`;
const WORDS_AFTER = new RegExp(`^${WORD}(?: ${WORD}){0,${MAX_WORDS - 1}}`, 'u');
const WORDS_BEFORE = new RegExp(`(?:${WORD} ){0,${MAX_WORDS - 1}}${WORD}$`, 'u');
const ANY_WORD = new RegExp(WORD, 'gu');
const REACH_WORDS = 120; // characters MAX_WORDS words may span
// MeSH, Disease Ontology, HPO: the vocabularies of conditions whose full names are vouched for.
const CONDITION_SOURCES = new Set(['M', 'D', 'H']);
const AGREEING_NAMES = new Set(['preferred', 'exact', 'lay']);
// Between two items of a list: a comma or semicolon, perhaps "and"/"or", perhaps "no"/"nor"
// (a clinical review of systems), or a bare "and"/"or"/"nor".
const SEPARATOR = /^(?:\s*[,;]\s*(?:(?:and|or)\s+)?(?:(?:no|nor)\s+)?|\s+(?:and|or|nor)\s+(?:no\s+)?)$/i;
const REACH = 20; // the longest SEPARATOR, in characters
// What may follow a list's item: a separator, a bracket or the clause's end.
const ITEM_END = /^(?:[ \t]*(?:[,;.:)\]\r\n]|$)|\s+(?:and|or|nor)\b)/i;
// What may precede a list's first item: the clause's start, a bracket, a colon or a word that
// introduces what follows ("no", "denies", "of", "including", "due to").
const ITEM_START = /(?:^|[\n(\[:;,]\s*|\b(?:no|denies|denied|without|of|to|with|including|included|includes|such as|like|and|or|nor)\s+)$/i;
// Vouched for by the vocabulary and the list, not by the model's probabilities.
const LISTED_SCORE = 0.7;

/**
 * Per annotation of `annotations`, the condition listed right after it or right before it that
 * no annotation covers (none, one or two): only for Disease annotations.
 */
export function listedConditions(text: string, annotations: readonly Annotation[], linker: Linker, index: SpanIndex): Annotation[][] {
  const listed = new Set<number>(); // starts of the items found so far: an item between two mentions is found from both
  const taken = (start: number, end: number) => index.overlapping(start, end).length > 0 || listed.has(start);
  return annotations.map((a) => {
    if (a.type !== 'Disease') return [];
    const found: Annotation[] = [];
    const score = Math.min(a.score, LISTED_SCORE);
    const after = /^[^\p{L}\p{N}]*(?:(?:and|or|no|nor)\s+)*/iu.exec(text.slice(a.end, a.end + REACH))![0];
    if (SEPARATOR.test(after)) {
      const item = longestName(text, a.end + after.length, 'right', linker.kb);
      if (item && !taken(item.start, item.end) && ITEM_END.test(text.slice(item.end, item.end + 5))) found.push({ ...item, type: 'Disease', score });
    }
    const before = /(?:\s+(?:no|nor|and|or)|[^\p{L}\p{N}])*$/iu.exec(text.slice(Math.max(0, a.start - REACH), a.start))![0];
    if (SEPARATOR.test(before)) {
      const item = longestName(text, a.start - before.length, 'left', linker.kb);
      if (item && !taken(item.start, item.end) && ITEM_START.test(text.slice(Math.max(0, item.start - 12), item.start))) found.push({ ...item, type: 'Disease', score });
    }
    for (const item of found) listed.add(item.start);
    return found;
  });
}

/** The longest run of up to MAX_WORDS words from `at` (rightwards, or leftwards to it) that is an agreed condition name. */
function longestName(text: string, at: number, direction: 'left' | 'right', kb: KnowledgeBase): { start: number; end: number; text: string } | undefined {
  const words = direction === 'right' ? wordsFrom(text, at) : wordsBefore(text, at);
  for (let n = words.length; n >= 1; n--) {
    const [start, end] = direction === 'right' ? [at, words[n - 1]] : [words[n - 1], at];
    const name = text.slice(start, end);
    if (isAgreedCondition(name, kb)) return { start, end, text: name };
  }
  return undefined;
}

/** Ends of the next MAX_WORDS words from `at` (one space apart, on one line). */
function wordsFrom(text: string, at: number): number[] {
  const run = WORDS_AFTER.exec(text.slice(at, at + REACH_WORDS));
  if (!run) return [];
  return [...run[0].matchAll(ANY_WORD)].map((m) => at + m.index! + m[0].length);
}

/** Starts of the MAX_WORDS words before `at`, nearest first. */
function wordsBefore(text: string, at: number): number[] {
  const from = Math.max(0, at - REACH_WORDS);
  const run = WORDS_BEFORE.exec(text.slice(from, at));
  if (!run) return [];
  return [...run[0].matchAll(ANY_WORD)].map((m) => from + run.index + m.index!).reverse();
}

function isAgreedCondition(name: string, kb: KnowledgeBase): boolean {
  return kb.lookup(name).some((e) => {
    if (!AGREEING_NAMES.has(e.kind) || !CONDITION_SOURCES.has(e.source)) return false;
    const header = kb.conceptHeader(e.concept);
    return (header.typeBits & TYPE_BITS.Disease) !== 0 && new Set(header.ids.map((id) => id.slice(0, id.indexOf(':')))).size >= 2;
  });
}
