// Casing a preferred term for running text. Vocabularies write headings: MeSH in Title Case
// and inverted ("Ischemic Attack, Transient"), HPO in sentence case ("Myocardial infarction").
// In a sentence the replacement should read "transient ischemic attack", yet keep "Parkinson
// disease" and "HIV". Which capitals are real is read from the labels of the vocabularies that
// write lower case: DO and ChEBI capitalise only proper nouns, HPO only those and the first word.
import { TYPE_BITS } from './vocabularies';
import type { ConceptRecord } from './vocabFormat';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const isAcronym = (w: string) => /\p{Lu}.*\p{Lu}|\p{N}/u.test(w);
const isCapitalised = (w: string) => /^\p{Lu}[\p{Ll}'’]+$/u.test(w);

/** `label` as it reads in running text; capitalised when it starts a sentence. */
export function naturalCase(label: string, record: ConceptRecord, sentenceStart: boolean): string {
  const text = uninverted(label);
  // Binomial names keep their capital genus: "Escherichia coli".
  if (record.typeBits & TYPE_BITS.Species) return text;
  const keepCapital = properWords(record);
  let cased = text.replace(WORD, (w) => (isCapitalised(w) && !keepCapital.has(baseWord(w)) ? w.toLowerCase() : w));
  if (sentenceStart) cased = cased.charAt(0).toUpperCase() + cased.slice(1);
  return cased;
}

/** MeSH's inverted headings in reading order: "Kidney Failure, Chronic" → "Chronic Kidney Failure". */
export function uninverted(label: string): string {
  return label.includes(', ') ? label.split(', ').reverse().join(' ') : label;
}

/** Capitalised words that lower-case vocabularies keep capitalised: proper nouns. */
function properWords(record: ConceptRecord): Set<string> {
  const proper = new Set<string>();
  record.labels.forEach((label, i) => {
    const id = record.ids[i] ?? '';
    const fromStart = id.startsWith('DOID:') || id.startsWith('CHEBI:');
    if (!fromStart && !id.startsWith('HP:')) return;
    (label.match(WORD) ?? []).forEach((w, k) => {
      if ((k > 0 || fromStart) && isCapitalised(w) && !isAcronym(w)) proper.add(baseWord(w));
    });
  });
  return proper;
}

/** "Parkinson's" and "Parkinson" are the same proper noun. */
function baseWord(w: string): string {
  return w.replace(/['’]s$/u, '');
}
