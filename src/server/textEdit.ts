// What changed between two versions of a document, as one replaced range, and how entity
// offsets move through it. Full document sync gives us whole texts; a common prefix and suffix
// recover the edit in O(length) without keeping an edit log.

export interface TextChange {
  /** Start of the replaced range, the same in both texts. */
  start: number;
  /** End of the replaced range in the old text. */
  oldEnd: number;
  /** End of the replacement in the new text. */
  newEnd: number;
}

/** The smallest single range replacement that turns `before` into `after`, or undefined if equal. */
export function diffTexts(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (
    suffix < shorter - start &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/**
 * Spans moved through `change` into `after` (the new text): those before it keep their offsets,
 * those after it shift by the change in length, and those it overlaps are dropped until
 * re-analysis. A span that only borders the change survives when the character now next to it
 * cannot continue a word: typing a space after "aspirin" leaves it highlighted, typing "e"
 * (making "aspirine") does not.
 */
export function shiftSpans<T extends { start: number; end: number }>(spans: readonly T[], change: TextChange, after: string): T[] {
  const delta = change.newEnd - change.oldEnd;
  const shifted: T[] = [];
  for (const span of spans) {
    if (span.end < change.start || (span.end === change.start && !continuesWord(after, change.start))) {
      shifted.push(span);
    } else if (span.start > change.oldEnd || (span.start === change.oldEnd && !continuesWord(after, change.newEnd - 1))) {
      shifted.push({ ...span, start: span.start + delta, end: span.end + delta });
    }
  }
  return shifted;
}

// Letters, digits and the joiners inside biomedical names (IL-6, COVID-19, 5'-UTR).
const WORD_CHAR = /[\p{L}\p{N}\-_'’]/u;

function continuesWord(text: string, index: number): boolean {
  return index >= 0 && index < text.length && WORD_CHAR.test(text[index]);
}
