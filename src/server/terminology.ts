// The terminology layer (src/engine/terminology: concept linking, negation and other context,
// standardisation suggestions, hover text) as the server uses it. Where its vocabulary cannot
// load, the server runs on NER alone: entities are still highlighted and the hover shows type
// and confidence.
import type { Annotation } from '../engine';
import { loadTerminology, type DocumentAbbreviations, type NoteOptions, type Terminology as EngineTerminology } from '../engine/terminology';

export interface Terminology {
  readonly available: boolean;
  /** Problems met while loading, for the log. */
  readonly warnings: readonly string[];
  /** Adds concept, context and suggestion to the entities of a whole document (some may be left out). */
  enrich(text: string, annotations: Annotation[], options?: NoteOptions): Annotation[];
  /**
   * enrich(), per entity what it became: none when the terminology layer leaves it out (or joins it
   * into a neighbour), itself, then the diseases and genes named inside it; `abbreviations` those of `text`;
   * `documentAnnotations` all of the document's entities when `annotations` are some of them.
   */
  enrichEach(text: string, annotations: Annotation[], abbreviations?: DocumentAbbreviations, documentAnnotations?: readonly Annotation[], options?: NoteOptions): Annotation[][];
  /** The document's entities with those the vocabulary alone finds (clinical abbreviations written bare). */
  withVocabularyMentions(text: string, annotations: Annotation[], abbreviations?: DocumentAbbreviations, options?: NoteOptions): Annotation[];
  /** Hover Markdown for an (enriched) entity. */
  hoverMarkdown(annotation: Annotation): string;
}

export const NER_ONLY: Terminology = {
  available: false,
  warnings: [],
  enrich: (_text, annotations) => annotations,
  enrichEach: (_text, annotations) => annotations.map((a) => [a]),
  withVocabularyMentions: (_text, annotations) => annotations,
  hoverMarkdown: (a) => `**${a.type}** · confidence ${a.score.toFixed(2)}`,
};

// The vocabulary does not depend on the settings: a changed setting re-wraps the one already
// loaded instead of reading and inflating 22 MB again.
let bundled: Promise<EngineTerminology> | undefined;

/**
 * Loads the bundled vocabulary (once per server). Reading and inflating it run in the thread
 * pool; what is left on the event loop (decoding the indexes) takes tens of milliseconds.
 */
export async function loadServerTerminology(preferredVocabulary: string, minScoreWithoutConcept?: number): Promise<Terminology> {
  const options = { preferredVocabularies: preferredVocabulary ? [preferredVocabulary] : [], minScoreWithoutConcept };
  let terminology: EngineTerminology;
  if (bundled) {
    terminology = await loadTerminology({ ...options, knowledgeBase: (await bundled).kb });
  } else {
    bundled = loadTerminology(options);
    bundled.catch(() => (bundled = undefined)); // a failed load is tried again next time
    terminology = await bundled;
  }
  if (terminology.kb.size === 0) return { ...NER_ONLY, warnings: terminology.warnings };
  return {
    available: true,
    warnings: terminology.warnings,
    enrich: (text, annotations, options) => terminology.enrich(text, annotations, options),
    enrichEach: (text, annotations, abbreviations, documentAnnotations, options) => terminology.enrichEach(text, annotations, abbreviations, documentAnnotations, options),
    withVocabularyMentions: (text, annotations, abbreviations, options) => terminology.withVocabularyMentions(text, annotations, abbreviations, options),
    hoverMarkdown: (a) => terminology.hoverMarkdown(a),
  };
}
