// What in a note is not prose: addresses (URLs, e-mail addresses, file paths) and Markdown code
// (fenced blocks and `inline spans`). "Aspirin" in "https://en.wikipedia.org/wiki/Aspirin", "egfr"
// in a Markdown link's target or "aspirin" in `print("aspirin")` names nothing the writer wrote
// about, and a highlight there is noise (spell checkers skip them for the same reason). The model
// still reads them as context; no entity is reported inside one, and no suggestion is made there
// (terminology/protectedRanges.ts).
import type { TextRange } from './sentences';
import type { Annotation } from './types';

const ADDRESSES = [
  /\b(?:https?|ftp|file):\/\/[^\s<>()"']+/gi, // URL
  /\bwww\.[^\s<>()"']+/gi,
  /[\w.+-]+@[\w-]+\.[\w.-]+/g, // e-mail
  /(?:^|\s)(?:~|\.{1,2})?\/[\w.-]+(?:\/[\w.-]+)+/gm, // unix path with at least two segments
];
const CODE = [
  /^(```|~~~)[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))/gm, // fenced code block (to its closing fence or the end)
  // inline code, on one line, not starting or ending with a space: so that LaTeX-style quotes
  // (``octamer'' ... ``dose-sparing'', common in abstracts) never make a span of what lies between
  /(`+)(?![\s`])[^`\n]*?[^\s`]\1(?!`)|(`)[^\s`]\2/g,
];
// Every address has a "/", "@" or "www.", all code a backtick or "~~~": most texts have none and cost one scan.
const MAY_HAVE_ANY = /[/@`]|www\.|~~~/i;

// The language server asks several times for each analysis of a document, with the same text:
// the document-wide step (outsideNonProse), the curated abbreviations (curatedMentions.ts) and the
// suggestion guard (protectedRanges). The last text's ranges are kept, so the patterns scan it once.
let last: { text: string; ranges: readonly TextRange[] } | undefined;

/** Ranges of `text` that are addresses or code (in pattern order, possibly overlapping). */
export function nonProseRanges(text: string): readonly TextRange[] {
  if (last?.text === text) return last.ranges;
  const ranges: TextRange[] = [];
  if (MAY_HAVE_ANY.test(text)) {
    for (const pattern of [...ADDRESSES, ...CODE]) {
      for (const m of text.matchAll(pattern)) ranges.push({ start: m.index!, end: m.index! + m[0].length });
    }
  }
  last = { text, ranges };
  return ranges;
}

/** `annotations` without those that overlap an address or code of `text`. */
export function outsideNonProse(text: string, annotations: Annotation[]): Annotation[] {
  const ranges = nonProseRanges(text);
  if (!ranges.length) return annotations;
  return annotations.filter((a) => !overlapsAny(ranges, a.start, a.end));
}

/** Whether [start, end) overlaps one of `ranges`. */
export function overlapsAny(ranges: readonly TextRange[], start: number, end: number): boolean {
  return ranges.some((r) => r.start < end && start < r.end);
}
