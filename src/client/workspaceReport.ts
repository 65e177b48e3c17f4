// "Analyse workspace folder": every file of the enabled languages in a folder goes through the
// server, and a report of concepts with their counts is written next to them and opened.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReportFormat } from '../protocol';
import type { Ctx } from './ctx';

// Extensions of the default enabled languages; other languages' files are found by the editor's own associations.
const EXTENSIONS: Record<string, string[]> = { plaintext: ['txt'], markdown: ['md', 'markdown'], 'clinical-note': ['note', 'cnote'] };
const MAX_FILES = 5_000;

export async function analyseWorkspaceFolder(ctx: Ctx): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder();
  if (!folder) return undefined;
  const extensions = [...new Set(ctx.config.enabledLanguages.flatMap((l) => EXTENSIONS[l] ?? []))];
  if (!extensions.length) {
    void vscode.window.showWarningMessage('BioLens: none of the enabled languages has file extensions to look for.');
    return undefined;
  }
  const format: ReportFormat = ctx.config.reportFormat;
  const reportName = format === 'jsonl' ? 'biolens-report.jsonl' : 'biolens-report.md';
  const pattern = new vscode.RelativePattern(folder, `**/*.{${extensions.join(',')}}`);
  const found = await vscode.workspace.findFiles(pattern, '{**/node_modules/**,**/.git/**}', MAX_FILES);
  const files = found.map((u) => u.fsPath).filter((f) => path.basename(f) !== reportName).sort();
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `BioLens: analysing ${files.length} files`, cancellable: true },
    (_progress, token) => ctx.workspaceReport({ files, format }, token),
  );
  const target = vscode.Uri.joinPath(folder.uri, reportName);
  await vscode.workspace.fs.writeFile(target, Buffer.from(report.content, 'utf8'));
  await vscode.window.showTextDocument(target, { preview: false });
  const skipped = report.skippedFiles.length ? `, ${report.skippedFiles.length} skipped (too large or unreadable)` : '';
  ctx.notices.info(`BioLens: ${report.mentions} mentions in ${report.analysedFiles} files${skipped}; report written to ${reportName}.`);
  return target;
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) {
    if (!folders.length) void vscode.window.showInformationMessage('BioLens: open a folder to analyse it.');
    return folders[0];
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to analyse' });
}
