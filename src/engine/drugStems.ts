// International Nonproprietary Name stems that mark a small-molecule drug: "osimertinib",
// "olaparib", "valsartan". Next to gene symbols ("EGFR", "MET inhibitor") the model sometimes
// types such a name as a gene; the stem says otherwise. Only stems no gene or protein name ends
// with: not "-statin" (somatostatin, cystatin) nor "-mab" (antibodies are proteins).
const STEMS = [
  'tinib', 'ciclib', 'parib', 'rafenib', 'zomib', 'limus', 'platin', 'taxel', 'rubicin', 'floxacin', 'sartan',
  'pril', 'olol', 'vastatin', 'navir', 'dipine', 'prazole', 'setron', 'triptan', 'gliptin', 'gliflozin', 'xaban',
  'gatran', 'tril', 'lukast', 'dronate', 'tecan', 'citabine', 'oxetine', 'azepam',
];
const DRUG_NAME = new RegExp(`^\\p{L}{2,}(?:${STEMS.join('|')})$`, 'iu');

/** One word that ends in a small-molecule drug stem ("gefitinib", "Ramipril"). */
export function isDrugName(word: string): boolean {
  return DRUG_NAME.test(word);
}

// A stem that ends an English word too ("nostril"): telling only beside a dose.
const ENGLISH_ENDING = /tril$/i;

/** One word that ends in a drug stem no English word ends with: a drug even without a dose. */
export function isStemmedDrugName(word: string): boolean {
  return isDrugName(word) && !ENGLISH_ENDING.test(word);
}
