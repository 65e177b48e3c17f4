// Concept linking, context and suggestions for a document where only the entities of new
// paragraphs go through the terminology layer. Linking is per entity and context per sentence,
// so a paragraph's enrichment stays valid while its text and entities are unchanged, with one
// exception: abbreviations defined anywhere in the document ("chronic kidney disease (CKD)", or
// "Solanum tuberosum" for "S. tuberosum") change how "CKD" links everywhere, and whether the
// model took a definition's long form for an entity decides whether its short form is kept
// ("Hormone therapy (HT)": HT is no disease), so a change to either re-enriches it all, as does
// one that makes the document read as a clinical note or not (terminology/clinicalNote.ts).
// Enriching a 5,000-word note whole costs ~100 ms; one edited paragraph ~5 ms.
import { paragraphs, type Annotation } from '../engine';
import { documentAbbreviations, isClinicalNote, shortFormsOfNonEntities, type DocumentAbbreviations, type NoteOptions } from '../engine/terminology';
import type { Terminology } from './terminology';

// Enough for many open documents; past it the cache starts again (a full enrichment, no error).
const MAX_CACHED_PARAGRAPHS = 20_000;

export class IncrementalEnricher {
  // Per paragraph, per entity its score then and what it became (none: left out by the terminology layer).
  private readonly cache = new Map<string, { score: number; became: Annotation[] }[]>();
  private definitionsKey = '';

  constructor(readonly terminology: Terminology) {}

  /**
   * `annotations` (sorted by start, offsets into `text`) enriched, as terminology.enrich(text,
   * annotations) would; `abbreviations` those of `text`, found once by a caller that needs them too.
   */
  enrich(text: string, annotations: readonly Annotation[], abbreviations: DocumentAbbreviations = documentAbbreviations(text), options: NoteOptions = {}): Annotation[] {
    if (!this.terminology.available) return [...annotations];
    // Whether the document reads as a clinical note changes what its ambiguous abbreviations mean.
    const definitionsKey = JSON.stringify([[...abbreviations.linking], [...shortFormsOfNonEntities(abbreviations.definitions, annotations).keys()], isClinicalNote(text, options)]);
    if (definitionsKey !== this.definitionsKey || this.cache.size > MAX_CACHED_PARAGRAPHS) {
      this.cache.clear();
      this.definitionsKey = definitionsKey;
    }
    const groups = paragraphs(text).map((range) => ({ range, entities: [] as Annotation[], key: '' }));
    let g = 0;
    for (const a of annotations) {
      while (g < groups.length - 1 && a.start >= groups[g].range.end) g++;
      groups[g]?.entities.push(a);
    }
    const missing = groups.filter((group) => {
      group.key = cacheKey(text.slice(group.range.start, group.range.end), group.entities, group.range.start);
      return group.entities.length > 0 && !this.cache.has(group.key);
    });
    if (missing.length) {
      const enriched = this.terminology.enrichEach(text, missing.flatMap((group) => group.entities), abbreviations, annotations, options);
      let next = 0;
      for (const group of missing) {
        const own = enriched.slice(next, next + group.entities.length);
        next += group.entities.length;
        this.cache.set(
          group.key,
          own.map((became, i) => ({ score: group.entities[i].score, became: became.map((a) => ({ ...a, start: a.start - group.range.start, end: a.end - group.range.start })) })),
        );
      }
    }
    // Scores are today's: the same paragraph batched with other neighbours differs in the last
    // digits. What took its entity's score takes today's; a score of its own (a condition added
    // beside a listed one) stays.
    return groups.flatMap((group) =>
      (this.cache.get(group.key) ?? []).flatMap(({ score, became }, i) =>
        became.map((a) => ({ ...a, start: a.start + group.range.start, end: a.end + group.range.start, score: a.score === score ? group.entities[i].score : a.score })),
      ),
    );
  }
}

/** A paragraph's text and its entities' spans and types (relative offsets). */
function cacheKey(paragraph: string, entities: readonly Annotation[], offset: number): string {
  return `${paragraph}\u0000${entities.map((a) => `${a.start - offset},${a.end - offset},${a.type}`).join(';')}`;
}
