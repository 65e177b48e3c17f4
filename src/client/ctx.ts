// The extension's context: owns the language client and everything that lives as long as the
// extension (store, decorations, status bar, notices), and starts, restarts and stops the server.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import {
  AnnotationsNotification,
  ConfigureNotification,
  ServerStatusNotification,
  UseModelRequest,
  WorkspaceReportRequest,
  type ServerStatus,
  type WorkspaceReport,
  type WorkspaceReportParams,
} from '../protocol';
import { AnnotationStore } from './annotationStore';
import { Config } from './config';
import { CrashBudget } from './crashBudget';
import { DecorationPainter } from './decorations';
import { createLanguageClient } from './languageClient';
import { Notices } from './notices';
import { StatusBar, type ClientState } from './statusBar';

export class Ctx implements vscode.Disposable {
  readonly config = new Config();
  readonly store = new AnnotationStore();
  readonly painter = new DecorationPainter(this.store, this.config);
  readonly statusBar = new StatusBar(this.store);
  readonly notices = new Notices();
  readonly output = vscode.window.createOutputChannel('BioLens');
  private readonly crashBudget = new CrashBudget((willRestart) => this.onServerCrash(willRestart));
  private client: LanguageClient | undefined;
  private state: ClientState = { state: 'starting' };
  private readonly stateEmitter = new vscode.EventEmitter<ClientState>();
  readonly onDidChangeState = this.stateEmitter.event;
  readonly subscriptions: vscode.Disposable[] = [this.store, this.painter, this.statusBar, this.output, this.stateEmitter];

  constructor(readonly extension: vscode.ExtensionContext) {}

  get serverState(): ClientState {
    return this.state;
  }

  async start(): Promise<void> {
    const client = createLanguageClient(this.extension, this.config, this.crashBudget, this.output);
    this.client = client;
    client.onNotification(AnnotationsNotification, (published) => {
      if (this.store.accept(published) && published.state === 'skipped') this.notices.largeFile(published);
    });
    client.onNotification(ServerStatusNotification, (status) => this.setState(status));
    this.setState({ state: 'starting' });
    try {
      await client.start();
    } catch (error) {
      this.setState({ state: 'stopped', message: `The BioLens server did not start: ${(error as Error).message}` });
    }
  }

  async restart(): Promise<void> {
    this.crashBudget.reset();
    await this.stop();
    await this.start();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client && client.state !== State.Stopped) await client.stop().catch(() => undefined);
    this.setState({ state: 'stopped' });
  }

  /** Settings or workspace trust changed: the server gets the settings it should act on now. */
  sendSettings(): void {
    // A restart can begin while the notification is under way (a setting changed, then "Restart
    // Server"): the new server gets the settings at its start, so a failed send is not an error.
    if (this.client?.state === State.Running) this.client.sendNotification(ConfigureNotification, this.config.serverSettings()).catch(() => undefined);
  }

  async workspaceReport(params: WorkspaceReportParams, token: vscode.CancellationToken): Promise<WorkspaceReport> {
    if (this.client?.state !== State.Running) throw new Error('the BioLens server is not running');
    return this.client.sendRequest(WorkspaceReportRequest, params, token);
  }

  /** Asks the server to load another model (null: the bundled one); resolves once it is loaded or failed. */
  async useModel(modelDir: string | null): Promise<ServerStatus> {
    if (this.client?.state !== State.Running) throw new Error('the BioLens server is not running');
    return this.client.sendRequest(UseModelRequest, { modelDir });
  }

  private setState(state: ClientState): void {
    this.state = state;
    this.statusBar.setStatus(state);
    if (state.state === 'error') this.notices.modelError(state as ServerStatus);
    this.stateEmitter.fire(state);
  }

  private onServerCrash(willRestart: boolean): void {
    if (willRestart) {
      this.setState({ state: 'starting', message: 'The BioLens server stopped unexpectedly and is being restarted.' });
    } else {
      this.setState({ state: 'stopped', message: 'The BioLens server crashed repeatedly and was stopped.' });
      this.notices.serverStopped();
    }
  }

  dispose(): void {
    void this.stop();
    for (const s of this.subscriptions) s.dispose();
  }
}
