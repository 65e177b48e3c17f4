// Which of a document's spans (mentions, sentences) overlap a span, without scanning them all: a
// long note has tens of thousands, and the rules that look at a mention's neighbours would
// otherwise be quadratic.
import type { Annotation } from './types';

export class SpanIndex {
  private readonly order: number[];
  private readonly starts: number[];
  private readonly longest: number;

  /** `spans` in any order; indices returned are into it. */
  constructor(private readonly spans: readonly Pick<Annotation, 'start' | 'end'>[]) {
    this.order = spans.map((_, i) => i).sort((a, b) => spans[a].start - spans[b].start);
    this.starts = this.order.map((i) => spans[i].start);
    this.longest = spans.reduce((max, s) => Math.max(max, s.end - s.start), 0);
  }

  /** Indices of the spans that overlap [start, end), in order of their start. */
  overlapping(start: number, end: number): number[] {
    const found: number[] = [];
    // Only a span starting at most `longest` before `start` can reach into it.
    for (let k = this.firstAtOrAfter(start - this.longest); k < this.order.length && this.starts[k] < end; k++) {
      const span = this.spans[this.order[k]];
      if (span.end > start) found.push(this.order[k]);
    }
    return found;
  }

  private firstAtOrAfter(position: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
