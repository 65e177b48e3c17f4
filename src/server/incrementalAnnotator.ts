// NER over a whole document where only paragraphs not seen before reach the model: the others
// come from the ParagraphCache, shifted to where they now are. Paragraphs are independent
// units for the model (sentences never cross a blank line), so this gives the same entities as
// annotating the whole text, for a fraction of the work after an edit.
import { paragraphs, type Annotation, type TextRange } from '../engine';
import { ParagraphCache } from './paragraphCache';

/** The model call: entities of each text, offsets relative to that text. */
export type AnnotateTexts = (texts: string[], signal?: AbortSignal) => Promise<Annotation[][]>;

export interface DocumentEntities {
  annotations: Annotation[];
  /** Paragraphs that went to the model for this call. */
  analysedParagraphs: number;
  reusedParagraphs: number;
}

/** Called after each chunk of new paragraphs with everything known so far (for progressive painting). */
export type OnProgress = (known: Annotation[]) => void;

// On a cold document, paragraphs go to the model in chunks so that the first highlights appear
// before the whole document is done: a small first chunk (about a screenful), then larger ones
// (fewer, fuller inference batches).
const FIRST_CHUNK_CHARS = 1_500;
const CHUNK_CHARS = 8_000;

export class IncrementalAnnotator {
  constructor(
    private readonly annotateTexts: AnnotateTexts,
    readonly cache = new ParagraphCache(),
  ) {}

  async annotate(text: string, signal?: AbortSignal, onProgress?: OnProgress): Promise<DocumentEntities> {
    const ranges = paragraphs(text);
    const missing = [...new Set(ranges.map((r) => text.slice(r.start, r.end)).filter((p) => !this.cache.get(p)))];
    const chunks = chunksOf(missing, FIRST_CHUNK_CHARS, CHUNK_CHARS);
    for (const [i, chunk] of chunks.entries()) {
      const results = await this.annotateTexts(chunk, signal);
      chunk.forEach((paragraph, k) => this.cache.set(paragraph, results[k]));
      if (onProgress && i < chunks.length - 1) onProgress(this.known(text, ranges));
    }
    return {
      annotations: this.known(text, ranges),
      analysedParagraphs: missing.length,
      reusedParagraphs: ranges.length - missing.length,
    };
  }

  /** Entities of every paragraph in the cache, at their offsets in `text`. */
  private known(text: string, ranges: TextRange[]): Annotation[] {
    const all: Annotation[] = [];
    for (const range of ranges) {
      const cached = this.cache.get(text.slice(range.start, range.end));
      for (const a of cached ?? []) all.push({ ...a, start: a.start + range.start, end: a.end + range.start });
    }
    return all;
  }
}

function chunksOf(paragraphTexts: string[], firstMaxChars: number, maxChars: number): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const p of paragraphTexts) {
    if (current.length && chars + p.length > (chunks.length ? maxChars : firstMaxChars)) {
      chunks.push(current);
      current = [];
      chars = 0;
    }
    current.push(p);
    chars += p.length;
  }
  if (current.length) chunks.push(current);
  return chunks;
}
