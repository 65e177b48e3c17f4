// Parts of a note where a standardisation suggestion would damage something: Markdown code,
// URLs, e-mail addresses and file paths (nonProse.ts). "ALL" in a query string or "Mi" in a URL
// are not terms, and rewriting code is never our business.
import { nonProseRanges } from '../nonProse';
import type { TextRange } from '../sentences';

/** Sorted, possibly overlapping ranges of `text` where no suggestion may be made: code and addresses. */
export function protectedRanges(text: string): TextRange[] {
  return [...nonProseRanges(text)].sort((a, b) => a.start - b.start);
}
