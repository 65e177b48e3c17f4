// Adjective → noun variants of a key's last word, for mentions that name a condition by its
// adjective: "nephrotoxic" (nephrotoxicity), "psychotic" (psychosis), "convulsive"
// (convulsion), "ischemic" (ischemia), "parkinsonian" (parkinsonism), "syncopal" (syncope),
// "anginal" (angina), "edematous" (edema), "painful" (pain). Vocabularies list nouns; authors
// write both. Only the last word changes: it is the head of an English noun phrase.

const RULES: [RegExp, string[]][] = [
  [/toxic$/, ['toxicity']],
  [/genic$/, ['genesis', 'genicity']],
  [/ptic$/, ['psy', 'psis']],
  [/etic$/, ['esia', 'ete', 'esis']], // keys are singular: "diabetes" is "diabete"
  [/otic$/, ['osis']],
  [/matic$/, ['ma']],
  [/atic$/, ['asis']],
  [/ic$/, ['ia', 'y', 'ism']],
  [/ive$/, ['ion']],
  [/ian$/, ['ism', '']],
  [/atous$/, ['a']],
  [/ous$/, ['', 'osis']],
  [/ful$/, ['']],
  [/al$/, ['e', 'a']],
];

/** Keys with the last word turned from adjective to candidate nouns, most specific rule first. */
export function nounVariants(key: string): string[] {
  const space = key.lastIndexOf(' ');
  const head = key.slice(space + 1);
  const rule = RULES.find(([suffix]) => suffix.test(head));
  if (!rule || head.length < 5) return [];
  const [suffix, endings] = rule;
  const stem = head.replace(suffix, '');
  return endings.map((ending) => `${key.slice(0, space + 1)}${stem}${ending}`).filter((k) => k !== key);
}

// An acid's amide written as two words ("nicotinic acid amide", "benzoic acid amide"): chemists
// and vocabularies name it in one, the acid's -ic or -oic turned into -amide ("nicotinamide",
// "benzamide").
const ACID_AMIDE = /^(.+?)o?ic acid amide$/;

/** "nicotinic acid amide" → "nicotinamide" (see ACID_AMIDE); [] for any other key. */
export function amideVariants(key: string): string[] {
  const m = ACID_AMIDE.exec(key);
  return m ? [`${m[1]}amide`] : [];
}
