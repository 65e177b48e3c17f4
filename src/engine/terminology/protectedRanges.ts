// Parts of a note where a standardisation suggestion would damage something: Markdown code
// (fenced blocks and `inline spans`), URLs, e-mail addresses and file paths. "ALL" in a query
// string or "Mi" in a URL are not terms, and rewriting code is never our business.
import { addressRanges } from '../addresses';
import type { TextRange } from '../sentences';

const CODE = [
  /^(```|~~~)[^\n]*\n[\s\S]*?(?:^\1[^\n]*$|(?![\s\S]))/gm, // fenced code block (to its closing fence or the end)
  /(`+)[^`\n][\s\S]*?\1/g, // inline code
];

/** Sorted, possibly overlapping ranges of `text` where no suggestion may be made: code and addresses. */
export function protectedRanges(text: string): TextRange[] {
  const ranges: TextRange[] = addressRanges(text);
  for (const pattern of CODE) {
    for (const m of text.matchAll(pattern)) ranges.push({ start: m.index!, end: m.index! + m[0].length });
  }
  return ranges.sort((a, b) => a.start - b.start);
}

export function overlapsAny(ranges: TextRange[], start: number, end: number): boolean {
  return ranges.some((r) => r.start < end && start < r.end);
}
