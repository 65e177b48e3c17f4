// Findings a clinical note lists after a negation or a complaint: "Denies haemoptysis, night
// sweats or weight loss.", "No hemoptysis.", "No chest pain, no palpitations, no syncope.", "Pt c/o
// SOB and productive cough", "reports improved breathlessness". The model learnt diseases from
// abstracts, where they sit in full sentences; it finds "haemoptysis" in "The patient denies
// haemoptysis" and misses it in the telegraphic "Denies haemoptysis" or "No hemoptysis." at a line
// start. What follows a negation that opens a clause (NegEx's "no", "denies", "negative for", "no
// evidence of"...) or a complaint anywhere ("c/o", "complains of", "presented with", "reports",
// "history of") is a list of findings: each item that is, whole, a term the model's gazetteer lists
// as a disease is a Disease, after at most one word of severity or course ("mild", "improved"). The
// list ends at the first item that is not one (or that more words follow: "no increase in blood
// pressure" adds nothing).
//
// As for drugs found by their dose (dosedDrugs.ts), the list says the word is an entity and the
// model says which type: the score is its probability of the Disease labels among all entity
// labels at the first word, so the editor's confidence filter treats it like the rest.
import type { BertWord } from './bertWords';
import type { Gazetteer } from './gazetteer';
import { typeShare, type LabelScheme } from './labels';
import type { LabelledSpan } from './viterbi';

// Negations that open a list of findings at a clause's start, as word sequences (BertWord.norm:
// lower case), and complaints that open one anywhere.
const NEGATIONS = [['no'], ['denies'], ['denied'], ['deny'], ['denying'], ['without'], ['nor'], ['negative', 'for'], ['free', 'of']];
const COMPLAINTS = [
  ['c', '/', 'o'], ['complains', 'of'], ['complaining', 'of'], ['complained', 'of'], ['presents', 'with'], ['presented', 'with'],
  ['presenting', 'with'], ['admitted', 'with'], ['reports'], ['reported'], ['reporting'], ['history', 'of'], ['hx', 'of'],
];
// One word of severity or course an item may start with, outside the finding's name.
const MODIFIERS = new Set(['mild', 'moderate', 'severe', 'worsening', 'worse', 'improved', 'improving', 'new', 'intermittent', 'occasional', 'persistent', 'ongoing', 'some', 'slight']);
// What may come between "no" and the findings: "no evidence of", "no history of".
const AFTER_NO = [['evidence', 'of'], ['history', 'of'], ['signs', 'of'], ['sign', 'of'], ['symptoms', 'of'], ['complaints', 'of']];
// What a clause starts after: a sentence start, a line break or one of these.
const CLAUSE_BREAKS = new Set([',', ';', ':', '(', '.', '-', '*', '•']);
// Between two items.
const SEPARATORS = new Set([',', 'or', 'and', 'nor', 'no', '/']);
// What may follow an item.
const ITEM_ENDS = new Set([',', ';', '.', 'or', 'and', 'nor', '(', ')', ':', '/', '!', '?']);

/**
 * The spans of one sentence (in order) with a Disease span added for each finding of a negated
 * or complained-of clinical list that no span covers.
 */
export function withListedFindings(text: string, words: readonly BertWord[], spans: readonly LabelledSpan[], scheme: LabelScheme, gazetteer: Gazetteer, diseaseBit: number, emissions: Float32Array): LabelledSpan[] {
  const label = scheme.labels.indexOf('B-Disease');
  if (label < 0 || !diseaseBit) return [...spans];
  const n = words.length;
  const coveredTo = new Int32Array(n).fill(-1); // per word, the last word of the span covering it
  for (const s of spans) coveredTo.fill(s.lastWord, s.firstWord, s.lastWord + 1);
  const phraseAt = (phrases: string[][], w: number) => phrases.find((p) => p.every((word, k) => words[w + k]?.norm === word))?.length ?? 0;
  const opensClause = (w: number) => w === 0 || CLAUSE_BREAKS.has(words[w - 1].norm) || text.slice(words[w - 1].end, words[w].start).includes('\n');
  const added: LabelledSpan[] = [];
  for (let w = 0; w < n; w++) {
    const trigger = (opensClause(w) ? phraseAt(NEGATIONS, w) : 0) || phraseAt(COMPLAINTS, w);
    if (!trigger) continue;
    let i = w + trigger;
    if (words[w].norm === 'no') i += phraseAt(AFTER_NO, i);
    while (i < n) {
      if (coveredTo[i] >= 0) {
        i = coveredTo[i] + 1; // an entity the model found is an item already
      } else {
        if (MODIFIERS.has(words[i].norm) && i + 1 < n && coveredTo[i + 1] < 0 && !gazetteer.termLength(words, i, n, diseaseBit)) i++;
        const length = gazetteer.termLength(words, i, n, diseaseBit);
        if (!length || (i + length < n && !ITEM_ENDS.has(words[i + length].norm))) break;
        // A term that takes in an entity the model found ("chronic" before its "urticaria") is
        // the model's to bound.
        if (coveredTo.subarray(i, i + length).some((c) => c >= 0)) break;
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
