// The model taxonomy sidebar (a webview view in its own activity-bar container): shows the
// taxonomy, marks the model that runs, and switches the server's model on "Use this model" or
// "Use a local model folder…" — checked first, loaded with progress, rolled back on failure.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SECTION } from '../config';
import type { Ctx } from '../ctx';
import type { Taxonomy } from './facets';
import { taxonomyHtml } from './html';
import { parseFromWebview, type ToWebview, type ViewState } from './messages';
import { checkModelFolder } from '../../engine/modelFolder';
import { readModelCard, type ModelCardNumbers } from './modelCard';

export const TAXONOMY_VIEW_ID = 'biolens.taxonomy';
const BUNDLED_ID = 'biolens-ner-mini';

export class TaxonomyView implements vscode.WebviewViewProvider, vscode.Disposable {
  readonly taxonomy: Taxonomy;
  private readonly ids: Set<string>;
  private view: vscode.WebviewView | undefined;
  private switching: string | null = null;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Every state posted to the webview, for the end-to-end tests (via the extension's API). */
  lastPosted: ViewState | undefined;

  constructor(private readonly ctx: Ctx) {
    const root = ctx.extension.extensionUri.fsPath;
    this.taxonomy = JSON.parse(readFileSync(path.join(root, 'models', 'taxonomy.json'), 'utf8')) as Taxonomy;
    this.ids = new Set(this.taxonomy.models.map((m) => m.id));
    this.subscriptions.push(
      ctx.onDidChangeState(() => this.postState()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.allowRemoteModels`) || e.affectsConfiguration(`${SECTION}.modelPath`)) this.postState();
      }),
    );
  }

  get resolved(): boolean {
    return this.view !== undefined;
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const ext = this.ctx.extension.extensionUri;
    view.webview.options = {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(ext, 'dist'), vscode.Uri.joinPath(ext, 'media')],
    };
    view.webview.html = taxonomyHtml({
      cspSource: view.webview.cspSource,
      scriptUri: view.webview.asWebviewUri(vscode.Uri.joinPath(ext, 'dist', 'taxonomy-view.js')).toString(),
      styleUri: view.webview.asWebviewUri(vscode.Uri.joinPath(ext, 'media', 'taxonomy.css')).toString(),
    });
    view.webview.onDidReceiveMessage((raw) => this.onMessage(raw), undefined, this.subscriptions);
    view.onDidDispose(() => (this.view = undefined), undefined, this.subscriptions);
  }

  state(): ViewState {
    const dir = this.ctx.config.modelDir();
    const server = this.ctx.serverState;
    const cards: ModelCardNumbers[] = [];
    const bundledDir = path.join(this.ctx.extension.extensionUri.fsPath, 'models', BUNDLED_ID);
    for (const d of dir ? [bundledDir, dir] : [bundledDir]) {
      try {
        const card = readModelCard(d);
        if (card) cards.push(card);
      } catch {
        // an unreadable card is simply not compared
      }
    }
    return {
      activeId: dir ? null : BUNDLED_ID,
      activeName: dir ? path.basename(dir) : BUNDLED_ID,
      activeDir: dir,
      serverState: server.state,
      serverMessage: server.message,
      allowRemoteModels: vscode.workspace.getConfiguration(SECTION).get<boolean>('allowRemoteModels', false),
      cards,
      switching: this.switching,
    };
  }

  /** Switches to a taxonomy entry that runs here (today: the bundled model). */
  async useEntry(id: string): Promise<boolean> {
    const entry = this.taxonomy.models.find((m) => m.id === id);
    if (!entry) return false;
    if (entry.runnable.kind === 'bundled') return this.switchTo(null, entry.name);
    if (entry.runnable.kind === 'hub-onnx') {
      const allowed = vscode.workspace.getConfiguration(SECTION).get<boolean>('allowRemoteModels', false);
      this.ctx.notices.info(
        allowed
          ? `Downloading ${entry.hfId} is not available in this version of BioLens: download its folder yourself and run "BioLens: Use a Local Model Folder…".`
          : `${entry.name} would be downloaded from the Hugging Face Hub. BioLens downloads nothing unless you turn on the setting biolens.allowRemoteModels.`,
      );
      return false;
    }
    this.ctx.notices.info(`${entry.name} cannot run in BioLens: ${entry.runnable.note}`);
    return false;
  }

  /** "Use a local model folder…": a folder picker unless `folder` is given, then a check, then the switch. */
  async useLocalFolder(folder?: vscode.Uri): Promise<boolean> {
    const picked =
      folder ??
      (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Use this model folder', title: 'BioLens: a model folder (config.json, tokenizer.json, onnx/model_quantized.onnx)' }))?.[0];
    if (!picked) return false;
    const dir = picked.fsPath;
    const { problems } = checkModelFolder(dir);
    if (problems.length) {
      const message = `BioLens cannot use ${dir}: ${problems.map((p) => p.message).join('; ')}.`;
      this.ctx.notices.error(message);
      return false;
    }
    return this.switchTo(dir, path.basename(dir));
  }

  private async switchTo(dir: string | null, label: string): Promise<boolean> {
    if (this.switching) {
      this.ctx.notices.info(`BioLens is already switching to ${this.switching}.`);
      return false;
    }
    const previous = this.ctx.config.modelDir();
    this.switching = label;
    this.postState();
    try {
      const status = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `BioLens: loading ${label}…` },
        () => this.ctx.useModel(dir),
      );
      if (status.state === 'ready') {
        await this.ctx.config.setModelPath(dir ?? undefined);
        return true;
      }
      this.ctx.notices.error(`BioLens could not load ${label}: ${status.message ?? 'unknown error'}. Going back to the previous model.`);
      await this.ctx.useModel(previous).catch(() => undefined);
      return false;
    } catch (error) {
      this.ctx.notices.error(`BioLens could not switch to ${label}: ${(error as Error).message}`);
      return false;
    } finally {
      this.switching = null;
      this.postState();
    }
  }

  private onMessage(raw: unknown): void {
    const message = parseFromWebview(raw, this.ids);
    if (!message) {
      this.ctx.output.appendLine(`taxonomy view: ignored an unexpected message ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        this.post({ type: 'init', taxonomy: this.taxonomy, state: this.state() });
        break;
      case 'use':
        void this.useEntry(message.id);
        break;
      case 'useLocal':
        void this.useLocalFolder();
        break;
      case 'openSettings':
        void vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.allowRemoteModels`);
        break;
      case 'ui':
        break; // kept by the webview itself (setState); nothing to do here
    }
  }

  private postState(): void {
    this.post({ type: 'state', state: this.state() });
  }

  private post(message: ToWebview): void {
    this.lastPosted = message.state;
    void this.view?.webview.postMessage(message);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
