// Linking accuracy against gold concept ids (BC5CDR: MeSH ids per mention). Two measures:
//   - gold mentions: accuracy@1 of the concept chosen for each gold span, per entity type —
//     linking alone, NER errors excluded;
//   - predicted mentions (end to end): for predicted spans that match a gold span exactly, the
//     same accuracy; plus BioCreative's document-level id P/R/F1 (the set of ids per document).
// A gold id "D001|D002" (a composite mention) counts as right when the concept is any of them;
// gold "-1" (not normalisable) mentions are left out.
import type { Annotation, EntityType } from '../types';
import type { KnowledgeBase } from './knowledgeBase';

export interface GoldDocument {
  id: string;
  text: string;
  annotations: Annotation[];
}

export interface TypeAccuracy {
  mentions: number;
  correct: number;
  /** No concept claimed. */
  unlinked: number;
}

export interface LinkingReport {
  perType: Partial<Record<EntityType, TypeAccuracy>>;
  overall: TypeAccuracy;
}

export interface DocumentIdScores {
  precision: number;
  recall: number;
  f1: number;
}

/** Gold ids of an annotation, prefixed: "MESH:D001|D002" → [MESH:D001, MESH:D002]. */
export function goldIds(annotation: Annotation): string[] {
  const raw = annotation.concept?.id ?? '';
  return raw
    .split(/[|+]/)
    .map((id) => id.trim().replace(/^MESH:/i, ''))
    .filter((id) => id && id !== '-1')
    .map((id) => (/^[CD]\d+$/.test(id) ? `MESH:${id}` : id));
}

/** The ids a predicted annotation's concept stands for (its own id and its xrefs). */
export function predictedIds(annotation: Annotation): string[] {
  return annotation.concept ? [annotation.concept.id, ...annotation.concept.xrefs] : [];
}

export interface AccuracyOptions {
  /** The vocabulary compared (default MESH): the first id of that prefix is the prediction. */
  prefix?: string;
  /**
   * Ids a gold id may also be predicted as: the current id of a concept the gold names by an
   * older id (BC5CDR uses 2015 MeSH; supplementary records have since become descriptors).
   */
  equivalents?: (goldId: string) => string[];
}

/**
 * Accuracy@1 of `predicted[d]` against `gold[d]`, over gold mentions that have an id and a
 * predicted annotation with exactly the same span and type. A span the model typed otherwise
 * (a disease called a chemical) was linked among the wrong type's concepts: that is an NER
 * error, which the NER scores count, not a linking one.
 */
export function linkingAccuracy(gold: GoldDocument[], predicted: Annotation[][], opts: AccuracyOptions = {}): LinkingReport {
  const { prefix = 'MESH', equivalents } = opts;
  const report: LinkingReport = { perType: {}, overall: { mentions: 0, correct: 0, unlinked: 0 } };
  gold.forEach((doc, d) => {
    const bySpan = new Map(predicted[d].map((a) => [`${a.start}:${a.end}:${a.type}`, a]));
    for (const g of doc.annotations) {
      const ids = goldIds(g).flatMap((id) => [id, ...(equivalents?.(id) ?? [])]);
      const p = bySpan.get(`${g.start}:${g.end}:${g.type}`);
      if (!ids.length || !p) continue;
      const counts = (report.perType[g.type] ??= { mentions: 0, correct: 0, unlinked: 0 });
      const chosen = firstOfVocabulary(predictedIds(p), prefix);
      for (const c of [counts, report.overall]) {
        c.mentions++;
        if (!p.concept) c.unlinked++;
        else if (chosen && ids.includes(chosen)) c.correct++;
      }
    }
  });
  return report;
}

/** BioCreative V CDR's normalisation measure: per document, the set of ids found vs gold. */
export function documentIdScores(gold: GoldDocument[], predicted: Annotation[][], opts: AccuracyOptions & { types?: EntityType[] } = {}): DocumentIdScores {
  const { prefix = 'MESH', equivalents, types } = opts;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((doc, d) => {
    const keep = (a: Annotation) => !types || types.includes(a.type);
    // An older gold id counts as its current equivalent, so the two are not both a miss and a false hit.
    const goldSet = new Set(doc.annotations.filter(keep).flatMap(goldIds).map((id) => equivalents?.(id)[0] ?? id));
    const predictedSet = new Set(predicted[d].filter(keep).map((a) => firstOfVocabulary(predictedIds(a), prefix)).filter((id): id is string => !!id));
    for (const id of predictedSet) goldSet.has(id) ? tp++ : fp++;
    for (const id of goldSet) if (!predictedSet.has(id)) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

function firstOfVocabulary(ids: string[], prefix: string): string | undefined {
  return ids.find((id) => id.toUpperCase().startsWith(`${prefix.toUpperCase()}:`));
}

export function accuracy(c: TypeAccuracy): number {
  return c.mentions ? c.correct / c.mentions : 0;
}

/**
 * `equivalents` for a knowledge base: a gold id that is no concept's own id (an older MeSH id)
 * stands for the current ids of the concepts that keep it as a cross-reference.
 */
export function versionEquivalents(kb: KnowledgeBase, prefix = 'MESH'): (goldId: string) => string[] {
  return (goldId) => {
    const holders = kb.conceptsWithId(goldId).map((n) => kb.concept(n));
    if (holders.some((r) => r.ids.includes(goldId))) return [];
    return holders.flatMap((r) => r.ids.filter((id) => id.toUpperCase().startsWith(`${prefix.toUpperCase()}:`)));
  };
}
