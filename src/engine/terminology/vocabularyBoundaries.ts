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
import type { NameKind } from './vocabFormat';
import { SpanIndex } from '../spanIndex';
import { TYPE_BITS } from './vocabularies';

const TYPES: ReadonlySet<EntityType> = new Set(['Chemical', 'Disease']);
// A word: letters, digits, hyphens and apostrophes, one space from the mention.
const NEXT_WORD = /^ ([\p{L}\p{N}][\p{L}\p{N}'-]*)/u;
const PREVIOUS_WORD = /([\p{L}\p{N}][\p{L}\p{N}'-]*) $/u;
const MAX_WORDS = 2;
// How far, in characters, MAX_WORDS words may reach (stepForward and stepBack look no further).
const REACH = 80;
// Kinds of name that settle a boundary: how the concept is written, not an abbreviation or a code.
const FULL_NAMES: ReadonlySet<NameKind> = new Set(['preferred', 'exact', 'lay', 'spelling', 'trade', 'inverted', 'corpus', 'variant']);

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
    // Only look names up where a mention of the same type is within MAX_WORDS words.
    if (!near(reachBack(text, a.start), reachForward(text, a.end), i).some(([b]) => b.type === a.type)) return;
    for (const name of names(text, a, linker)) {
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

/** Spans around `a` that are names of a concept of its type, longest first. */
function names(text: string, a: Annotation, linker: Linker): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  for (let before = 0; before <= MAX_WORDS; before++) {
    const start = stepBack(text, a.start, before);
    if (start === undefined) break;
    for (let after = 0; after <= MAX_WORDS; after++) {
      const end = stepForward(text, a.end, after);
      if (end === undefined) break;
      if (before + after > 0 && isNameOfType(text.slice(start, end), a.type, linker)) found.push({ start, end });
    }
  }
  return found.sort((x, y) => y.end - y.start - (x.end - x.start));
}

/** Where MAX_WORDS words (or as many as there are) after `end` end. */
function reachForward(text: string, end: number): number {
  for (let words = MAX_WORDS; words > 0; words--) {
    const reached = stepForward(text, end, words);
    if (reached !== undefined) return reached;
  }
  return end;
}

/** Where MAX_WORDS words (or as many as there are) before `start` start. */
function reachBack(text: string, start: number): number {
  for (let words = MAX_WORDS; words > 0; words--) {
    const reached = stepBack(text, start, words);
    if (reached !== undefined) return reached;
  }
  return start;
}

function stepForward(text: string, end: number, words: number): number | undefined {
  for (let k = 0; k < words; k++) {
    const m = NEXT_WORD.exec(text.slice(end, end + REACH));
    if (!m) return undefined;
    end += m[0].length;
  }
  return end;
}

function stepBack(text: string, start: number, words: number): number | undefined {
  for (let k = 0; k < words; k++) {
    const m = PREVIOUS_WORD.exec(text.slice(Math.max(0, start - REACH), start));
    if (!m) return undefined;
    start -= m[0].length;
  }
  return start;
}

/** Whether `name`, as written, is a full name (not an abbreviation or code) of a concept of `type`. */
export function isNameOfType(name: string, type: EntityType, linker: Linker): boolean {
  const kb = linker.kb;
  return kb.lookup(name).some((e) => FULL_NAMES.has(e.kind) && kb.conceptHeader(e.concept).typeBits & TYPE_BITS[type]);
}
