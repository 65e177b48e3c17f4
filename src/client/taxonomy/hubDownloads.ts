// Hub downloads in the editor: the settings that allow them and name the host, a cancellable
// progress notification around the engine's downloader (engine/hub), and the downloaded models
// in the extension's global storage (<globalStorage>/models/<safe id>/<revision>).
//
// Nothing is fetched unless biolens.allowRemoteModels is on; both it and biolens.remoteModelHost
// are machine-scoped, so only the user's own settings count and a workspace, trusted or not, can
// neither turn downloads on nor redirect them. Turning the setting off cancels a download in flight.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  DEFAULT_REMOTE_HOST,
  downloadHubModel,
  HubDownloadCancelledError,
  listDownloadedModels,
  removeDownloadedModel,
  type DownloadedEntry,
  type DownloadProgress,
  type HubModelRef,
} from '../../engine/hub';
import { SECTION } from '../config';

export type DownloadOutcome = { dir: string; fetched: boolean } | { error: string } | 'cancelled';

export class HubDownloads implements vscode.Disposable {
  readonly modelsRoot: string;
  private inFlight: { modelId: string; abort: AbortController } | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** A download started or ended, or a model was removed. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  constructor(extension: vscode.ExtensionContext, private readonly userAgent: string) {
    this.modelsRoot = path.join(extension.globalStorageUri.fsPath, 'models');
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.allowRemoteModels`) && !this.allowed) this.inFlight?.abort.abort();
      }),
    );
  }

  get allowed(): boolean {
    return vscode.workspace.getConfiguration(SECTION).get<boolean>('allowRemoteModels', false);
  }

  /** biolens.remoteModelHost (transformers.js's env.remoteHost); only read when downloads are allowed. */
  get host(): string {
    return vscode.workspace.getConfiguration(SECTION).get<string>('remoteModelHost', DEFAULT_REMOTE_HOST).trim() || DEFAULT_REMOTE_HOST;
  }

  /** The hub id being downloaded now, if any. */
  get downloading(): string | null {
    return this.inFlight?.modelId ?? null;
  }

  list(): DownloadedEntry[] {
    try {
      return listDownloadedModels(this.modelsRoot);
    } catch {
      return []; // an unreadable storage folder lists nothing; a download will say what is wrong
    }
  }

  /** Downloads (or finds, already downloaded) the model, with a cancellable progress notification. */
  async download(ref: HubModelRef): Promise<DownloadOutcome> {
    if (!this.allowed) return { error: 'BioLens downloads nothing unless you turn on the setting biolens.allowRemoteModels' };
    if (this.inFlight) return { error: `BioLens is already downloading ${this.inFlight.modelId}` };
    const host = this.host;
    let hostName: string;
    try {
      const url = new URL(host);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(url.protocol);
      hostName = url.host;
    } catch {
      return { error: `the setting biolens.remoteModelHost is not an http(s) URL: "${host}"` };
    }
    const abort = new AbortController();
    this.inFlight = { modelId: ref.modelId, abort };
    this.changed.fire();
    try {
      const got = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `BioLens: downloading ${ref.modelId} from ${hostName}`, cancellable: true },
        (progress, token) => {
          token.onCancellationRequested(() => abort.abort());
          const report = progressReporter(progress);
          return downloadHubModel({ ...ref, host, modelsRoot: this.modelsRoot, signal: abort.signal, onProgress: report, userAgent: this.userAgent });
        },
      );
      return { dir: got.dir, fetched: got.fetched };
    } catch (error) {
      if (error instanceof HubDownloadCancelledError) return 'cancelled';
      return { error: (error as Error).message };
    } finally {
      this.inFlight = undefined;
      this.changed.fire();
    }
  }

  async remove(ref: HubModelRef): Promise<boolean> {
    const removed = await removeDownloadedModel(this.modelsRoot, ref);
    this.changed.fire();
    return removed;
  }

  dispose(): void {
    this.inFlight?.abort.abort();
    for (const s of this.subscriptions) s.dispose();
  }
}

/** Turns download progress into the notification's message and increments (whole percents, at most one report per percent or file). */
function progressReporter(progress: vscode.Progress<{ message?: string; increment?: number }>): (p: DownloadProgress) => void {
  let reportedPercent = 0;
  let lastFile = '';
  let lastMb = -1;
  return ({ file, loaded, total }) => {
    const percent = total ? Math.floor((100 * loaded) / total) : 0;
    const mb = Math.floor(loaded / 1e5) / 10;
    if (percent === reportedPercent && file === lastFile && (total || mb === lastMb)) return;
    const increment = percent - reportedPercent;
    reportedPercent = percent;
    lastFile = file;
    lastMb = mb;
    const size = total ? `${mb.toFixed(1)} of ${(total / 1e6).toFixed(1)} MB (${percent}%)` : `${mb.toFixed(1)} MB`;
    progress.report({ message: `${file}: ${size}`, increment: increment > 0 ? increment : undefined });
  };
}
