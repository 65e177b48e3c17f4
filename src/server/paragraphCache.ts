// Entities of paragraphs already analysed, keyed by the paragraph's exact text, with offsets
// relative to the paragraph. Keying by content (not position) is what lets an edit reuse every
// untouched paragraph wherever it moved to. One cache belongs to one loaded model: the owner
// drops it when the model changes. Least recently used paragraphs go first past the budget.
import type { Annotation } from '../engine/types';

export class ParagraphCache {
  private readonly entries = new Map<string, Annotation[]>();
  private cachedChars = 0;

  /** `budgetChars`: total paragraph text kept, about 2 bytes of memory per char plus entities. */
  constructor(private readonly budgetChars = 4_000_000) {}

  get(paragraph: string): Annotation[] | undefined {
    const hit = this.entries.get(paragraph);
    if (hit) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.entries.delete(paragraph);
      this.entries.set(paragraph, hit);
    }
    return hit;
  }

  set(paragraph: string, annotations: Annotation[]): void {
    if (!this.entries.has(paragraph)) this.cachedChars += paragraph.length;
    this.entries.set(paragraph, annotations);
    for (const oldest of this.entries.keys()) {
      if (this.cachedChars <= this.budgetChars) break;
      this.entries.delete(oldest);
      this.cachedChars -= oldest.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.cachedChars = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}
