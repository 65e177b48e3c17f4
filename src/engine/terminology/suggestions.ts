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
import { overlapsAny } from './protectedRanges';
import type { TextRange } from '../sentences';
import { naturalCase } from './termCase';
import type { ConceptRecord, NameKind } from './vocabFormat';

export interface SuggesterOptions {
  preferredVocabularies?: string[];
  /** Terms (as written, compared after normalisation) or concept ids that never get a suggestion. */
  ignore?: string[];
}

export interface DocumentFacts {
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
  ['spelling', 'variant spelling of'],
];
// A name that some vocabulary lists as current is not outdated, whatever another says.
const CURRENT: NameKind[] = ['preferred', 'exact'];
const ABBREVIATION_LIKE = /\p{Lu}.*\p{Lu}|\p{Lu}.*\p{N}|\p{N}.*\p{Lu}/u;

export class Suggester {
  private readonly order: string[];
  private readonly ignored: Set<string>;

  constructor(private readonly kb: KnowledgeBase, opts: SuggesterOptions = {}) {
    this.order = opts.preferredVocabularies ?? DEFAULT_VOCABULARY_ORDER;
    this.ignored = new Set((opts.ignore ?? []).flatMap((t) => [t.toUpperCase(), normalizeTerm(t)]));
  }

  suggest(annotation: Annotation, link: LinkResult, doc: DocumentFacts): Suggestion | undefined {
    if (link.method === 'fuzzy' || link.kinds.includes('preferred')) return undefined;
    if (overlapsAny(doc.protectedRanges, annotation.start, annotation.end)) return undefined;
    const record = this.kb.concept(link.concept);
    if (this.isIgnored(annotation.text, record)) return undefined;
    const reason = link.method === 'abbreviation' ? this.definedAbbreviation(annotation, doc) : this.reasonFor(annotation.text, link);
    if (!reason) return undefined;
    const replacement = this.replacement(record, annotation.text);
    if (!replacement || normalizeTerm(replacement) === normalizeTerm(annotation.text)) return undefined;
    return { replacement, reason, conceptId: record.ids[leadingMember(record, this.order)] };
  }

  private reasonFor(text: string, link: LinkResult): string | undefined {
    if (link.alternatives.length) return undefined;
    for (const [kind, reason] of REASONS) {
      if (!link.kinds.includes(kind)) continue;
      if ((kind === 'obsolete' || kind === 'previous') && link.kinds.some((k) => CURRENT.includes(k))) continue;
      if (kind === 'abbreviation' && !this.isUnambiguousAbbreviation(text)) continue;
      return reason;
    }
    return undefined;
  }

  /** "heart failure (HF)" then "HF": suggest, except at the defining "(HF)" itself. */
  private definedAbbreviation(annotation: Annotation, doc: DocumentFacts): string | undefined {
    const definition = doc.definitions.find((d) => d.short === annotation.text.trim());
    if (!definition || (annotation.start < definition.shortEnd && definition.shortStart < annotation.end)) return undefined;
    return 'abbreviation of';
  }

  /** Written as an abbreviation, not marked ambiguous, and naming one concept in the whole KB. */
  private isUnambiguousAbbreviation(text: string): boolean {
    if (!ABBREVIATION_LIKE.test(text) || this.kb.isAmbiguousAbbreviation(text)) return false;
    return new Set(this.kb.lookup(text).map((e) => e.concept)).size === 1;
  }

  /** The preferred term to write, or undefined when every label is an inverted heading or a code title. */
  private replacement(record: ConceptRecord, written: string): string | undefined {
    const lead = leadingMember(record, this.order);
    const candidates = [lead, ...record.ids.map((_, i) => i).filter((i) => i !== lead)];
    for (const i of candidates) {
      const label = record.labels[i];
      if (!label || record.ids[i].startsWith('ICD10CM:') || /, \p{Ll}|, [\p{Lu}][\p{Ll}]/u.test(label)) continue;
      return naturalCase(label, record, written);
    }
    return undefined;
  }

  private isIgnored(text: string, record: ConceptRecord): boolean {
    return this.ignored.has(normalizeTerm(text)) || record.ids.some((id) => this.ignored.has(id.toUpperCase()));
  }
}
