// Names the model cut in two. It sometimes ends a mention one word early and starts another of
// the same type right after it, or sees a word and the name around it as two things: "crack" and
// "cocaine", "dietary" and "sodium chloride", "hip" and "fracture", "familial" and "aniridia",
// "technetium-99m" and "sestamibi". When a mention with the next (or previous) word or two is, as
// written, a vocabulary's name of a concept of the mention's type, and those words hold another
// mention of that type, the two become one mention of the whole name.
// Only to join mentions: stretching a mention over free text to the longest name the vocabulary
// has ("tricyclic antidepressant", "NMDA receptor", "complete heart block") went against the
// corpora's boundaries far more often than with them (BC5CDR dev -0.4).
// On the dev splits (session 8's weights): BC5CDR +0.07, NCBI-disease +0.13, the others unchanged.
import type { Annotation, EntityType } from '../types';
import type { Linker } from './linker';
import type { NameEntry, NameKind } from './vocabFormat';
import type { KnowledgeBase } from './knowledgeBase';
import { SpanIndex } from '../spanIndex';
import { TYPE_BITS } from './vocabularies';

const TYPES: ReadonlySet<EntityType> = new Set(['Chemical', 'Disease']);
// A word: letters, digits, hyphens and apostrophes, one space from the mention.
const NEXT_WORD = /^ ([\p{L}\p{N}][\p{L}\p{N}'-]*)/u;
const PREVIOUS_WORD = /([\p{L}\p{N}][\p{L}\p{N}'-]*) $/u;
const MAX_WORDS = 2;
// How far, in characters, MAX_WORDS words may reach (wordEndsAfter and wordStartsBefore look no further).
const REACH = 80;
// Kinds of name that settle a boundary: how the concept is written, not an abbreviation or a code.
export const FULL_NAMES: ReadonlySet<NameKind> = new Set(['preferred', 'exact', 'lay', 'spelling', 'trade', 'inverted', 'corpus', 'variant']);

/**
 * `annotations` (document order), one for one: each Chemical or Disease mention widened to the
 * vocabulary name it makes with the mention(s) next to it, and undefined for a mention joined
 * into another.
 */
export function joinVocabularyNames(text: string, annotations: readonly Annotation[], linker: Linker): (Annotation | undefined)[] {
  const result: (Annotation | undefined)[] = [...annotations];
  const index = new SpanIndex(annotations);
  // The mentions that may now overlap [start, end): a joined one reaches at most REACH further.
  const near = (start: number, end: number, i: number) =>
    index.overlapping(start - REACH, end + REACH).flatMap((j) => {
      const b = result[j];
      return b && j !== i && b.start < end && start < b.end ? [[b, j] as const] : [];
    });
  result.forEach((a, i) => {
    if (!a || !TYPES.has(a.type)) return;
    const starts = [a.start, ...wordStartsBefore(text, a.start)];
    const ends = [a.end, ...wordEndsAfter(text, a.end)];
    // Only look names up where a mention of the same type is within MAX_WORDS words.
    if (!near(starts[starts.length - 1], ends[ends.length - 1], i).some(([b]) => b.type === a.type)) return;
    for (const name of names(text, a.type, starts, ends, linker)) {
      const inside = near(name.start, name.end, i);
      // The name must take in a mention of the same type, and cut no other mention.
      if (!inside.length || inside.some(([b]) => b.type !== a.type || b.start < name.start || b.end > name.end)) continue;
      for (const [, j] of inside) result[j] = undefined;
      result[i] = { ...a, start: name.start, end: name.end, text: text.slice(name.start, name.end) };
      return;
    }
  });
  return result;
}

/** Spans from one of `starts` to one of `ends` (the mention's own and a word or two further) that name a concept of `type`, longest first. */
function names(text: string, type: EntityType, starts: number[], ends: number[], linker: Linker): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  starts.forEach((start, before) =>
    ends.forEach((end, after) => {
      if (before + after > 0 && isNameOfType(text.slice(start, end), type, linker)) found.push({ start, end });
    }),
  );
  return found.sort((x, y) => y.end - y.start - (x.end - x.start));
}

/** Where each of the up to MAX_WORDS words after `end` ends, nearest first. */
function wordEndsAfter(text: string, end: number): number[] {
  const ends: number[] = [];
  while (ends.length < MAX_WORDS) {
    const m = NEXT_WORD.exec(text.slice(end, end + REACH));
    if (!m) break;
    end += m[0].length;
    ends.push(end);
  }
  return ends;
}

/** Where each of the up to MAX_WORDS words before `start` starts, nearest first. */
function wordStartsBefore(text: string, start: number): number[] {
  const starts: number[] = [];
  while (starts.length < MAX_WORDS) {
    const m = PREVIOUS_WORD.exec(text.slice(Math.max(0, start - REACH), start));
    if (!m) break;
    start -= m[0].length;
    starts.push(start);
  }
  return starts;
}

/** Whether `name`, as written, is a full name (not an abbreviation or code) of a concept of `type`. */
export function isNameOfType(name: string, type: EntityType, linker: Linker): boolean {
  return (fullNameTypes(name, linker) & TYPE_BITS[type]) !== 0;
}

/** The types (TYPE_BITS, OR-ed) of the concepts `name`, as written, is a full name of. */
export function fullNameTypes(name: string, linker: Linker): number {
  return fullNameTypesOf(linker.kb.lookup(name), linker.kb);
}

/** fullNameTypes for the name entries of a lookup already made. */
export function fullNameTypesOf(entries: readonly NameEntry[], kb: KnowledgeBase): number {
  let bits = 0;
  for (const e of entries) if (FULL_NAMES.has(e.kind)) bits |= kb.conceptHeader(e.concept).typeBits;
  return bits;
}
