// Standardisation suggestions: when a mention is a non-preferred form of its concept — a lay
// term, an abbreviation (defined in the document, or unambiguous), a trade name, an outdated
// or inverted name, a variant spelling — propose the preferred term, with the reason.
//
// Conservative on purpose: a suggestion people learn to ignore is worse than none. Nothing is
// suggested for a preferred name of any merged vocabulary, for plain synonyms (a vocabulary
// listing a synonym does not make it wrong), for fuzzy matches, for ambiguous names, for an
// abbreviation that is ambiguous or not written as one, inside code or URLs, or for an ignored
// term or concept.
import type { Annotation, Suggestion } from '../types';
import type { AbbreviationDefinition } from './abbreviations';
import { DEFAULT_VOCABULARY_ORDER, leadingMember } from './concepts';
import type { KnowledgeBase } from './knowledgeBase';
import type { LinkResult } from './linker';
import { normalizeTerm } from './normalize';
import { overlapsAny } from '../nonProse';
import type { TextRange } from '../sentences';
import { naturalCase } from './termCase';
import { TYPE_BITS, vocabularyOf } from './vocabularies';
import type { ConceptRecord, NameKind } from './vocabFormat';

export interface SuggesterOptions {
  /** Vocabulary order for the replacement term (default MeSH first). */
  preferredVocabularies?: string[];
  /**
   * True when the user chose the order: then it decides every replacement. Otherwise a lay term
   * is replaced by the label of the vocabulary that calls it lay (HPO: "swallowing difficulty"
   * is its lay term for Dysphagia, which MeSH files under Deglutition Disorders).
   */
  userChoseVocabularies?: boolean;
  /** Terms (as written, compared after normalisation) or concept ids that never get a suggestion. */
  ignore?: string[];
}

export interface DocumentFacts {
  text: string;
  definitions: AbbreviationDefinition[];
  protectedRanges: TextRange[];
}

// The kinds of name that are a reason to standardise, strongest first, with their reason.
const REASONS: [NameKind, string][] = [
  ['obsolete', 'outdated synonym of'],
  ['previous', 'previous name of'],
  ['lay', 'lay term for'],
  ['trade', 'trade name of'],
  ['abbreviation', 'abbreviation of'],
  ['inverted', 'inverted form of'],
  ['variant', 'non-preferred variant of'],
  ['spelling', 'variant spelling of'],
];
// A name that some vocabulary lists as current is not outdated, whatever another says.
const CURRENT: NameKind[] = ['preferred', 'exact'];
const ABBREVIATION_LIKE = /\p{Lu}.*\p{Lu}|\p{Lu}.*\p{N}|\p{N}.*\p{Lu}/u;

export class Suggester {
  private readonly order: string[];
  private readonly userChose: boolean;
  private readonly ignored: Set<string>;

  constructor(private readonly kb: KnowledgeBase, opts: SuggesterOptions = {}) {
    this.order = opts.preferredVocabularies ?? DEFAULT_VOCABULARY_ORDER;
    this.userChose = opts.userChoseVocabularies ?? false;
    this.ignored = new Set((opts.ignore ?? []).flatMap((t) => [t.toUpperCase(), normalizeTerm(t)]));
  }

  suggest(annotation: Annotation, link: LinkResult, doc: DocumentFacts): Suggestion | undefined {
    if (link.method === 'fuzzy' || link.method === 'partial') return undefined;
    if (overlapsAny(doc.protectedRanges, annotation.start, annotation.end)) return undefined;
    const record = this.kb.concept(link.concept);
    if (this.isIgnored(annotation.text, record)) return undefined;
    const conceptId = record.ids[leadingMember(record, this.order)];
    const sentenceStart = startsSentence(doc.text, annotation.start);
    if (link.method === 'abbreviation') {
      // Expanded as the document itself defined it, except at the defining "(HF)".
      const definition = doc.definitions.find((d) => d.short === annotation.text.trim() || `${d.short}s` === annotation.text.trim());
      if (!definition || (annotation.start < definition.shortEnd && definition.shortStart < annotation.end)) return undefined;
      return { replacement: capitalised(definition.long, sentenceStart), reason: 'abbreviation of', conceptId };
    }
    // A name that a vocabulary prefers is never wrong, whatever else it is called.
    if (link.kinds.includes('preferred')) return undefined;
    const reason = this.reasonFor(annotation, link);
    if (!reason) return undefined;
    // A curated abbreviation expands to what it abbreviates ("DVT": deep vein thrombosis), which
    // may be narrower than its concept's heading (Venous Thrombosis).
    const curated = reason === 'abbreviation of' ? this.kb.curatedAbbreviation(annotation.text) : undefined;
    const layBy = reason === 'lay term for' && !this.userChose ? link.names.find((n) => n.kind === 'lay')?.source : undefined;
    let replacement = curated ? capitalised(curated.long, sentenceStart) : this.replacement(record, sentenceStart, layBy);
    // "NSAIDs" → "non-steroidal anti-inflammatory agents".
    if (replacement && reason === 'abbreviation of' && /\p{Lu}s$/u.test(annotation.text) && !replacement.endsWith('s')) replacement += 's';
    if (!replacement || normalizeTerm(replacement) === normalizeTerm(annotation.text)) return undefined;
    return { replacement, reason, conceptId };
  }

  private reasonFor(annotation: Annotation, link: LinkResult): string | undefined {
    if (link.alternatives.length) return undefined;
    for (const [kind, reason] of REASONS) {
      if (!link.kinds.includes(kind)) continue;
      if ((kind === 'obsolete' || kind === 'previous') && link.kinds.some((k) => CURRENT.includes(k))) continue;
      if (kind === 'abbreviation' && !this.isUnambiguousAbbreviation(annotation)) continue;
      return reason;
    }
    return undefined;
  }

  /**
   * Written as an abbreviation, not marked ambiguous, and naming one concept of the mention's
   * type in the whole KB (COPD is also a gene's old symbol, which does not matter for a disease).
   */
  private isUnambiguousAbbreviation({ text, type }: Annotation): boolean {
    if (!ABBREVIATION_LIKE.test(text) || this.kb.isAmbiguousAbbreviation(text)) return false;
    const fitting = this.kb.lookup(text).filter((e) => {
      if (e.kind === 'related') return false; // a loose synonym elsewhere does not make it ambiguous
      const bits = this.kb.conceptHeader(e.concept).typeBits;
      return !bits || bits & TYPE_BITS[type];
    });
    return new Set(fitting.map((e) => e.concept)).size === 1;
  }

  /**
   * The preferred term to write, in reading order and case; ICD-10-CM code titles are skipped.
   * `fromSource` (a vocabulary code) picks that vocabulary's label when the concept has one.
   */
  private replacement(record: ConceptRecord, sentenceStart: boolean, fromSource?: string): string | undefined {
    const own = fromSource ? record.ids.findIndex((id) => vocabularyOf(id)?.code === fromSource) : -1;
    const lead = own >= 0 ? own : leadingMember(record, this.order);
    const candidates = [lead, ...record.ids.map((_, i) => i).filter((i) => i !== lead)];
    const i = candidates.find((c) => record.labels[c] && !record.ids[c].startsWith('ICD10CM:'));
    return i === undefined ? undefined : naturalCase(record.labels[i], record, sentenceStart);
  }

  private isIgnored(text: string, record: ConceptRecord): boolean {
    return this.ignored.has(normalizeTerm(text)) || record.ids.some((id) => this.ignored.has(id.toUpperCase()));
  }
}

function capitalised(text: string, sentenceStart: boolean): string {
  return sentenceStart ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** At the start of the text, a line or a sentence: the replacement then starts with a capital. */
function startsSentence(text: string, offset: number): boolean {
  return /(?:^|[.!?]\s+|\n\s*|^\s*[-*•]\s+)$/.test(text.slice(Math.max(0, offset - 8), offset));
}
