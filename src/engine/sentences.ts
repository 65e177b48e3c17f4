// Paragraphs and sentences with offsets into the original text. Sentences bound the context
// the model sees and the Viterbi path; a missed split only costs a longer window, a wrong split
// can cut an entity, so the splitter leans towards not splitting.

export interface TextRange {
  start: number;
  end: number;
}

const BLANK_LINES = /\n(?:[^\S\n]*\n)+/g;
// Terminal punctuation, optional closing quotes/brackets, then whitespace. "3.5" never matches.
const TERMINATOR = /[.!?\u2026]+[)\]}"'\u201d\u2019\u00bb]*(?=\s)/g;
const NEXT_CHAR = /\s*(\S)/y;
const WORD_BEFORE_DOT = /[\p{L}\p{N}.]+$/u;
const DOTTED_ABBREVIATION = /^(?:\p{L}{1,3}\.)+\p{L}{1,3}$/u; // e.g, i.e, U.S, Ph.D, a.m
const INITIAL = /^\p{Lu}$/u; // J. Smith, E. coli
// What an initial follows: a space, a bracket or a quote, not the slash of "Denies N/V/D. Hx of asthma".
const INITIAL_BEFORE = /[\s([{"'\u201c\u2018-]/u;
const LOWERCASE_START = /^\p{Ll}/u;
const LIST_NUMBER = /^\s*\d{1,3}$/;

// Followed by a period mid-sentence far more often than at the end (lowercase, no dot).
const ABBREVIATIONS = new Set([
  'al', 'approx', 'ca', 'cf', 'dr', 'eq', 'eqs', 'fig', 'figs', 'mr', 'mrs', 'ms', 'no', 'nos', 'p', 'pp',
  'prof', 'ref', 'refs', 'resp', 'sp', 'spp', 'ssp', 'st', 'subsp', 'suppl', 'tab', 'var', 'viz', 'vol', 'vs',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Blank-line separated paragraphs, without their surrounding whitespace; empty ones dropped. */
export function paragraphs(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let from = 0;
  for (const gap of text.matchAll(BLANK_LINES)) {
    pushTrimmed(ranges, text, from, gap.index!);
    from = gap.index! + gap[0].length;
  }
  pushTrimmed(ranges, text, from, text.length);
  return ranges;
}

/**
 * Sentences of text[range]; together they cover every non-whitespace character of it except
 * the pipes of Markdown table rows. A table has structure and no sentence ends: each cell of a
 * row is a sentence of its own (the model, given "| PC-9 cells | exon 19 deletion |" whole,
 * found no cell line; given "PC-9 cells", it does). List items are not split apart: a
 * medication list read as one sentence gives each drug the others as context (alone, "-
 * Atorvastatin 40 mg at night" became the span "Atorvastatin 40").
 */
export function sentences(text: string, range: TextRange = { start: 0, end: text.length }): TextRange[] {
  return blocks(text, range).flatMap((block) => proseSentences(text, block));
}

// A table row: a line whose first character (after indentation) is a pipe.
const TABLE_ROW = /^[^\S\n]*\|/;

/** text[range] cut at table cells; the rest stays in one piece. */
function blocks(text: string, range: TextRange): TextRange[] {
  const pipe = text.indexOf('|', range.start);
  if (pipe < 0 || pipe >= range.end) return [range];
  const out: TextRange[] = [];
  let from = range.start;
  let lineStart = range.start;
  while (lineStart < range.end) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 || newline >= range.end ? range.end : newline + 1;
    const line = text.slice(lineStart, lineEnd);
    if (TABLE_ROW.test(line)) {
      if (lineStart > from) out.push({ start: from, end: lineStart });
      let cell = lineStart;
      for (let i = lineStart; i <= lineEnd; i++) {
        if (i === lineEnd || text[i] === '|') {
          if (i > cell) out.push({ start: cell, end: i });
          cell = i + 1;
        }
      }
      from = lineEnd;
    }
    lineStart = lineEnd;
  }
  if (range.end > from) out.push({ start: from, end: range.end });
  return out;
}

function proseSentences(text: string, range: TextRange): TextRange[] {
  const ranges: TextRange[] = [];
  const paragraph = text.slice(range.start, range.end);
  let from = 0;
  for (const m of paragraph.matchAll(TERMINATOR)) {
    const end = m.index! + m[0].length;
    NEXT_CHAR.lastIndex = end;
    const next = NEXT_CHAR.exec(paragraph);
    if (!next || !isBoundary(paragraph, m.index!, m[0], next[1])) continue;
    pushTrimmed(ranges, text, range.start + from, range.start + end);
    from = end;
  }
  pushTrimmed(ranges, text, range.start + from, range.end);
  return ranges;
}

/** All sentences of a text, paragraph by paragraph. */
export function splitSentences(text: string): TextRange[] {
  return paragraphs(text).flatMap((p) => sentences(text, p));
}

function isBoundary(text: string, at: number, terminator: string, next: string): boolean {
  if (LOWERCASE_START.test(next)) return false;
  if (terminator[0] !== '.' || terminator.startsWith('..')) return true;
  const word = WORD_BEFORE_DOT.exec(text.slice(Math.max(0, at - 32), at))?.[0] ?? '';
  if (ABBREVIATIONS.has(word.toLowerCase())) return false;
  // A numbered list item's "1." opens its sentence.
  if (LIST_NUMBER.test(text.slice(text.lastIndexOf('\n', at - 1) + 1, at))) return false;
  return !DOTTED_ABBREVIATION.test(word) && !(INITIAL.test(word) && INITIAL_BEFORE.test(text[at - 2] ?? ' '));
}

function pushTrimmed(ranges: TextRange[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) ranges.push({ start, end });
}
