// British spellings as American ones, for dictionary lookups: the vocabularies (and so the
// model's gazetteer) mostly spell the American way, while clinicians in the UK write
// "hyperkalaemia", "haemorrhage", "oedema", "tumour". models/train/text.py `american` must
// stay identical: the trainer computes the gazetteer features with it.

/** haemorrhage → hemorrhage, oedema → edema, tumour → tumor, analyse → analyze (one word). */
export function americanSpelling(word: string): string {
  // Most words have none of the British patterns: the gazetteer asks for every word it sees.
  if (word.length < 5 || !(word.includes('ae') || word.includes('oe') || word.endsWith('our') || word.endsWith('yse') || word.endsWith('isation'))) return word;
  return word.replace(/(?:ae|oe)(?=\p{L})/gu, 'e').replace(/our$/, 'or').replace(/yse$/, 'yze').replace(/isation$/, 'ization');
}

/** Each space-separated word of `key` through americanSpelling. */
export function americanKey(key: string): string {
  return key.includes(' ') ? key.split(' ').map(americanSpelling).join(' ') : americanSpelling(key);
}
