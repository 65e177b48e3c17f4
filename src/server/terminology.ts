// The terminology layer (concept linking, context, suggestions, hover text) as the server uses
// it. Until its vocabulary is loaded, or where it cannot load, the server runs on NER alone:
// entities are still highlighted and the hover shows type and confidence.
import type { Annotation } from '../engine';

export interface Terminology {
  readonly available: boolean;
  /** Adds concept, context and suggestion to the entities of a whole document. */
  enrich(text: string, annotations: Annotation[]): Annotation[];
  /** Hover Markdown for an enriched entity. */
  hoverMarkdown(annotation: Annotation): string;
}

export const NER_ONLY: Terminology = {
  available: false,
  enrich: (_text, annotations) => annotations,
  hoverMarkdown: (a) => `**${a.type}** · confidence ${a.score.toFixed(2)}`,
};

export async function loadTerminology(_preferredVocabulary: string): Promise<Terminology> {
  return NER_ONLY;
}
