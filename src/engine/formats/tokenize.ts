// Word tokens with offsets: runs of letters, digits and combining marks, and every other
// non-space character on its own ("IL-2" → IL, -, 2), as the CoNLL biomedical corpora split text.
export interface Token {
  start: number;
  end: number;
  text: string;
}

/** `breaks` are extra offsets a token must not cross (entity boundaries inside a word). */
export function tokenize(text: string, breaks: ReadonlySet<number> = new Set()): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu)) {
    let start = match.index;
    const end = start + match[0].length;
    for (let i = start + 1; i < end; i++) {
      if (breaks.has(i)) {
        tokens.push({ start, end: i, text: text.slice(start, i) });
        start = i;
      }
    }
    tokens.push({ start, end, text: text.slice(start, end) });
  }
  return tokens;
}
