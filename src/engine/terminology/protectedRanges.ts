// Parts of a note where a standardisation suggestion would damage something: Markdown code
// (fenced blocks and `inline spans`), URLs, e-mail addresses and file paths. "ALL" in a query
// string or "Mi" in a URL are not terms, and rewriting code is never our business.
import type { TextRange } from '../sentences';

const PATTERNS = [
  /^(```|~~~)[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))/gm, // fenced code block (to its closing fence or the end)
  /(`+)[^`\n][\s\S]*?\1/g, // inline code
  /\b(?:https?|ftp|file):\/\/[^\s<>()"']+/gi, // URL
  /\bwww\.[^\s<>()"']+/gi,
  /[\w.+-]+@[\w-]+\.[\w.-]+/g, // e-mail
  /(?:^|\s)(?:~|\.{1,2})?\/[\w.-]+(?:\/[\w.-]+)+/gm, // unix path with at least two segments
];

/** Sorted, possibly overlapping ranges of `text` where no suggestion may be made. */
export function protectedRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  for (const pattern of PATTERNS) {
    for (const m of text.matchAll(pattern)) ranges.push({ start: m.index!, end: m.index! + m[0].length });
  }
  return ranges.sort((a, b) => a.start - b.start);
}

export function overlapsAny(ranges: TextRange[], start: number, end: number): boolean {
  return ranges.some((r) => r.start < end && start < r.end);
}
