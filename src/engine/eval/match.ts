// Counts true positives, false positives and false negatives of predicted mentions against gold
// mentions of one document, per entity type.
import type { Annotation, EntityType } from '../types';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export type Matching = 'strict' | 'lenient';

/**
 * strict: a prediction is a hit when start, end and type equal a gold mention's.
 * lenient: when it overlaps a gold mention of the same type. Matching is one to one in both, so
 * precision and recall share one tp count (two predictions covering one gold mention are a hit
 * and a false positive). Exact matches are paired first, then the remaining overlaps left to right.
 */
export function countMatches(gold: Annotation[], predicted: Annotation[], matching: Matching): Map<EntityType, Counts> {
  const counts = new Map<EntityType, Counts>();
  const of = (type: EntityType) => counts.get(type) ?? counts.set(type, { tp: 0, fp: 0, fn: 0 }).get(type)!;
  const unmatched = [...predicted].sort((a, b) => a.start - b.start || a.end - b.end);
  const unmatchedGold: Annotation[] = [];

  const takeFirst = (test: (p: Annotation) => boolean) => {
    const index = unmatched.findIndex(test);
    return index >= 0 ? unmatched.splice(index, 1)[0] : undefined;
  };
  for (const g of gold) {
    if (takeFirst((p) => p.type === g.type && p.start === g.start && p.end === g.end)) of(g.type).tp++;
    else unmatchedGold.push(g);
  }
  for (const g of unmatchedGold) {
    const overlapping = matching === 'lenient' && takeFirst((p) => p.type === g.type && p.start < g.end && g.start < p.end);
    if (overlapping) of(g.type).tp++;
    else of(g.type).fn++;
  }
  for (const p of unmatched) of(p.type).fp++;
  return counts;
}
