// Shared steps of the end-to-end suites, which run inside the real extension host.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BioLensApi } from '../../src/client/api';
import type { PaintedDecorations } from '../../src/client/decorations';
import type { ExpectedEntity } from './expectedEntities';

export const ROOT = process.env.BIOLENS_E2E_ROOT!;
export const FIXTURES = process.env.BIOLENS_E2E_FIXTURES!;
const ARTIFACTS = process.env.BIOLENS_E2E_ARTIFACTS!;

export async function biolens(): Promise<BioLensApi> {
  const extension = vscode.extensions.getExtension<BioLensApi>('biolens.biolens');
  assert.ok(extension, 'the BioLens extension is installed in this host');
  const api = extension.isActive ? extension.exports : await extension.activate();
  // Reported once per run (each test file bundles its own copy of this module, hence a global),
  // not asserted: timings on a shared machine are noise. The goal is <= 100 ms.
  const flags = globalThis as { biolensActivationReported?: boolean };
  if (!flags.biolensActivationReported) {
    console.log(`      (BioLens activate() took ${api.activationMs.toFixed(1)} ms)`);
    flags.biolensActivationReported = true;
  }
  return api;
}

export function workspaceFile(...parts: string[]): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, ...parts);
}

/** Polls `probe` every 50 ms until it returns something truthy. */
export async function waitFor<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** The decorations painted once the document's current version is completely analysed. */
export function completeDecorations(api: BioLensApi, editor: vscode.TextEditor, timeoutMs?: number): Promise<PaintedDecorations> {
  return waitFor(
    `complete highlights of ${path.basename(editor.document.uri.fsPath)} v${editor.document.version}`,
    () => {
      const painted = api.decorations(editor.document.uri);
      return painted?.state === 'complete' && painted.version === editor.document.version && painted;
    },
    timeoutMs,
  );
}

/** The example note, open and completely highlighted, and the process id of the server that did it. */
export async function highlightedExampleNote(): Promise<{ api: BioLensApi; editor: vscode.TextEditor; pid: number }> {
  const api = await biolens();
  const editor = await openInEditor(workspaceFile('examples', 'clinical-note.txt'));
  await completeDecorations(api, editor);
  assert.ok('pid' in api.state, `the server is running (${api.state.state})`);
  return { api, editor, pid: api.state.pid };
}

/** Every repaint of the editor's document from now on, until `dispose()`. */
export function recordRepaints(api: BioLensApi, editor: vscode.TextEditor): { repaints: PaintedDecorations[]; dispose(): void } {
  const repaints: PaintedDecorations[] = [];
  const subscription = api.onDidPaint((p) => p.uri === editor.document.uri.toString() && repaints.push(p));
  return { repaints, dispose: () => subscription.dispose() };
}

/** Every painted range covers exactly its entity's text in the document as it is now. */
export function assertRangesMatchText(painted: PaintedDecorations, doc: vscode.TextDocument): void {
  assert.equal(painted.version, doc.version, 'painted for the current version');
  for (const e of painted.entities) assert.equal(doc.getText(e.range), e.text, `range ${rangeText(e.range)} of ${e.type} "${e.text}"`);
}

export function asOffsets(painted: PaintedDecorations, doc: vscode.TextDocument): ExpectedEntity[] {
  return painted.entities
    .map((e) => ({ start: doc.offsetAt(e.range.start), end: doc.offsetAt(e.range.end), text: e.text, type: e.type }))
    .sort((a, b) => a.start - b.start);
}

/** What the extension must paint for the clinical note: range, text and type. */
export function expectedEntities(): ExpectedEntity[] {
  return painted(readExpected(process.env.BIOLENS_E2E_EXPECTED!));
}

/** The entities of drug-names.txt whose type the vocabulary gave, with the model's type. */
export function retypedEntities(): ExpectedEntity[] {
  return readExpected(process.env.BIOLENS_E2E_EXPECTED_DRUG_NAMES!).filter((e) => e.modelType);
}

/** What the extension must paint for repeated-names.txt, and which of it only the whole document says. */
export function repeatedNames(): { entities: ExpectedEntity[]; addedByDocument: ExpectedEntity[] } {
  const { entities, addedByDocument } = JSON.parse(readFileSync(process.env.BIOLENS_E2E_EXPECTED_REPEATED_NAMES!, 'utf8'));
  return { entities: painted(entities), addedByDocument: painted(addedByDocument) };
}

function readExpected(file: string): ExpectedEntity[] {
  return JSON.parse(readFileSync(file, 'utf8')).entities;
}

/** What the editor paints of expected entities: without the model's type, which it does not show. */
function painted(entities: ExpectedEntity[]): ExpectedEntity[] {
  return entities.map(({ modelType: _model, ...e }) => e);
}

/**
 * Asks the test host for a screenshot of the workbench (test-artifacts/e2e/<name>.png) and waits
 * for it; `hover`: text in the editor to rest the mouse on first.
 */
export async function screenshot(name: string, options: { hover?: string } = {}): Promise<string> {
  const file = path.join(ARTIFACTS, `${name}.png`);
  rmSync(file, { force: true });
  console.log(`[e2e:screenshot] ${file}${options.hover ? ` hover=${options.hover}` : ''}`);
  await waitFor(`screenshot ${name}`, () => existsSync(file), 15_000);
  return file;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('biolens').update(key, value, vscode.ConfigurationTarget.Workspace);
}

function rangeText(r: vscode.Range): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}
