// A language-server session driven the way an editor drives it: dist/server.js forked with
// --node-ipc, LSP over that channel. Used by the server tests and scripts/bench-extension.ts.
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  AnnotationsNotification,
  ConfigureNotification,
  SERVER_EXEC_ARGV,
  ServerStatusNotification,
  type DocumentAnnotations,
  type ServerSettings,
  type ServerStatus,
} from '../../src/protocol';
import { DEFAULT_SETTINGS } from '../../src/server/settings';

export const SERVER_MODULE = path.resolve(__dirname, '..', '..', 'dist', 'server.js');

type Listener<T> = (value: T) => void;

export class ServerSession {
  status: ServerStatus | undefined;
  private readonly annotationListeners = new Set<Listener<DocumentAnnotations>>();
  private readonly statusListeners = new Set<Listener<ServerStatus>>();

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    public settings: ServerSettings,
  ) {
    connection.onNotification(AnnotationsNotification, (a) => this.annotationListeners.forEach((l) => l(a)));
    connection.onNotification(ServerStatusNotification, (s) => {
      this.status = s;
      this.statusListeners.forEach((l) => l(s));
    });
  }

  /**
   * Forks the server (by default this checkout's dist/server.js) and completes the LSP handshake;
   * the model loads in the background.
   */
  static async start(settings: Partial<ServerSettings> = {}, serverModule = SERVER_MODULE): Promise<ServerSession> {
    // The editor's flags, not this process's (tsx's loader hooks and source maps would slow the
    // server's start several-fold, and the editor starts it without them).
    const child = fork(serverModule, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], execArgv: [...SERVER_EXEC_ARGV] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    const session = new ServerSession(child, connection, { ...DEFAULT_SETTINGS, ...settings });
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      initializationOptions: session.settings,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  get pid(): number {
    return this.process.pid!;
  }

  onAnnotations(listener: Listener<DocumentAnnotations>): () => void {
    this.annotationListeners.add(listener);
    return () => this.annotationListeners.delete(listener);
  }

  /** The first status (including the current one) that satisfies `accept`. */
  waitForStatus(accept: (s: ServerStatus) => boolean): Promise<ServerStatus> {
    if (this.status && accept(this.status)) return Promise.resolve(this.status);
    return new Promise((resolve) => {
      const listener = (s: ServerStatus) => {
        if (!accept(s)) return;
        this.statusListeners.delete(listener);
        resolve(s);
      };
      this.statusListeners.add(listener);
    });
  }

  /** The next publication for `uri` that satisfies `accept`. Subscribe before causing it. */
  nextAnnotations(uri: string, accept: (a: DocumentAnnotations) => boolean = (a) => a.state !== 'pending'): Promise<DocumentAnnotations> {
    return new Promise((resolve) => {
      const stop = this.onAnnotations((a) => {
        if (a.uri !== uri || !accept(a)) return;
        stop();
        resolve(a);
      });
    });
  }

  open(uri: string, text: string, version = 1, languageId = 'plaintext'): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, text: string): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  configure(change: Partial<ServerSettings>): void {
    this.settings = { ...this.settings, ...change };
    void this.connection.sendNotification(ConfigureNotification, this.settings);
  }

  /** Resident memory of the server process (its worker threads included), in MB (Linux). */
  residentMB(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}
