// Names repeated in a document. The model sees one sentence at a time: it finds "cisapride" in
// one sentence and leaves it out in the next, where fewer words around it say it is a drug. A
// chemical, gene or organism the model found with confidence is the same entity wherever the
// document writes the same name again as words of their own and no other entity covers them.
// Not diseases: "VHL" and "cancer" name a disease in one place and are part of a gene's or a
// longer disease's name in another, and NCBI-disease lost 0.7 F1 with them.
//
// A name found lowercase in prose ("apixaban") is the same at the start of a list item or a
// sentence ("Apixaban 5 mg"). An occurrence the model found with less confidence takes the best
// occurrence's score: one entity, one confidence, so the editor's filter shows all or none.
//
// Measured offline on session 5's engine output for the dev splits (confidence ≥ 0.6): BC5CDR
// +0.35 F1 (drug names such as "cisapride", "dilevalol", "ziprasidone"), BC2GM +0.11, linnaeus
// +0.08, NCBI-disease unchanged.
//
// Cell lines: a confident "NCI-H1975 cells" or "resistant PC-9 lines" also makes the line's own
// name ("NCI-H1975", "PC-9") a cell line wherever the document writes it, even where the model,
// without the word "cells" beside it, called it a gene or a chemical (the research note's
// "reduced phospho-ERK in NCI-H1975"), and a span naming that line's cells a cell line
// ("PC-9 sublines", a chemical to the model).
import { SpanIndex } from './spanIndex';
import type { Annotation, EntityType } from './types';

const PROPAGATED: readonly EntityType[] = ['Chemical', 'Gene', 'Species', 'CellLine'];
// The model's cell-line spans end in the word for cells; the name is the word before it, when
// shaped like a line's name (a capital or a digit after its first character: "PC-9", "HeLa",
// "HEK293T"; not "T" of "Jurkat T cells", not "resistant").
const CELL_LINE_SPAN = /(?:^|\s)(\S+)\s+(?:cells?|cell lines?|lines?|sublines?|xenografts?)$/iu;
const LINE_NAME = /^.[^\s]*[\p{Lu}\p{N}]/u;
// Cells described by genotype or treatment are no line's name: "EGFR-mutant", "p53-deficient".
const GENOTYPE = /-\p{Ll}{4,}$/u;
const RETYPED_AS_CELL_LINE: readonly EntityType[] = ['Chemical', 'Gene'];
/** Confidence from which a name found once is marked wherever the document repeats it. */
export const REPEATED_NAME_MIN_SCORE = 0.6;
const MIN_LENGTH = 3;
const FIRST_WORD = /^[\p{L}\p{N}]+/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * `annotations` (in document order) plus the other occurrences of their confident names, in
 * document order; an occurrence the model found with less confidence takes the best one's score.
 */
export function withRepeatedMentions(text: string, annotations: readonly Annotation[]): Annotation[] {
  // The sources, grouped by their first word (the longest name of a group first).
  const byFirstWord = new Map<string, Source[]>();
  for (const a of annotations) {
    if (!PROPAGATED.includes(a.type) || a.score < REPEATED_NAME_MIN_SCORE || a.text.length < MIN_LENGTH) continue;
    // A cell-line span gives only its line's name: the model's spans ("B-cell", "serum-free
    // medium" on JNLPBA) are too often no line for every repetition to become one.
    for (const name of a.type === 'CellLine' ? cellLineName(a.text) : spellings(a.text)) {
      const first = FIRST_WORD.exec(name)?.[0];
      if (!first) continue; // a name starting with punctuation ("(+)-...") as it stands
      const sources = byFirstWord.get(first) ?? [];
      const same = sources.find((s) => s.name === name && s.type === a.type);
      if (!same) sources.push({ name, type: a.type, score: a.score });
      else same.score = Math.max(same.score, a.score);
      byFirstWord.set(first, sources);
    }
  }
  if (byFirstWord.size === 0) return [...annotations];
  for (const sources of byFirstWord.values()) sources.sort((a, b) => b.name.length - a.name.length);
  const sourceNamed = (name: string, type: EntityType) => byFirstWord.get(FIRST_WORD.exec(name)?.[0] ?? '')?.find((s) => s.name === name && s.type === type);
  const sourceOf = (a: Annotation, type = a.type) => sourceNamed(a.text, type);

  // A line's name, or a span naming the line's cells ("PC-9 sublines", a chemical to the model).
  const lineOf = (a: Annotation) => sourceOf(a, 'CellLine') ?? cellLineName(a.text).map((name) => sourceNamed(name, 'CellLine'))[0];
  const kept = annotations.map((a) => {
    const line = RETYPED_AS_CELL_LINE.includes(a.type) ? lineOf(a) : undefined;
    if (line) return { ...a, type: line.type, score: Math.max(a.score, line.score) };
    const source = sourceOf(a);
    return source && source.score > a.score ? { ...a, score: source.score } : a;
  });
  const taken = new SpanIndex(annotations);
  const added: Annotation[] = [];
  // Each source's occurrences, found with indexOf (a few hundred names scan a long note faster
  // than a regex visits its every word); the longest name wins where two start at one place.
  for (const sources of byFirstWord.values()) {
    for (const source of sources) {
      for (let start = text.indexOf(source.name); start >= 0; start = text.indexOf(source.name, start + 1)) {
        const end = start + source.name.length;
        if ((start > 0 && LETTER_OR_DIGIT.test(text[start - 1])) || (end < text.length && LETTER_OR_DIGIT.test(text[end]))) continue;
        if (taken.overlapping(start, end).length) continue;
        added.push({ start, end, text: source.name, type: source.type, score: source.score });
      }
    }
  }
  if (!added.length) return kept;
  // Sources sharing a first word may have claimed overlapping places: keep the longest at each.
  added.sort((a, b) => a.start - b.start || b.end - a.end);
  const unique = added.filter((a, i) => i === 0 || a.start >= added[i - 1].end);
  return [...kept, ...unique].sort((a, b) => a.start - b.start || b.end - a.end);
}

interface Source {
  name: string;
  type: EntityType;
  score: number;
}

/** A name as written and, when it starts lowercase, capitalised as at a list item's or sentence's start ("apixaban", "Apixaban"). */
function spellings(name: string): string[] {
  const first = name[0];
  const upper = first.toUpperCase();
  return upper !== first && first === first.toLowerCase() ? [name, upper + name.slice(1)] : [name];
}

/** The line's own name in a cell-line span ("NCI-H1975" of "NCI-H1975 cells"), if it has one. */
function cellLineName(span: string): string[] {
  const name = CELL_LINE_SPAN.exec(span)?.[1];
  return name && name.length >= MIN_LENGTH && LINE_NAME.test(name) && !GENOTYPE.test(name) ? [name] : [];
}
