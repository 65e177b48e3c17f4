// Precision, recall and F1 as fractions in 0..1. A ratio with a zero denominator is 0 (no
// predictions: precision 0), so reports stay plain JSON numbers and never NaN.
import type { EntityType } from '../types';
import type { Counts } from './match';

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export type TypeScore = Prf & Counts;

export interface Scores {
  micro: Prf;
  byType: Partial<Record<EntityType, TypeScore>>;
}

export function prf({ tp, fp, fn }: Counts): Prf {
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Micro averaging pools the counts of all scored types before dividing. */
export function scoresFrom(counts: ReadonlyMap<EntityType, Counts>, types: readonly EntityType[]): Scores {
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  const byType: Scores['byType'] = {};
  for (const type of types) {
    const c = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    byType[type] = { ...prf(c), ...c };
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return { micro: prf(total), byType };
}
