// The model taxonomy sidebar (a webview view in its own activity-bar container): shows the
// taxonomy, marks the model that runs, and switches the server's model on "Use this model",
// "Use a local model folder…" or "Download and use" (a hub model, when downloads are allowed) —
// checked first, loaded with progress, rolled back on failure.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SECTION } from '../config';
import type { Ctx } from '../ctx';
import type { Taxonomy } from './facets';
import { taxonomyHtml } from './html';
import { downloadKey, parseFromWebview, type DownloadedModel, type ToWebview, type ViewState } from './messages';
import { isHubModelId, isRevision, type HubModelRef } from '../../engine/hub';
import { checkModelFolder, modelName } from '../../engine/modelFolder';
import { HubDownloads } from './hubDownloads';
import { readModelCard, type ModelCardNumbers } from './modelCard';

export const TAXONOMY_VIEW_ID = 'biolens.taxonomy';
const BUNDLED_ID = 'biolens-ner-mini';

/** How a switch ended: the model runs; it failed to load (the previous one is back); or nothing was tried. */
type SwitchResult = 'used' | 'failed-to-load' | 'not-switched';

export class TaxonomyView implements vscode.WebviewViewProvider, vscode.Disposable {
  readonly taxonomy: Taxonomy;
  private readonly ids: Set<string>;
  private view: vscode.WebviewView | undefined;
  private switching: string | null = null;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Every state posted to the webview, for the end-to-end tests (via the extension's API). */
  lastPosted: ViewState | undefined;
  readonly hub: HubDownloads;

  constructor(private readonly ctx: Ctx) {
    const root = ctx.extension.extensionUri.fsPath;
    this.taxonomy = JSON.parse(readFileSync(path.join(root, 'models', 'taxonomy.json'), 'utf8')) as Taxonomy;
    this.ids = new Set(this.taxonomy.models.map((m) => m.id));
    this.hub = new HubDownloads(ctx.extension, `BioLens/${String(ctx.extension.extension.packageJSON.version)}`);
    this.subscriptions.push(
      this.hub,
      this.hub.onDidChange(() => this.postState()),
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
    const downloads = this.downloads();
    const activeDownload = dir ? downloads.find((d) => d.dir === dir) : undefined;
    return {
      activeId: dir ? (this.taxonomy.models.find((m) => activeDownload && m.hfId === activeDownload.modelId)?.id ?? null) : BUNDLED_ID,
      activeName: dir ? modelName(dir) : BUNDLED_ID,
      activeDir: dir,
      serverState: server.state,
      serverMessage: server.message,
      allowRemoteModels: this.hub.allowed,
      cards,
      switching: this.switching,
      downloads,
      downloading: this.hub.downloading,
    };
  }

  /** The hub models in the extension's storage. */
  downloads(): DownloadedModel[] {
    return this.hub.list().map((d) => ({ modelId: d.manifest.modelId, revision: d.manifest.revision, dir: d.dir, bytes: d.bytes, host: d.manifest.host }));
  }

  /** Switches to a taxonomy entry that runs here: the bundled model, or a hub model (downloaded first). */
  async useEntry(id: string): Promise<boolean> {
    const entry = this.taxonomy.models.find((m) => m.id === id);
    if (!entry) return false;
    if (entry.runnable.kind === 'bundled') return (await this.switchTo(null, entry.name)) === 'used';
    if (entry.runnable.kind === 'hub-onnx' && entry.hfId) return this.useHubModel(entry.hfId);
    this.ctx.notices.info(`${entry.name} cannot run in BioLens: ${entry.runnable.note}`);
    return false;
  }

  /**
   * "Download and use": any hub model id (the taxonomy's hub entries, or one typed into
   * "BioLens: Download a Model from the Hub…"). An already downloaded model is used offline; a
   * downloaded model that then fails to load is removed, since it cannot run here.
   */
  async useHubModel(modelId: string, revision?: string): Promise<boolean> {
    const ref: HubModelRef = { modelId, revision };
    if (!isHubModelId(modelId) || (revision !== undefined && !isRevision(revision))) {
      this.ctx.notices.error(`BioLens: "${modelId}${revision ? `@${revision}` : ''}" is not a hub model id (owner/name, optionally a revision).`);
      return false;
    }
    const downloaded = this.downloads().find((d) => d.modelId === modelId && (revision === undefined || d.revision === revision));
    if (!downloaded && !this.hub.allowed) {
      this.ctx.notices.info(`${modelId} would be downloaded from the hub. BioLens downloads nothing unless you turn on the setting biolens.allowRemoteModels.`);
      return false;
    }
    const outcome = downloaded ? { dir: downloaded.dir, fetched: false } : await this.hub.download(ref);
    if (outcome === 'cancelled') {
      this.ctx.notices.info(`BioLens: the download of ${modelId} was cancelled; nothing of it was kept.`);
      return false;
    }
    if ('error' in outcome) {
      // "<id> cannot run in BioLens: …" already names the model.
      this.ctx.notices.error(outcome.error.startsWith(modelId) ? `BioLens: ${outcome.error}.` : `BioLens could not download ${modelId}: ${outcome.error}.`);
      return false;
    }
    const result = await this.switchTo(outcome.dir, modelId);
    if (result === 'failed-to-load' && outcome.fetched) {
      await this.hub.remove(ref);
      this.ctx.notices.info(`BioLens removed the download of ${modelId}: it does not load in BioLens.`);
    }
    return result === 'used';
  }

  /** Deletes a downloaded hub model; the bundled model runs instead if it was the active one. */
  async deleteDownloaded(ref: Required<HubModelRef>): Promise<boolean> {
    const download = this.downloads().find((d) => downloadKey(d) === downloadKey(ref));
    if (!download) return false;
    if (this.ctx.config.modelDir() === download.dir && (await this.switchTo(null, BUNDLED_ID)) !== 'used') return false;
    return this.hub.remove(ref);
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
    return (await this.switchTo(dir, path.basename(dir))) === 'used';
  }

  private async switchTo(dir: string | null, label: string): Promise<SwitchResult> {
    if (this.switching) {
      this.ctx.notices.info(`BioLens is already switching to ${this.switching}.`);
      return 'not-switched';
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
        return 'used';
      }
      this.ctx.notices.error(`BioLens could not load ${label}: ${status.message ?? 'unknown error'}. Going back to the previous model.`);
      await this.ctx.useModel(previous).catch(() => undefined);
      return 'failed-to-load';
    } catch (error) {
      this.ctx.notices.error(`BioLens could not switch to ${label}: ${(error as Error).message}`);
      return 'not-switched';
    } finally {
      this.switching = null;
      this.postState();
    }
  }

  private onMessage(raw: unknown): void {
    const message = parseFromWebview(raw, this.ids, new Set(this.downloads().map(downloadKey)));
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
      case 'useDownloaded':
        void this.useHubModel(message.modelId, message.revision);
        break;
      case 'deleteDownloaded':
        void this.deleteDownloaded(message);
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
