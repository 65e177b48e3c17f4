// Drugs named with a dose, or by their stem: "Apixaban 5 mg twice daily", "Sacubitril/valsartan
// 49/51 mg", "empagliflozin reduced hospitalisation". The model learnt chemicals from abstracts,
// where a drug is named in a sentence; a medication list gives it a capitalised word at a line
// start and a dose, and it has left "Apixaban 5 mg" of a clinical note's list untagged while
// finding "apixaban" in the prose below. A word the model's gazetteer lists as a chemical (or that
// ends in a drug stem, drugStems.ts), followed by an amount and a unit of dose, is a Chemical: the
// dose says what kind of word it is. Drugs joined by "/" before one dose ("sacubitril/valsartan")
// are each a Chemical. So is a word with a drug stem without a dose: the model finds every such
// word of BC5CDR's dev split, yet missed "empagliflozin" and "olaparib" in notes.
//
// A word any other span of the model covers keeps what the model said. The dose
// says the word is part of an entity; the model says which type: the score is its probability of
// the Chemical labels (B- or I-) among all entity labels there ("Apixaban 5 mg": O 0.86, and of
// the rest, 0.46 chemical, 0.33 species), so the editor's confidence filter treats it like the rest.
import type { BertWord } from './bertWords';
import { isDrugName, isStemmedDrugName } from './drugStems';
import type { Gazetteer } from './gazetteer';
import { typeShare, type LabelScheme } from './labels';
import type { LabelledSpan } from './viterbi';

// An amount ("5", "12.5", "49/51", "0,5") and a unit of dose right after it, as a word of its own.
const DOSE = String.raw`\d+(?:[.,]\d+)?(?:\s*\/\s*\d+(?:[.,]\d+)?)?\s*(?:mg|mcg|µg|μg|ug|g|kg|ng|ml|mL|L|IU|iu|units?|mmol|mEq|meq|micrograms?|milligrams?|grams?|puffs?|tablets?|drops?)(?![\p{L}\p{N}])`;
const DOSE_AFTER = new RegExp(String.raw`^\s*${DOSE}`, 'u');
const DOSE_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}.,])${DOSE}\s*$`, 'u');
const DOSE_REACH = 24; // characters an amount and its unit may span

/** Whether a dose follows offset `end` of `text` ("MS 10 mg", "VT 450 mL"). */
export function doseAfter(text: string, end: number): boolean {
  return DOSE_AFTER.test(text.slice(end, end + DOSE_REACH));
}

/** Whether a dose comes right before offset `start` of `text` ("amlodipine 5 mg OD"). */
export function doseBefore(text: string, start: number): boolean {
  return DOSE_BEFORE.test(text.slice(Math.max(0, start - DOSE_REACH), start));
}

/**
 * The spans of one sentence (in order) with a Chemical span added for each drug name a dose
 * follows and no span covers, and a Chemical span the model found over exactly such a name scored
 * so too if that is higher ("Metformin 500 mg", which the model found at 0.29).
 */
export function withDosedDrugs(text: string, words: readonly BertWord[], spans: readonly LabelledSpan[], scheme: LabelScheme, gazetteer: Gazetteer, chemicalBit: number, emissions: Float32Array): LabelledSpan[] {
  const label = scheme.labels.indexOf('B-Chemical');
  if (label < 0) return [...spans];
  const covered = new Uint8Array(words.length);
  for (const s of spans) covered.fill(1, s.firstWord, s.lastWord + 1);
  // Words in the drug name starting at w: the gazetteer's longest chemical term ("insulin
  // glargine"), else one word with a drug stem; 0 when none.
  const drugLength = (w: number) => {
    if (!/^\p{L}{4,}$/u.test(words[w].norm)) return 0;
    return gazetteer.termLength(words, w, words.length, chemicalBit) || (isDrugName(words[w].norm) ? 1 : 0);
  };
  const result = [...spans];
  const L = scheme.labels.length;
  const add = (first: number, last: number) => {
    const score = typeShare(emissions, first * L, scheme, 'Chemical');
    const same = result.findIndex((s) => s.firstWord === first && s.lastWord === last && scheme.typeOf[s.label] === 'Chemical');
    if (same >= 0) result[same] = { ...result[same], score: Math.max(result[same].score, score) };
    else if (!covered.subarray(first, last + 1).some((c) => c)) result.push({ firstWord: first, lastWord: last, label, score });
  };
  for (let w = 0; w < words.length; w++) {
    const n = drugLength(w);
    if (!n) continue;
    if (!doseAfter(text, words[w + n - 1].end)) {
      // Without a dose, a word with a drug stem is a drug all the same ("empagliflozin reduced
      // hospitalisation", "olaparib considered if progression"): the stem is as telling as a dose.
      if (!covered[w] && isStemmedDrugName(words[w].norm)) add(w, w);
      continue;
    }
    add(w, w + n - 1);
    // Back over "/"-joined one-word drugs: "sacubitril / valsartan 49/51 mg".
    for (let k = w; k >= 2 && words[k - 1].norm === '/' && words[k - 1].start === words[k - 2].end && drugLength(k - 2) === 1; k -= 2) add(k - 2, k - 2);
    w += n - 1;
  }
  return result.sort((a, b) => a.firstWord - b.firstWord);
}
