// The human-readable eval report: strict and lenient scores per type and micro-averaged, as
// percentages (the --json report keeps fractions), then the strict counts.
import type { EntityType } from '../../engine/types';
import type { EvalReport, Prf, Scores, TypeScore } from '../../engine/eval';

const TYPE_WIDTH = 10;
const CELL_WIDTH = 7;
const GROUP_GAP = '   ';

export function renderReportTable(report: EvalReport, heading: string): string {
  const types = Object.keys(report.byType) as EntityType[];
  const percents = (x: Prf) => [x.precision, x.recall, x.f1].map((v) => (100 * v).toFixed(1));
  const counts = (list: TypeScore[]) => (['tp', 'fp', 'fn'] as const).map((k) => String(list.reduce((n, c) => n + c[k], 0)));
  const row = (name: string, s: Scores, l: Scores, c: string[]) => line(name, [percents(s.micro), percents(l.micro), c]);
  const typeRow = (t: EntityType) => line(t, [percents(report.byType[t]!), percents(report.lenient.byType[t]!), counts([report.byType[t]!])]);
  const lines = [
    heading,
    '',
    line('', [['strict'], ['lenient'], ['strict counts']], 3 * CELL_WIDTH),
    line('type', [['P', 'R', 'F1'], ['P', 'R', 'F1'], ['TP', 'FP', 'FN']]),
    ...types.map(typeRow),
    row('micro', report, report.lenient, counts(Object.values(report.byType))),
    '',
    `documents: ${report.documents}    tokens/s: ${report.tokensPerSecond.toLocaleString('en-US')}`,
  ];
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n`;
}

/** A label column, then groups of right-aligned cells separated by a gap. */
function line(label: string, groups: string[][], width = CELL_WIDTH): string {
  return label.padEnd(TYPE_WIDTH) + groups.map((cells) => cells.map((c) => c.padStart(width)).join('')).join(GROUP_GAP);
}
