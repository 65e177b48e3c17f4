// Drug-induced conditions. MeSH (and DO) keep a separate concept for the drug-induced form of
// several conditions: Dyskinesia, Drug-Induced; Psychoses, Substance-Induced; Chemical and Drug
// Induced Liver Injury; Akathisia, Drug-Induced. Authors rarely write the concept's name: they
// write "levodopa-induced dyskinesia" once and "dyskinesia" afterwards. So, per document:
//   1. a Disease mention the text says a chemical induced ("haloperidol-induced akathisia",
//      "hepatitis induced by halothane", "drug-induced psychosis", "dilevalol-associated
//      hepatitis", or the chemical's name right before it: "halothane hepatitis") links to the
//      drug-induced form of its concept, when the vocabulary has one;
//   2. the document's other mentions of that same concept are the same condition (one sense per
//      discourse) and follow it.
// What induced it must be a chemical (an annotated Chemical, or a name the vocabulary types as
// a chemical, or "drug"/"medication"/"substance"): "exercise-induced asthma" and
// "noise-induced hearing loss" keep their own concepts.
import type { Annotation } from '../types';
import type { Linker, LinkResult } from './linker';

// "<inducer>-induced " or "<inducer> induced " right before the mention (the inducer's last word).
const INDUCED_BEFORE = /([\p{L}\p{N}][\p{L}\p{N}'-]*?)[-\s](?:induced|associated|related)\s+$/diu;
// An annotated chemical ending just before the mention names its cause ("halothane hepatitis").
const ADJACENT = /^[\s-]$/;
// " induced by <inducer>" right after the mention.
const INDUCED_AFTER = /^\s+(?:induced|caused|provoked|precipitated)\s+by\s+([\p{L}\p{N}][\p{L}\p{N}'-]*)/diu;
// "induced" inside the mention itself, when the model's span included the inducer.
const INDUCED_INSIDE = /^(.+?)[-\s]induced\s+(.+)$/iu;
const GENERIC_INDUCERS = /^(?:drugs?|medications?|medicines?|substances?|chemicals?|chemically|toxins?|agents?)$/i;
const CONTEXT = 80;

/**
 * The links of a document's annotations after the drug-induced rule: `links[i]` is the link
 * already chosen for `annotations[i]`; the result replaces some of them.
 */
export function applyDrugInduced(linker: Linker, text: string, annotations: Annotation[], links: (LinkResult | undefined)[]): (LinkResult | undefined)[] {
  const chemicalEnds = new Set(annotations.filter((a) => a.type === 'Chemical').map((a) => a.end));
  const chemicalStarts = new Set(annotations.filter((a) => a.type === 'Chemical').map((a) => a.start));
  const induced = new Map<number, LinkResult>(); // base concept → its drug-induced form
  const result = [...links];
  annotations.forEach((a, i) => {
    const base = links[i];
    if (a.type !== 'Disease' || !base) return;
    const inside = INDUCED_INSIDE.exec(a.text);
    const saysInduced = inside
      ? isChemical(linker, inside[1].split(/\s+/).pop()!, chemicalStarts.has(a.start))
      : inducedBefore(linker, text, a, chemicalEnds) || inducedAfter(linker, text, a, chemicalStarts);
    if (!saysInduced) return;
    const form = induced.get(base.concept) ?? linker.drugInducedForm(base.concept, inside ? inside[2] : a.text);
    if (!form) return;
    induced.set(base.concept, form);
    result[i] = form;
  });
  if (!induced.size) return result;
  annotations.forEach((a, i) => {
    const base = links[i];
    const form = base && a.type === 'Disease' ? induced.get(base.concept) : undefined;
    if (form && base && result[i] === base) result[i] = { ...form, method: base.method, score: Math.min(base.score, form.score) };
  });
  return result;
}

function inducedBefore(linker: Linker, text: string, a: Annotation, chemicalEnds: Set<number>): boolean {
  if (chemicalEnds.has(a.start - 1) && ADJACENT.test(text[a.start - 1])) return true;
  const before = text.slice(Math.max(0, a.start - CONTEXT), a.start);
  const match = INDUCED_BEFORE.exec(before);
  if (!match) return false;
  const inducerEnd = a.start - before.length + match.indices![1][1];
  return chemicalEnds.has(inducerEnd) || isChemical(linker, match[1], false);
}

function inducedAfter(linker: Linker, text: string, a: Annotation, chemicalStarts: Set<number>): boolean {
  const after = text.slice(a.end, a.end + CONTEXT);
  const match = INDUCED_AFTER.exec(after);
  if (!match) return false;
  return chemicalStarts.has(a.end + match.indices![1][0]) || isChemical(linker, match[1], false);
}

function isChemical(linker: Linker, inducer: string, annotated: boolean): boolean {
  if (annotated || GENERIC_INDUCERS.test(inducer.trim())) return true;
  return linker.isChemicalName(inducer);
}
