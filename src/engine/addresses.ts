// Addresses in a note: URLs, e-mail addresses and file paths. They are not prose: "Aspirin" in
// "https://en.wikipedia.org/wiki/Aspirin" or "egfr" in a Markdown link's target names nothing the
// writer wrote about, and a highlight there is noise (spell checkers skip them for the same
// reason). The model still reads them as context; no entity is reported inside one.
import type { TextRange } from './sentences';
import type { Annotation } from './types';

const ADDRESSES = [
  /\b(?:https?|ftp|file):\/\/[^\s<>()"']+/gi, // URL
  /\bwww\.[^\s<>()"']+/gi,
  /[\w.+-]+@[\w-]+\.[\w.-]+/g, // e-mail
  /(?:^|\s)(?:~|\.{1,2})?\/[\w.-]+(?:\/[\w.-]+)+/gm, // unix path with at least two segments
];

/** Ranges of `text` that are addresses (in pattern order, possibly overlapping). */
export function addressRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  for (const pattern of ADDRESSES) {
    for (const m of text.matchAll(pattern)) ranges.push({ start: m.index!, end: m.index! + m[0].length });
  }
  return ranges;
}

/** `annotations` without those that overlap an address of `text`. */
export function outsideAddresses(text: string, annotations: Annotation[]): Annotation[] {
  // Every address has a "/", "@" or "www.": most texts have none and cost one scan.
  if (!/[/@]|www\./i.test(text)) return annotations;
  const ranges = addressRanges(text);
  if (!ranges.length) return annotations;
  return annotations.filter((a) => !ranges.some((r) => r.start < a.end && a.start < r.end));
}
