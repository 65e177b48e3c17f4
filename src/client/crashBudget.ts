// How the client reacts when the server process dies: restart it, unless it has died too often
// lately (a model that crashes onnxruntime on every load would otherwise restart forever). Then
// it stays stopped and the user is told how to start it again.
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60_000;

export class CrashBudget implements ErrorHandler {
  private crashes: number[] = [];

  constructor(
    /** Told of every crash; `willRestart` is false once the budget is spent. */
    private readonly onCrash: (willRestart: boolean) => void,
    private readonly now: () => number = Date.now,
  ) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A few broken messages are survivable; a stream that keeps failing is a dead server.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashes = [...this.crashes.filter((t) => now - t < RESTART_WINDOW_MS), now];
    const willRestart = this.crashes.length <= MAX_RESTARTS;
    this.onCrash(willRestart);
    return { action: willRestart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
  }

  /** A deliberate (re)start by the user resets the count. */
  reset(): void {
    this.crashes = [];
  }
}
