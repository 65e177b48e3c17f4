// Entry point. Activation only wires things up (cheap, no model code in this process); the
// server process loads the model afterwards and reports its progress in the status bar.
import * as vscode from 'vscode';
import type { BioLensApi } from './api';
import { registerCommands, toggleHighlighting } from './commands';
import { Config, SECTION } from './config';
import { Ctx } from './ctx';
import { TaxonomyView, TAXONOMY_VIEW_ID } from './taxonomy/view';

let ctx: Ctx | undefined;

export function activate(context: vscode.ExtensionContext): BioLensApi {
  const started = performance.now();
  const c = new Ctx(context);
  ctx = c;
  const taxonomy = new TaxonomyView(c);
  context.subscriptions.push(
    c,
    taxonomy,
    vscode.window.registerWebviewViewProvider(TAXONOMY_VIEW_ID, taxonomy, { webviewOptions: { retainContextWhenHidden: true } }),
    ...registerCommands(c, taxonomy),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SECTION)) return;
      if (Config.needsRestart(event)) void c.restart();
      else c.sendSettings();
      if (event.affectsConfiguration(`${SECTION}.decorationStyle`) || event.affectsConfiguration(`${SECTION}.negatedStyle`)) c.painter.restyle();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => c.sendSettings()),
  );
  toggleHighlighting(c, context.workspaceState.get('biolens.highlighting', true));
  void c.start();
  const activationMs = performance.now() - started;
  return {
    activationMs,
    get state() {
      return c.serverState;
    },
    onDidChangeState: c.onDidChangeState,
    annotations: (doc) => c.store.current(doc),
    decorations: (uri) => c.painter.paintedIn(uri),
    onDidPaint: c.painter.onDidPaint,
    get statusText() {
      return c.statusBar.text;
    },
    messages: c.notices.shown,
    taxonomy: {
      get resolved() {
        return taxonomy.resolved;
      },
      get posted() {
        return taxonomy.lastPosted;
      },
    },
  };
}

export async function deactivate(): Promise<void> {
  await ctx?.stop();
  ctx = undefined;
}
