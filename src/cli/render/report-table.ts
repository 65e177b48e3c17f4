// The human-readable eval report: strict and lenient scores per type and micro-averaged, as
// percentages (the --json report keeps fractions).
import type { EvalReport, Scores } from '../../engine/eval';

export function renderReportTable(report: EvalReport, heading: string): string {
  const percent = (x: number) => (100 * x).toFixed(1);
  const row = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(10) : String(c).padStart(i === 4 ? 10 : 7))).join('');
  const scoreCells = (s: Scores, type?: keyof Scores['byType']) => {
    const x = type ? s.byType[type]! : s.micro;
    return [percent(x.precision), percent(x.recall), percent(x.f1)];
  };
  const counts = (type?: keyof Scores['byType']) => {
    const list = type ? [report.byType[type]!] : Object.values(report.byType);
    const sum = (key: 'tp' | 'fp' | 'fn') => list.reduce((n, c) => n + c[key], 0);
    return [sum('tp'), sum('fp'), sum('fn')];
  };
  const types = Object.keys(report.byType) as (keyof Scores['byType'])[];
  const lines = [
    heading,
    '',
    row(['', 'strict', '', '', 'lenient', '', '', 'strict', '', '']).trimEnd(),
    row(['type', 'P', 'R', 'F1', 'P', 'R', 'F1', 'TP', 'FP', 'FN']),
    ...types.map((t) => row([t, ...scoreCells(report, t), ...scoreCells(report.lenient, t), ...counts(t)])),
    row(['micro', ...scoreCells(report), ...scoreCells(report.lenient), ...counts()]),
    '',
    `documents: ${report.documents}    tokens/s: ${report.tokensPerSecond.toLocaleString('en-US')}`,
  ];
  return `${lines.join('\n')}\n`;
}
