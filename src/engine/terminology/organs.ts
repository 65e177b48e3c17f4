// Relational adjectives and the organ or faculty they stand for. Authors write "cerebral
// damage", "visual deficits", "myocardial hypertrophy", "marrow toxicity"; vocabularies name the
// organ with a noun ("Brain Diseases", "Vision Disorders", "Cardiac Hypertrophy" as an entry of
// Cardiomegaly, "Bone Marrow Diseases") and, for some, the other way round ("vein thrombosis"
// is listed as "Venous Thrombosis"). Each word maps to the forms to try in its place, commonest
// first. The table is anatomy and faculties only: a general adjective ("severe", "acute") never
// changes which concept a mention names, so it has no entry.
const RELATIONAL: Record<string, string[]> = {
  cerebral: ['brain'], renal: ['kidney'], hepatic: ['liver'], cardiac: ['heart'], myocardial: ['heart', 'cardiac'],
  pulmonary: ['lung'], gastric: ['stomach'], visual: ['vision'], ocular: ['eye'], auditory: ['hearing'],
  neuronal: ['nerve', 'neuron'], neural: ['nerve'], neurological: ['nervous system'], neurologic: ['nervous system'],
  glomerular: ['kidney glomerulus', 'kidney'], tubular: ['kidney tubule', 'kidney'], marrow: ['bone marrow'],
  venous: ['vein'], vein: ['venous'], arterial: ['artery'], artery: ['arterial'], cutaneous: ['skin'], dermal: ['skin'],
  muscular: ['muscle'], muscle: ['muscular'], hippocampal: ['hippocampus', 'brain'], intestinal: ['intestine'],
  biliary: ['bile duct'], pancreatic: ['pancreas'], splenic: ['spleen'], ovarian: ['ovary'], testicular: ['testis'],
  uterine: ['uterus'], mammary: ['breast'], oral: ['mouth'], dental: ['tooth'], nasal: ['nose'], spinal: ['spinal cord'],
  retinal: ['retina'], corneal: ['cornea'], skeletal: ['bone'], osseous: ['bone'], articular: ['joint'],
  esophageal: ['esophagus'], colonic: ['colon'], rectal: ['rectum'], prostate: ['prostatic'], bladder: ['urinary bladder'],
  urinary: ['urinary bladder', 'urologic'], thyroidal: ['thyroid'], adrenal: ['adrenal gland'],
};

/** Keys with one relational adjective turned into its organ noun (or back), in table order. */
export function organRewrites(key: string): string[] {
  const words = key.split(' ');
  const keys: string[] = [];
  words.forEach((word, i) => {
    for (const replacement of RELATIONAL[word] ?? []) {
      // "bone marrow toxicity" already names the organ in full.
      if (replacement.endsWith(` ${word}`) && words[i - 1] === replacement.split(' ')[0]) continue;
      keys.push([...words.slice(0, i), replacement, ...words.slice(i + 1)].join(' '));
    }
  });
  return keys;
}

/** Whether `word` (lower case) is one of the table's adjectives, which name an organ, never a condition. */
export function isOrganAdjective(word: string): boolean {
  return word in RELATIONAL && /(?:al|ic|ac|ar|ary|an|ine)$/.test(word);
}
