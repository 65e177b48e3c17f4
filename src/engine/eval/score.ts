// Scores predictions for a set of gold documents, without running any model.
import { ENTITY_TYPES, type Annotation, type EntityType } from '../types';
import type { Document } from '../formats/document';
import { countMatches, type Counts, type Matching } from './match';
import { scoresFrom, type Scores } from './metrics';

export interface CorpusScores {
  strict: Scores;
  lenient: Scores;
  /** The types that were scored: the ones asked for, else the ones present in the gold. */
  types: EntityType[];
}

/** Types of the gold mentions, in BioLens's canonical order. */
export function goldTypes(documents: readonly Document[]): EntityType[] {
  const present = new Set(documents.flatMap((d) => d.annotations.map((a) => a.type)));
  return ENTITY_TYPES.filter((type) => present.has(type));
}

/**
 * `predictions[i]` belongs to `gold[i]`. Mentions of types outside `types` are ignored on both
 * sides: a model that also finds genes is not penalised on a corpus that never annotates them.
 */
export function scoreCorpus(gold: readonly Document[], predictions: readonly Annotation[][], types?: readonly EntityType[]): CorpusScores {
  if (predictions.length !== gold.length) throw new Error(`${predictions.length} prediction lists for ${gold.length} documents`);
  const scored = types ? ENTITY_TYPES.filter((t) => types.includes(t)) : goldTypes(gold);
  const keep = (annotations: Annotation[]) => annotations.filter((a) => scored.includes(a.type));
  const totals = { strict: new Map<EntityType, Counts>(), lenient: new Map<EntityType, Counts>() };
  gold.forEach((document, i) => {
    for (const matching of ['strict', 'lenient'] as Matching[]) {
      addCounts(totals[matching], countMatches(keep(document.annotations), keep(predictions[i]), matching));
    }
  });
  return { strict: scoresFrom(totals.strict, scored), lenient: scoresFrom(totals.lenient, scored), types: scored };
}

function addCounts(total: Map<EntityType, Counts>, part: ReadonlyMap<EntityType, Counts>): void {
  for (const [type, c] of part) {
    const t = total.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    total.set(type, { tp: t.tp + c.tp, fp: t.fp + c.fp, fn: t.fn + c.fn });
  }
}
