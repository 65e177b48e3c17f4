// Genes named inside disease and cell mentions: "G6PD deficiency", "congenital protein C
// deficiency", "HER2-transformed NIH3T3 cells", "BCR/ABL-expressing 32D cells". The model gives the
// whole span one type (the disease, the cell line); the gene it is named after is a mention too,
// nested inside it, as diseases are nested in gene names (nestedDiseases.ts; the hover shows the
// innermost). Only a name a vocabulary has as a gene's full name counts: "vitamin E deficiency",
// "iodine deficiency", "cytokine-stimulated cells" name no gene.
// On the dev splits (session 8's weights): BC2GM +0.23 (11 right, none wrong), JNLPBA -0.01 (one
// wrong: it leaves "E1A" in "E1A-expressing cells" unannotated); on BC2GM's training split, which
// it was not written from, 25 right and 3 wrong. BC5CDR and NCBI-disease annotate no genes.
import type { Annotation, EntityType } from '../types';
import type { Linker } from './linker';
import { SpanIndex } from '../spanIndex';
import { TYPE_BITS } from './vocabularies';
import { FULL_NAMES, fullNameTypesOf } from './vocabularyBoundaries';

const HGNC = 'G'; // vocabularies.ts's one-letter code

/** "<name> deficiency", "<name>-deficient": the name is what the disease lacks. */
const DEFICIENCY = /^(.*?)(?:\s*-\s*|\s+)deficien(?:cy|cies|t)$/i;
/** "<name>-transformed cells": what the cells carry or were treated with. */
const CELL_TREATMENT = /^(.*?)\s*-\s*(?:expressing|transformed|transfected|stimulated|costimulated|treated|producing|secreting|depleted)\b/i;
const CELLS: ReadonlySet<EntityType> = new Set(['CellLine', 'CellType']);

interface Range {
  start: number;
  end: number;
}

/** Per annotation of `annotations`, the genes named inside it (usually none). */
export function nestedGenes(text: string, annotations: readonly Annotation[], linker: Linker, index = new SpanIndex(annotations)): Annotation[][] {
  return annotations.map((a) => {
    const named = a.type === 'Disease' ? lackedGene(a, linker) : CELLS.has(a.type) ? carriedGenes(a, linker) : [];
    return named
      .filter((r) => !index.overlapping(r.start, r.end).some((j) => annotations[j].type === 'Gene'))
      .map((r) => ({ start: r.start, end: r.end, text: text.slice(r.start, r.end), type: 'Gene' as const, score: a.score }));
  });
}

/** The longest run of words before "deficiency" that names a gene ("congenital [protein C]"). */
function lackedGene(a: Annotation, linker: Linker): Range[] {
  const m = DEFICIENCY.exec(a.text);
  if (!m || !m[1]) return [];
  const name = m[1];
  for (const w of name.matchAll(/\S+/g)) {
    const candidate = name.slice(w.index);
    if (isGeneName(candidate, linker)) return [{ start: a.start + w.index!, end: a.start + name.length }];
  }
  return [];
}

/** The genes before "-transformed" and the like; "BCR/ABL" names two. */
function carriedGenes(a: Annotation, linker: Linker): Range[] {
  const m = CELL_TREATMENT.exec(a.text);
  if (!m || !m[1]) return [];
  const out: Range[] = [];
  for (const part of m[1].matchAll(/[^/]+/g)) {
    const lead = part[0].length - part[0].trimStart().length;
    const name = part[0].trim();
    if (name && isGeneName(name, linker)) out.push({ start: a.start + part.index! + lead, end: a.start + part.index! + lead + name.length });
  }
  return out;
}

/**
 * A gene's full name, and a particular one: HGNC's ("osteocalcin", "phenylalanine hydroxylase")
 * or one with a capital or a digit ("protein C", "IgA"). MeSH files "enzyme" and "protein" under
 * proteins too, but "enzyme deficiency" names no gene.
 */
function isGeneName(name: string, linker: Linker): boolean {
  if (!/^[\p{L}\p{N}]/u.test(name) || !balanced(name)) return false;
  const kb = linker.kb;
  const entries = kb.lookup(name);
  if (!(fullNameTypesOf(entries, kb) & TYPE_BITS.Gene)) return false;
  // A small molecule's name or short form too ("ADP-stimulated platelets") is not taken for a gene.
  if (entries.some((e) => (kb.conceptHeader(e.concept).typeBits & (TYPE_BITS.Chemical | TYPE_BITS.Gene)) === TYPE_BITS.Chemical)) return false;
  return /[\p{Lu}\p{N}]/u.test(name) || entries.some((e) => e.source === HGNC && FULL_NAMES.has(e.kind));
}

/** Whether every bracket `name` opens it closes ("PC )" of "protein C ( PC ) deficiency" does not). */
function balanced(name: string): boolean {
  let depth = 0;
  for (const ch of name) {
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}
