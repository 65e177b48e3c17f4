// Clinical abbreviations a note writes bare. The model learnt abbreviations from abstracts, which
// define one before using it ("deep vein thrombosis (DVT)"); nothing defines them in "Hx of DVT
// and CVA", "EtOH 3 drinks/day" or "PMH: T2DM", and the model finds some ("HTN", "COPD") and
// misses others ("DVT", "CVA", "T2DM", "EtOH"). Each abbreviation of the curated clinical list
// (scripts/vocab/clinical-abbreviations.tsv), written as the list writes it (a plural "s" allowed)
// as a word of its own that no entity covers, is an entity of the list's type, except:
//   - one the list says commonly means something else too ("PE", "CP", "MS");
//   - a class of drugs ("NSAID", "PPI"), which the corpora annotate only now and then (BC5CDR's
//     dev split writes "NSAID" without an annotation 11 times);
//   - a gene or protein (left to the model, which knows them);
//   - one the document defines itself: it means what the document says, and the abbreviation
//     layer finds it wherever the model found its long form;
//   - one in an address or code;
//   - a disease's with an amount and unit right after it: "VT 450 mL" is a ventilator's tidal volume.
// On BC5CDR's and NCBI-disease's dev splits the list's abbreviations the gold leaves bare are
// those classes: its diseases and drugs ("CHF", "ESRD", "5-FU", "CsA") are annotated wherever
// an abstract writes them.
import { doseAfter } from '../dosedDrugs';
import { nonProseRanges } from '../nonProse';
import { SpanIndex } from '../spanIndex';
import type { Annotation, EntityType } from '../types';
import type { AbbreviationDefinition } from './abbreviations';
import type { KnowledgeBase, WrittenAbbreviation } from './knowledgeBase';

// Vouched for by a hand-made list, not by the model's probabilities: above the editor's default
// confidence filter, below a confident model mention.
export const CURATED_MENTION_SCORE = 0.8;
const FOUND_TYPES: ReadonlySet<EntityType> = new Set(['Disease', 'Chemical', 'Species']);

interface Pattern {
  regex: RegExp;
  byWritten: Map<string, WrittenAbbreviation>;
}
const patterns = new WeakMap<KnowledgeBase, Pattern | null>();

/**
 * The curated clinical abbreviations of `text` that `annotations` do not cover (see above), as
 * entities of their own; `definitions` are the document's abbreviation definitions.
 */
export function curatedAbbreviationMentions(text: string, annotations: readonly Annotation[], kb: KnowledgeBase, definitions: readonly AbbreviationDefinition[]): Annotation[] {
  const pattern = patternOf(kb);
  if (!pattern) return [];
  const defined = new Set(definitions.map((d) => d.short));
  let index: SpanIndex | undefined;
  let nonProse: ReturnType<typeof nonProseRanges> | undefined;
  const added: Annotation[] = [];
  for (const m of text.matchAll(pattern.regex)) {
    const written = m[1];
    const start = m.index!;
    const end = start + m[0].length;
    if (defined.has(written)) continue;
    index ??= new SpanIndex(annotations);
    if (index.overlapping(start, end).length) continue;
    nonProse ??= nonProseRanges(text);
    if (nonProse.some((r) => r.start < end && start < r.end)) continue;
    const type = pattern.byWritten.get(written)!.type;
    if (type === 'Disease' && doseAfter(text, end)) continue;
    added.push({ start, end, text: m[0], type, score: CURATED_MENTION_SCORE });
  }
  return added;
}

/** `annotations` and the curated abbreviations they leave out (see above), in document order. */
export function withCuratedAbbreviationMentions(text: string, annotations: Annotation[], kb: KnowledgeBase, definitions: readonly AbbreviationDefinition[]): Annotation[] {
  const added = curatedAbbreviationMentions(text, annotations, kb, definitions);
  return added.length ? [...annotations, ...added].sort((a, b) => a.start - b.start || b.end - a.end) : annotations;
}

function patternOf(kb: KnowledgeBase): Pattern | null {
  let pattern = patterns.get(kb);
  if (pattern !== undefined) return pattern;
  const all = kb.writtenAbbreviations();
  // A short form another line of the list gives another sense stays out with it.
  const unsure = new Set(all.filter((a) => a.ambiguous || a.drugClass || !FOUND_TYPES.has(a.type)).map((a) => a.written));
  const byWritten = new Map(all.filter((a) => !unsure.has(a.written)).map((a) => [a.written, a]));
  if (!byWritten.size) {
    patterns.set(kb, null);
    return null;
  }
  const alternatives = [...byWritten.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // A plural "s" only after a capital ("DVTs", "UTIs"); not inside a longer word, a hyphenated
  // name ("anti-CMV"), an identifier (snake_case) or a path.
  pattern = { regex: new RegExp(`(?<![\\p{L}\\p{N}_\\-.])(${alternatives.join('|')})(?:(?<=\\p{Lu})s)?(?![\\p{L}\\p{N}_\\-])`, 'gu'), byWritten };
  patterns.set(kb, pattern);
  return pattern;
}
