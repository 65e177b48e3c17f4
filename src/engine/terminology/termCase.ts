// Casing a preferred term for running text. Vocabularies write headings: MeSH in Title Case
// ("Myocardial Infarction"), HPO in sentence case ("Myocardial infarction"). In a sentence the
// replacement should read "myocardial infarction", yet keep "Parkinson disease", "HIV" and
// "Staphylococcus aureus". Which capitals are real is read from the concept's other names: DO
// writes lower case except proper nouns, and a capital in the middle of any name is meant.
import { TYPE_BITS } from './vocabularies';
import type { ConceptRecord } from './vocabFormat';

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const isAcronym = (w: string) => /\p{Lu}.*\p{Lu}|\p{N}/u.test(w);
const isCapitalised = (w: string) => /^\p{Lu}[\p{Ll}'’]+$/u.test(w);

export function naturalCase(label: string, record: ConceptRecord, written: string): string {
  // Binomial names keep their capital genus: "Escherichia coli".
  if (record.typeBits & TYPE_BITS.Species) return label;
  const keepCapital = properWords(record);
  let cased = label.replace(WORD, (w) => (isCapitalised(w) && !keepCapital.has(baseWord(w)) ? w.toLowerCase() : w));
  if (/^\p{Lu}\p{Ll}/u.test(written)) cased = cased.charAt(0).toUpperCase() + cased.slice(1);
  return cased;
}

/** Words some other name of the concept capitalises where it need not (mid-name, or in DO). */
function properWords(record: ConceptRecord): Set<string> {
  const proper = new Set<string>();
  const names = [
    ...record.labels.map((text, i) => ({ text, anywhere: record.ids[i]?.startsWith('DOID:') })),
    ...record.synonyms.map((s) => ({ text: s.text, anywhere: false })),
  ];
  for (const { text, anywhere } of names) {
    const words = text.match(WORD) ?? [];
    // A name in Title Case proves nothing: all its words are capitalised by convention.
    if (words.length > 1 && words.every((w) => !/^\p{Ll}/u.test(w))) continue;
    words.forEach((w, i) => {
      if ((i > 0 || anywhere) && isCapitalised(w) && !isAcronym(w)) proper.add(baseWord(w));
    });
  }
  return proper;
}

/** "Parkinson's" and "Parkinson" are the same proper noun. */
function baseWord(w: string): string {
  return w.replace(/['’]s$/u, '');
}
