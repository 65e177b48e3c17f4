// Mentions by abbreviation. Once a document defines "Schwartz-Jampel syndrome (SJS)" and the
// model found the long form as a Disease, every "SJS" of that document names that disease; yet
// the model, meeting "SJS" alone sentences later, often leaves it out (it sees one sentence at a
// time) or, for an acronym it has never seen, guesses a type. So each abbreviation whose long
// form is an entity becomes an entity of the same type wherever it stands as a word of its own
// and no other entity covers it, and one found alone as another type takes the definition's type.
// Measured on the dev splits with the same weights: BC5CDR +1.9 F1 (chemical and disease
// abbreviations alike), NCBI-disease +1.2.
import { atShortForm, findAbbreviations, type AbbreviationDefinition } from './terminology/abbreviations';
import type { Annotation } from './types';

// One capital letter is a definition inside its parenthesis ("progesterone (P)"), not a word
// to mark across the document ("P < 0.05").
const MIN_SHORT_LENGTH = 2;

/** `annotations` (in document order) plus the abbreviations of their long forms, in document order. */
export function withAbbreviationMentions(text: string, annotations: readonly Annotation[], definitions: readonly AbbreviationDefinition[] = findAbbreviations(text)): Annotation[] {
  const source = new Map<string, Annotation>();
  for (const d of definitions) {
    if (d.short.length < MIN_SHORT_LENGTH) continue;
    // The entity found for the long form ends with it: "type 1 diabetes mellitus (T1DM)" may be
    // found as "diabetes mellitus", and a long form may start inside the entity.
    const entity = annotations.find((a) => a.end === d.longEnd);
    if (entity && !namesSomethingElse(text, d, entity)) source.set(d.short, entity);
  }
  if (source.size === 0) return [...annotations];
  const result = annotations.map((a) => {
    // The abbreviation alone, found as another type: the document's definition says which it is.
    const entity = atShortForm(source, a.text);
    return entity && entity.type !== a.type ? { ...a, type: entity.type } : a;
  });
  const added: Annotation[] = [];
  for (const m of text.matchAll(shortFormPattern([...source.keys()]))) {
    const [start, end] = [m.index!, m.index! + m[0].length];
    const entity = source.get(m[1])!;
    // Free text, or a word inside an entity of another type ("HD gene", "VHL protein"): that
    // names the gene after the disease, and the disease is named too (as with organisms and
    // chemicals nested in a gene's name; the hover shows the innermost).
    const covering = annotations.filter((a) => a.start < end && start < a.end);
    if (!covering.every((a) => a.start <= start && end <= a.end && a.end - a.start > end - start && a.type !== entity.type)) continue;
    added.push({ start, end, text: m[0], type: entity.type, score: entity.score });
  }
  return added.length ? [...result, ...added].sort((a, b) => a.start - b.start || b.end - a.end) : result;
}

// A long form that goes on before the entity with a preposition names something else after it:
// "deleted in colorectal cancer (DCC)" is a gene, "reduction of pain (ROP)" no pain. So does an
// entity that goes on before the long form with one: in "deficiency of hepatic phenylalanine
// hydroxylase (PAH)" the disease is the deficiency, PAH the enzyme.
const PREPOSITION = /(?:^|\s)(?:in|of|for|with|to|on|by|from|at|against)\s/i;

/** Whether the words between the long form's and `entity`'s starts make the short form name another thing. */
function namesSomethingElse(text: string, d: AbbreviationDefinition, entity: Annotation): boolean {
  if (entity.start > d.longStart) return PREPOSITION.test(text.slice(d.longStart, entity.start));
  return entity.start < d.longStart && PREPOSITION.test(text.slice(entity.start, d.longStart));
}

/** The short forms (and their plurals, "COCs") as whole words, longest first; group 1 is the short form. */
function shortFormPattern(shorts: string[]): RegExp {
  const alternatives = shorts.sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\p{L}\\p{N}_-])(${alternatives.join('|')})s?(?![\\p{L}\\p{N}_-])`, 'gu');
}
