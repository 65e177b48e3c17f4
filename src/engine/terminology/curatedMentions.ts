// Clinical abbreviations a note writes bare. The model learnt abbreviations from abstracts, which
// define one before using it ("deep vein thrombosis (DVT)"); nothing defines them in "Hx of DVT
// and CVA", "EtOH 3 drinks/day" or "PMH: T2DM", and the model finds some ("HTN", "COPD") and
// misses others ("DVT", "CVA", "T2DM", "EtOH"). Each abbreviation of the curated clinical list
// (scripts/vocab/clinical-abbreviations.tsv), written as the list writes it (a plural "s" allowed)
// as a word of its own that no entity covers, is an entity of the list's type, except:
//   - one the list says commonly means something else too ("PE", "CP", "MS");
//   - a class of drugs ("NSAID", "PPI"), which the corpora annotate only now and then (BC5CDR's
//     dev split writes "NSAID" without an annotation 11 times);
//   - a gene or protein (left to the model, which knows them);
//   - one the document defines itself: it means what the document says, and the abbreviation
//     layer finds it wherever the model found its long form;
//   - one in an address or code;
//   - a disease's with an amount and unit right after it: "VT 450 mL" is a ventilator's tidal volume.
// In a clinical note (clinicalNote.ts) an ambiguous one whose senses share a type is one too where
// the note's grammar says it names a condition: right after "r/o", "h/o", "Hx of", "denies", "no",
// "prior", "?" or a history heading ("r/o PE", "PMH: RA, MS"), or listed after such an entity;
// elsewhere "PE:" is the examination's heading and "AS" a word of a title in capitals.
// On BC5CDR's and NCBI-disease's dev splits the list's abbreviations the gold leaves bare are
// those classes: its diseases and drugs ("CHF", "ESRD", "5-FU", "CsA") are annotated wherever
// an abstract writes them.
import { doseAfter } from '../dosedDrugs';
import { nonProseRanges, overlapsAny } from '../nonProse';
import { SpanIndex } from '../spanIndex';
import type { Annotation, EntityType } from '../types';
import type { AbbreviationDefinition } from './abbreviations';
import type { KnowledgeBase, WrittenAbbreviation } from './knowledgeBase';
import { clinicalSenseType } from './clinicalNote';

// Vouched for by a hand-made list, not by the model's probabilities: above the editor's default
// confidence filter, below a confident model mention.
export const CURATED_MENTION_SCORE = 0.8;
const FOUND_TYPES: ReadonlySet<EntityType> = new Set(['Disease', 'Chemical', 'Species']);

interface Pattern {
  regex: RegExp;
  byWritten: Map<string, WrittenAbbreviation>;
}
const patterns = new WeakMap<KnowledgeBase, { sure: Pattern | null; inNotes: Pattern | null }>();
// What a note writes right before a condition it names by an ambiguous abbreviation, on its line.
const CONDITION_CUE = /(?:(?<![\p{L}\p{N}/])(?:r\/o|h\/o|c\/o|s\/p|hx of|history of|rule out|ruled out|denies|denied|no|prior|previous|known|\?)|^[ \t]*(?:PMH|PMHx|PSH|Hx|Dx|DDx|Impression|Past medical history)[ \t]*:)[ \t]*$/iu;
// Between two items of a list.
const LIST_SEPARATOR = /[ \t]*(?:,|;|\/|&|\band\b|\bor\b)[ \t]*$/u;
const CUE_REACH = 40;

/**
 * The curated clinical abbreviations of `text` that `annotations` do not cover (see above), as
 * entities of their own; `definitions` are the document's abbreviation definitions.
 */
export function curatedAbbreviationMentions(text: string, annotations: readonly Annotation[], kb: KnowledgeBase, definitions: readonly AbbreviationDefinition[], clinicalNote = false): Annotation[] {
  const { sure, inNotes } = patternsOf(kb);
  const defined = new Set(definitions.map((d) => d.short));
  const index = new SpanIndex(annotations);
  let nonProse: ReturnType<typeof nonProseRanges> | undefined;
  const candidates = [...find(text, sure, false), ...(clinicalNote ? find(text, inNotes, true) : [])].sort((a, b) => a.start - b.start);
  const added: Annotation[] = [];
  const ends = new Set(annotations.map((a) => a.end));
  for (const { start, end, written, type, cued } of candidates) {
    if (defined.has(written) || index.overlapping(start, end).length) continue;
    nonProse ??= nonProseRanges(text);
    if (overlapsAny(nonProse, start, end)) continue;
    if (type === 'Disease' && doseAfter(text, end)) continue;
    if (cued && !namesCondition(text, start, ends)) continue;
    added.push({ start, end, text: text.slice(start, end), type, score: CURATED_MENTION_SCORE });
    ends.add(end);
  }
  return added;
}

/** The matches of `pattern` in `text`; `cued`: each needs a note's cue before it (namesCondition). */
function* find(text: string, pattern: Pattern | null, cued: boolean) {
  if (!pattern) return;
  for (const m of text.matchAll(pattern.regex)) {
    const start = m.index!;
    yield { start, end: start + m[0].length, written: m[1], type: pattern.byWritten.get(m[1])!.type, cued };
  }
}

/** Whether a note's grammar right before `start` says a condition follows (see CONDITION_CUE). */
function namesCondition(text: string, start: number, entityEnds: ReadonlySet<number>): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(Math.max(lineStart, start - CUE_REACH), start);
  if (CONDITION_CUE.test(before)) return true;
  const separator = LIST_SEPARATOR.exec(before);
  return !!separator && entityEnds.has(start - separator[0].length);
}

/** `annotations` and the curated abbreviations they leave out (see above), in document order. */
export function withCuratedAbbreviationMentions(text: string, annotations: Annotation[], kb: KnowledgeBase, definitions: readonly AbbreviationDefinition[], clinicalNote = false): Annotation[] {
  const added = curatedAbbreviationMentions(text, annotations, kb, definitions, clinicalNote);
  return added.length ? [...annotations, ...added].sort((a, b) => a.start - b.start || b.end - a.end) : annotations;
}

function patternsOf(kb: KnowledgeBase): { sure: Pattern | null; inNotes: Pattern | null } {
  let found = patterns.get(kb);
  if (found) return found;
  const all = kb.writtenAbbreviations().filter((a) => !a.drugClass && FOUND_TYPES.has(a.type));
  // A short form another line of the list gives another sense, or a type we leave to the model, is
  // sure nowhere; in notes, one whose senses share a type.
  const unsure = new Set(kb.writtenAbbreviations().filter((a) => a.ambiguous || a.drugClass || !FOUND_TYPES.has(a.type)).map((a) => a.written));
  const sure = all.filter((a) => !unsure.has(a.written));
  const inNotes = all.filter((a) => a.ambiguous && clinicalSenseType(kb, a.written) === a.type);
  found = { sure: patternFor(sure), inNotes: patternFor(inNotes) };
  patterns.set(kb, found);
  return found;
}

function patternFor(abbreviations: readonly WrittenAbbreviation[]): Pattern | null {
  const byWritten = new Map(abbreviations.map((a) => [a.written, a]));
  if (!byWritten.size) return null;
  const alternatives = [...byWritten.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // A plural "s" only after a capital ("DVTs", "UTIs"); not inside a longer word, a hyphenated
  // name ("anti-CMV"), an identifier (snake_case) or a path.
  return { regex: new RegExp(`(?<![\\p{L}\\p{N}_\\-.])(${alternatives.join('|')})(?:(?<=\\p{Lu})s)?(?![\\p{L}\\p{N}_\\-])`, 'gu'), byWritten };
}
