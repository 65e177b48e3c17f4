// Messages BioLens shows the user, each at most once for what it is about: a large file is
// mentioned once per document, a model error once per distinct error. Every message shown is
// kept in `shown` (the end-to-end tests read it through the extension's API).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DocumentAnnotations, ServerStatus } from '../protocol';

export class Notices {
  readonly shown: string[] = [];
  private readonly told = new Set<string>();

  largeFile(published: DocumentAnnotations): void {
    const skipped = published.skipped;
    if (!skipped) return;
    const name = path.basename(vscode.Uri.parse(published.uri).path);
    const message = `BioLens did not analyse ${name}: its ${kb(skipped.size)} are above the limit of ${kb(skipped.limit)} (setting biolens.maxFileSizeKB).`;
    this.once(`large:${published.uri}`, message, 'info', ['Open Settings'], () =>
      vscode.commands.executeCommand('workbench.action.openSettings', 'biolens.maxFileSizeKB'),
    );
  }

  modelError(status: ServerStatus): void {
    if (status.state !== 'error' || !status.message) return;
    this.once(`model:${status.message}`, `BioLens: ${status.message}. Highlighting is off until a model loads.`, 'error', ['Open Settings', 'Show Output'], (choice) =>
      choice === 'Show Output'
        ? vscode.commands.executeCommand('biolens.showOutput')
        : vscode.commands.executeCommand('workbench.action.openSettings', 'biolens.modelPath'),
    );
  }

  serverStopped(): void {
    this.show('The BioLens server crashed repeatedly and was stopped. Run "BioLens: Restart Server" to try again.', 'error', ['Restart Server'], () =>
      vscode.commands.executeCommand('biolens.restartServer'),
    );
  }

  info(message: string): void {
    this.show(message, 'info', [], () => undefined);
  }

  error(message: string): void {
    this.show(message, 'error', [], () => undefined);
  }

  private once(key: string, message: string, level: 'info' | 'error', actions: string[], onAction: (choice: string) => unknown): void {
    if (this.told.has(key)) return;
    this.told.add(key);
    this.show(message, level, actions, onAction);
  }

  private show(message: string, level: 'info' | 'error', actions: string[], onAction: (choice: string) => unknown): void {
    this.shown.push(message);
    const show = level === 'error' ? vscode.window.showErrorMessage : vscode.window.showInformationMessage;
    void show(message, ...actions).then((choice) => choice && onAction(choice));
  }
}

function kb(chars: number): string {
  return `${Math.round(chars / 1024).toLocaleString('en')} KB`;
}
