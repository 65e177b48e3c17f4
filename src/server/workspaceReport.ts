// The "analyse workspace folder" report: every file annotated (through the same paragraph cache
// as open documents), mentions grouped by concept (or by type and lower-cased text when no
// concept is linked), counted, and rendered as a Markdown table or JSON lines.
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { Annotation } from '../engine';
import type { ReportFormat, WorkspaceReport } from '../protocol';

export interface ConceptCount {
  type: string;
  id?: string;
  vocabulary?: string;
  preferred: string;
  mentions: number;
  files: number;
  /** Surface forms, most frequent first (at most five). */
  forms: string[];
}

export async function buildWorkspaceReport(
  files: readonly string[],
  format: ReportFormat,
  annotate: (text: string, file: string) => Promise<Annotation[]>,
  maxFileSize: number,
  isCancelled: () => boolean,
): Promise<WorkspaceReport> {
  const perFile: Annotation[][] = [];
  const skippedFiles: string[] = [];
  for (const file of files) {
    if (isCancelled()) break;
    try {
      if ((await stat(file)).size > maxFileSize) {
        skippedFiles.push(file);
        continue;
      }
      perFile.push(await annotate(await readFile(file, 'utf8'), file));
    } catch {
      skippedFiles.push(file); // unreadable or deleted meanwhile: reported, not fatal
    }
  }
  const counts = countConcepts(perFile);
  return {
    content: format === 'jsonl' ? renderJsonLines(counts) : renderMarkdown(counts, perFile.length, files),
    analysedFiles: perFile.length,
    skippedFiles,
    mentions: counts.reduce((n, c) => n + c.mentions, 0),
  };
}

export function countConcepts(perFile: readonly Annotation[][]): ConceptCount[] {
  const groups = new Map<string, { count: ConceptCount; forms: Map<string, number>; files: Set<number> }>();
  perFile.forEach((annotations, fileIndex) => {
    for (const a of annotations) {
      const key = a.concept ? a.concept.id : `${a.type}\u0000${a.text.toLowerCase()}`;
      let group = groups.get(key);
      if (!group) {
        const count: ConceptCount = { type: a.type, preferred: a.concept?.preferred ?? a.text, mentions: 0, files: 0, forms: [] };
        if (a.concept) Object.assign(count, { id: a.concept.id, vocabulary: a.concept.vocabulary });
        group = { count, forms: new Map(), files: new Set() };
        groups.set(key, group);
      }
      group.count.mentions++;
      group.files.add(fileIndex);
      group.forms.set(a.text, (group.forms.get(a.text) ?? 0) + 1);
    }
  });
  return [...groups.values()]
    .map(({ count, forms, files }) => ({
      ...count,
      files: files.size,
      forms: [...forms].sort((x, y) => y[1] - x[1]).slice(0, 5).map(([form]) => form),
    }))
    .sort((x, y) => y.mentions - x.mentions || x.preferred.localeCompare(y.preferred));
}

function renderJsonLines(counts: readonly ConceptCount[]): string {
  return counts.map((c) => JSON.stringify(c)).join('\n') + (counts.length ? '\n' : '');
}

function renderMarkdown(counts: readonly ConceptCount[], analysedFiles: number, files: readonly string[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
  const root = files.length ? commonFolder(files) : '';
  const lines = [
    '# BioLens concept report',
    '',
    `${counts.reduce((n, c) => n + c.mentions, 0)} mentions of ${counts.length} concepts in ${analysedFiles} files${root ? ` under \`${root}\`` : ''}.`,
    '',
    '| Type | Concept | Preferred term | Mentions | Files | Forms |',
    '| --- | --- | --- | ---: | ---: | --- |',
    ...counts.map(
      (c) => `| ${c.type} | ${c.id ?? '–'} | ${cell(c.preferred)} | ${c.mentions} | ${c.files} | ${cell(c.forms.join(', '))} |`,
    ),
  ];
  return lines.join('\n') + '\n';
}

function commonFolder(files: readonly string[]): string {
  let folder = path.dirname(files[0]);
  while (!files.every((f) => f.startsWith(folder + path.sep)) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  return folder;
}
