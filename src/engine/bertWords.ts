// BERT "basic" words with exact UTF-16 offsets into the ORIGINAL text.
//
// transformers.js gives no offsets, so we re-run its BertNormalizer + BertPreTokenizer
// (tokenizers.js 0.2.0, bundled in @huggingface/transformers 4.3.1) one code point at a time
// and remember where every normalised character came from. What the tokenizer does, in order:
//   clean_text: drop NUL, U+FFFD and Cc/Cf/Co/Cs except \t \n \r; JS `\s` (no u flag) -> ' '
//   CJK: pad BMP ideographs with spaces (it walks UTF-16 units, so astral CJK is NOT padded)
//   lowercase the whole string (context-sensitive only for a final capital sigma), NFD, drop \p{Mn}
//   pre-tokenise: split on whitespace; every punctuation code point is a word of its own.
// Punctuation is tested AFTER normalisation: '≠' becomes '=' + U+0338, so it splits like '='.

export interface BertWord {
  /** The word as the tokenizer's WordPiece model sees it (lowercased, accents stripped). */
  norm: string;
  /** UTF-16 offsets into the original text, start inclusive, end exclusive. */
  start: number;
  end: number;
}

/** A word plus, for each UTF-16 unit of `norm`, the original [start, end) it came from. */
export interface MappedBertWord extends BertWord {
  sources: Array<[number, number]>;
}

const PUNCT = /[\p{P}\u0021-\u002F\u003A-\u0040\u005B-\u0060\u007B-\u007E]/u;
const CONTROL = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u;
const CASED = /\p{Cased}/u;
const CASE_IGNORABLE = /\p{Case_Ignorable}/u;
const CAPITAL_SIGMA = 0x3a3;

// Character classes. ASCII goes through a table: it is most of the text we see.
const DROP = 0;
const SPACE = 1;
const PUNCTUATION = 2;
const LETTER = 3; // part of a word; may still normalise to something containing punctuation
const CJK = 4;

const ASCII_CLASS = new Uint8Array(128).map((_, c) => {
  if (c === 9 || c === 10 || c === 13 || c === 32) return SPACE;
  if (c < 32 || c === 127) return DROP; // NUL and the other C0 controls, including \v and \f
  return PUNCT.test(String.fromCharCode(c)) ? PUNCTUATION : LETTER;
});

function isBmpCjk(cp: number): boolean {
  return (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff);
}

interface NonAsciiChar {
  cls: number;
  norm: string;
  /** norm contains a punctuation code point (so it splits words), e.g. '≠' -> '='. */
  splits: boolean;
}

const nonAsciiCache = new Map<number, NonAsciiChar>();

function classifyNonAscii(cp: number): NonAsciiChar {
  let info = nonAsciiCache.get(cp);
  if (info) return info;
  const ch = String.fromCodePoint(cp);
  if (cp === 0xfffd || CONTROL.test(ch)) info = { cls: DROP, norm: '', splits: false };
  else if (cp <= 0xffff && /^\s$/.test(ch)) info = { cls: SPACE, norm: '', splits: false };
  else {
    const norm = normalizeChar(ch);
    info = { cls: isBmpCjk(cp) ? CJK : LETTER, norm, splits: PUNCT.test(norm) };
  }
  nonAsciiCache.set(cp, info);
  return info;
}

function normalizeChar(ch: string): string {
  return ch.toLowerCase().normalize('NFD').replace(/\p{Mn}/gu, '');
}

function isDropped(cp: number): boolean {
  return cp < 128 ? ASCII_CLASS[cp] === DROP : classifyNonAscii(cp).cls === DROP;
}

/**
 * Unicode's Final_Sigma rule, as String.prototype.toLowerCase applies it to the whole text:
 * a cased letter before (case-ignorables skipped) and none after. Characters clean_text drops
 * are invisible to it because they are gone before the tokenizer lowercases.
 */
function isFinalSigma(text: string, at: number): boolean {
  const casedNeighbour = (from: number, step: 1 | -1): boolean => {
    for (let i = from; i >= 0 && i < text.length; ) {
      let cp = text.codePointAt(i)!;
      if (step < 0 && cp >= 0xdc00 && cp <= 0xdfff && i > 0) {
        const hi = text.charCodeAt(i - 1);
        if (hi >= 0xd800 && hi <= 0xdbff) cp = text.codePointAt(--i)!;
      }
      const ch = String.fromCodePoint(cp);
      if (!isDropped(cp) && !CASE_IGNORABLE.test(ch)) return CASED.test(ch);
      i += step > 0 ? ch.length : -1;
    }
    return false;
  };
  return casedNeighbour(at - 1, -1) && !casedNeighbour(at + 1, 1);
}

function extendLastSource(sources: Array<[number, number]> | undefined, end: number): void {
  if (sources?.length) sources[sources.length - 1] = [sources[sources.length - 1][0], end];
}

/**
 * Splits text[from, to) into BERT basic words. With `withSources`, each word also carries the
 * original span of every normalised UTF-16 unit (used to give word pieces exact offsets).
 */
export function bertWords(text: string, from?: number, to?: number): BertWord[];
export function bertWords(text: string, from: number, to: number, withSources: true): MappedBertWord[];
export function bertWords(text: string, from = 0, to = text.length, withSources = false): BertWord[] {
  const words: BertWord[] = [];
  // The open word: its normalised prefix plus a pending run of plain ASCII letters that is
  // lowercased in one slice when the word closes (no per-character strings on the hot path).
  let start = -1;
  let end = -1;
  let norm = '';
  let runFrom = -1;
  let sources: Array<[number, number]> | undefined;
  let last: BertWord | undefined; // the word emitted or extended most recently

  const commitRun = (upTo: number) => {
    if (runFrom < 0) return;
    norm += text.slice(runFrom, upTo).toLowerCase();
    if (sources) for (let k = runFrom; k < upTo; k++) sources.push([k, k + 1]);
    runFrom = -1;
  };
  const flush = () => {
    if (start < 0) return;
    commitRun(end);
    if (norm) {
      last = withSources ? ({ norm, start, end, sources } as MappedBertWord) : { norm, start, end };
      words.push(last);
    }
    start = -1;
    norm = '';
    sources = undefined;
  };
  const open = (at: number) => {
    if (start >= 0) return;
    start = at;
    if (withSources) sources = [];
  };
  const single = (n: string, i: number, j: number) => {
    flush();
    last = { norm: n, start: i, end: j };
    if (withSources) (last as MappedBertWord).sources = Array.from({ length: n.length }, () => [i, j]);
    words.push(last);
  };

  for (let i = from; i < to; ) {
    const unit = text.charCodeAt(i);
    if (unit < 128) {
      const cls = ASCII_CLASS[unit];
      if (cls === LETTER) {
        open(i);
        if (runFrom < 0) runFrom = i;
        end = ++i;
      } else if (cls === SPACE) {
        flush();
        i++;
      } else if (cls === PUNCTUATION) {
        single(text[i], i, i + 1);
        i++;
      } else {
        commitRun(i); // a dropped control inside a word joins its two halves, like clean_text
        i++;
      }
      continue;
    }
    const cp = text.codePointAt(i)!;
    const j = i + (cp > 0xffff ? 2 : 1);
    const info = classifyNonAscii(cp);
    if (info.cls === DROP) {
      commitRun(i);
    } else if (info.cls === SPACE) {
      flush();
    } else if (info.cls === CJK) {
      single(info.norm, i, j);
    } else if (info.norm === '') {
      // A lone combining mark normalises to nothing: it stays inside the word it decorates.
      commitRun(i);
      if (start >= 0) {
        end = j;
        extendLastSource(sources, j);
      } else if (last && last.end === i) {
        last.end = j;
        extendLastSource((last as MappedBertWord).sources, j);
      }
    } else if (info.splits) {
      commitRun(i);
      for (const u of info.norm) {
        if (PUNCT.test(u)) single(u, i, j);
        else {
          open(i);
          norm += u;
          if (sources) for (let k = 0; k < u.length; k++) sources.push([i, j]);
          end = j;
        }
      }
    } else {
      commitRun(i);
      open(i);
      const n = cp === CAPITAL_SIGMA && isFinalSigma(text, i) ? 'ς' : info.norm;
      norm += n;
      if (sources) for (let k = 0; k < n.length; k++) sources.push([i, j]);
      end = j;
    }
    i = j;
  }
  flush();
  return words;
}
