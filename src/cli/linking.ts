// The terminology layer for CLI commands: the "linking" section `biolens eval` prints under the
// NER table — accuracy@1 of the gold vocabulary's ids on predicted mentions that match a gold
// span, per type, and BioCreative's document-level id P/R/F1. The vocabulary itself loads in
// createTerminology(), so importing this module costs nothing until a command uses it.
import type { Annotation, EntityType } from '../engine/types';
import type { Document } from '../engine/formats';
import { accuracy, documentIdScores, linkingAccuracy, versionEquivalents, type Terminology } from '../engine/terminology';

export interface LinkingSection {
  /** Per type and "all": accuracy@1 of the gold vocabulary's ids, and document-level id scores. */
  byType: Record<string, { mentions: number; accuracy: number; precision: number; recall: number; f1: number }>;
  text: string;
}

/**
 * Scores `predicted` (enriched annotations, one list per gold document) against the gold
 * concept ids. `prefix` is the gold corpus's vocabulary (MESH for BC5CDR and NCBI disease).
 */
export function linkingSection(terminology: Terminology, gold: Document[], predicted: Annotation[][], prefix = 'MESH'): LinkingSection {
  const equivalents = versionEquivalents(terminology.kb, prefix);
  const report = linkingAccuracy(gold, predicted, { prefix, equivalents });
  const byType: LinkingSection['byType'] = {};
  const goldTypes = Object.keys(report.perType) as EntityType[];
  const rows = [...goldTypes, 'all'];
  for (const type of rows) {
    const counts = type === 'all' ? report.overall : report.perType[type as EntityType]!;
    // "all" is every type the gold annotates: a predicted species is no error against a corpus without species.
    const ids = documentIdScores(gold, predicted, { prefix, equivalents, types: type === 'all' ? goldTypes : [type as EntityType] });
    byType[type] = { mentions: counts.mentions, accuracy: accuracy(counts), ...ids };
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)}`.padStart(6);
  const lines = [
    `linking (${prefix} ids): accuracy@1 on predicted mentions matching a gold span and type; document-level id P/R/F1`,
    `${'type'.padEnd(10)}${'mentions'.padStart(9)}${'acc@1'.padStart(7)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}`,
    ...rows.map((t) => {
      const r = byType[t];
      return `${t.padEnd(10)}${String(r.mentions).padStart(9)} ${pct(r.accuracy)} ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f1)}`;
    }),
  ];
  return { byType, text: `${lines.join('\n')}\n` };
}
