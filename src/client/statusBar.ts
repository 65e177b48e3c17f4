// The status bar item: model name and state (loading, ready, error), entities in the active
// document, whether highlighting is on. Clicking it opens the BioLens actions.
import * as vscode from 'vscode';
import type { ServerStatus } from '../protocol';
import type { AnnotationStore } from './annotationStore';

export type ClientState = ServerStatus | { state: 'starting' | 'stopped'; message?: string };

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('biolens.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];
  private status: ClientState = { state: 'starting' };
  private highlighting = true;

  constructor(private readonly store: AnnotationStore) {
    this.item.name = 'BioLens';
    this.item.command = 'biolens.showActions';
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      store.onDidChange(() => this.render()),
    ];
    this.render();
    this.item.show();
  }

  get text(): string {
    return this.item.text;
  }

  setStatus(status: ClientState): void {
    this.status = status;
    this.render();
  }

  setHighlighting(on: boolean): void {
    this.highlighting = on;
    this.render();
  }

  private render(): void {
    const s = this.status;
    const model = 'model' in s ? s.model : 'BioLens';
    const doc = vscode.window.activeTextEditor?.document;
    const known = doc && this.store.current(doc);
    let text: string;
    switch (s.state) {
      case 'starting':
        text = '$(loading~spin) BioLens: starting';
        break;
      case 'loading':
        text = `$(loading~spin) BioLens: loading ${model}`;
        break;
      case 'error':
        text = '$(error) BioLens: model error';
        break;
      case 'stopped':
        text = '$(circle-slash) BioLens: stopped';
        break;
      case 'ready':
        text = !this.highlighting
          ? '$(eye-closed) BioLens: off'
          : known?.state === 'skipped'
            ? '$(circle-slash) BioLens: skipped (large file)'
            : `$(beaker) BioLens${known ? `: ${known.annotations.length} entities` : ''}`;
        break;
    }
    this.item.text = text;
    this.item.backgroundColor = s.state === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**BioLens** — ${model}: ${s.state}\n\n`);
    if (s.message) tooltip.appendText(`${s.message}\n\n`);
    if ('terminology' in s) tooltip.appendMarkdown(`Concept linking: ${s.terminology ? 'on' : 'not available (entities only)'}\n\n`);
    if ('pid' in s) tooltip.appendMarkdown(`Server process ${s.pid}\n\n`);
    tooltip.appendMarkdown('Click for BioLens actions');
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
