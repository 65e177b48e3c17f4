// Findings a clinical note lists as absent: "Denies haemoptysis, night sweats or weight loss.",
// "No hemoptysis.", "No chest pain, no palpitations, no syncope." The model learnt diseases from
// abstracts, where they sit in full sentences; it finds "haemoptysis" in "The patient denies
// haemoptysis" and misses it in the telegraphic "Denies haemoptysis" or "No hemoptysis." at a line
// start. A negation that opens a clause (NegEx's "no", "denies", "negative for", "no evidence
// of"...) is followed by the findings it negates: each item of the list after it that is, whole,
// a term the model's gazetteer lists as a disease is a Disease. The list ends at the first item
// that is not one (or that more words follow: "no increase in blood pressure" adds nothing).
//
// As for drugs found by their dose (dosedDrugs.ts), the list says the word is an entity and the
// model says which type: the score is its probability of the Disease labels among all entity
// labels at the first word, so the editor's confidence filter treats it like the rest.
import type { BertWord } from './bertWords';
import type { Gazetteer } from './gazetteer';
import { typeShare, type LabelScheme } from './labels';
import type { LabelledSpan } from './viterbi';

// Negations that open a list of findings, as word sequences (BertWord.norm: lower case).
const TRIGGERS = [['no'], ['denies'], ['denied'], ['deny'], ['denying'], ['without'], ['nor'], ['negative', 'for'], ['free', 'of']];
// What may come between "no" and the findings: "no evidence of", "no history of".
const AFTER_NO = [['evidence', 'of'], ['history', 'of'], ['signs', 'of'], ['sign', 'of'], ['symptoms', 'of'], ['complaints', 'of']];
// What a clause starts after: a sentence start, a line break or one of these.
const CLAUSE_BREAKS = new Set([',', ';', ':', '(', '.', '-', '*', '•']);
// Between two items.
const SEPARATORS = new Set([',', 'or', 'and', 'nor', 'no', '/']);
// What may follow an item.
const ITEM_ENDS = new Set([',', ';', '.', 'or', 'and', 'nor', ')', ':', '/', '!', '?']);

/**
 * The spans of one sentence (in order) with a Disease span added for each finding of a negated
 * clinical list that no span covers.
 */
export function withNegatedFindings(text: string, words: readonly BertWord[], spans: readonly LabelledSpan[], scheme: LabelScheme, gazetteer: Gazetteer, diseaseBit: number, emissions: Float32Array): LabelledSpan[] {
  const label = scheme.labels.indexOf('B-Disease');
  if (label < 0 || !diseaseBit) return [...spans];
  const n = words.length;
  const coveredTo = new Int32Array(n).fill(-1); // per word, the last word of the span covering it
  for (const s of spans) coveredTo.fill(s.lastWord, s.firstWord, s.lastWord + 1);
  const phraseAt = (phrases: string[][], w: number) => phrases.find((p) => p.every((word, k) => words[w + k]?.norm === word))?.length ?? 0;
  const opensClause = (w: number) => w === 0 || CLAUSE_BREAKS.has(words[w - 1].norm) || text.slice(words[w - 1].end, words[w].start).includes('\n');
  const added: LabelledSpan[] = [];
  for (let w = 0; w < n; w++) {
    const trigger = opensClause(w) ? phraseAt(TRIGGERS, w) : 0;
    if (!trigger) continue;
    let i = w + trigger;
    if (words[w].norm === 'no') i += phraseAt(AFTER_NO, i);
    while (i < n) {
      if (coveredTo[i] >= 0) {
        i = coveredTo[i] + 1; // an entity the model found is an item already
      } else {
        const length = gazetteer.termLength(words, i, n, diseaseBit);
        if (!length || (i + length < n && !ITEM_ENDS.has(words[i + length].norm))) break;
        added.push({ firstWord: i, lastWord: i + length - 1, label, score: typeShare(emissions, i * scheme.labels.length, scheme, 'Disease') });
        coveredTo.fill(i + length - 1, i, i + length);
        i += length;
      }
      const itemEnd = i;
      while (i < n && SEPARATORS.has(words[i].norm)) i++;
      if (i === itemEnd) break;
    }
    w = Math.max(w, i - 1);
  }
  return added.length ? [...spans, ...added].sort((a, b) => a.firstWord - b.firstWord) : [...spans];
}
