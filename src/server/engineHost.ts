// Owns the loaded NER engine: loads it in the background (the server answers requests meanwhile),
// swaps it when the model folder setting changes, reloads it after a crash of its worker, and
// reports each state change. A model that fails to load leaves the server up, in the error
// state, until the setting changes: errors a user can cause must never kill the server.
import { createEngine, defaultModelDir, modelName as folderModelName, type EngineOptions, type NerEngine } from '../engine';
import type { ServerStatus } from '../protocol';

export type LoadEngine = (opts: EngineOptions) => Promise<NerEngine>;

// A model whose worker keeps dying is broken, not unlucky: stop reloading it.
const MAX_CRASHES = 3;
const CRASH_WINDOW_MS = 3 * 60_000;

export class EngineHost {
  private loading: Promise<NerEngine | undefined> = Promise.resolve(undefined);
  private engine: NerEngine | undefined;
  private modelDir: string | undefined;
  private configured = false;
  private generation = 0;
  private crashes: number[] = [];
  status: ServerStatus = { state: 'loading', model: modelName(undefined), terminology: false, pid: process.pid };

  constructor(
    private readonly onStatus: (status: ServerStatus) => void,
    /** Called when the model changed: a new engine, or undefined when it failed to load (error state). */
    private readonly onEngine: (engine: NerEngine | undefined) => void,
    private readonly load: LoadEngine = createEngine,
  ) {}

  /** Loads the model in `modelDir` (undefined: the bundled one) unless it is already the current one. */
  use(modelDir: string | undefined): void {
    if (this.configured && modelDir === this.modelDir) return;
    this.configured = true;
    this.modelDir = modelDir;
    this.crashes = [];
    this.reload();
  }

  /** The engine once loaded; undefined while the model is in the error state. */
  async ready(): Promise<NerEngine | undefined> {
    for (;;) {
      const loading = this.loading;
      const engine = await loading;
      if (loading === this.loading) return engine; // else a newer load started meanwhile: wait for that one
    }
  }

  /** The engine's worker died: load the model again, unless it has died too often lately. */
  crashed(error: Error): void {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((t) => now - t < CRASH_WINDOW_MS), now];
    if (this.crashes.length > MAX_CRASHES) {
      this.engine = undefined;
      this.loading = Promise.resolve(undefined);
      this.setStatus({ state: 'error', message: `The model crashed ${this.crashes.length} times in a row: ${error.message}` });
      this.onEngine(undefined);
      return;
    }
    this.reload();
  }

  setTerminology(available: boolean): void {
    this.setStatus({ terminology: available });
  }

  async dispose(): Promise<void> {
    this.generation++;
    await this.engine?.dispose();
  }

  private reload(): void {
    const generation = ++this.generation;
    const previous = this.engine;
    this.engine = undefined;
    void previous?.dispose().catch(() => undefined);
    const model = modelName(this.modelDir);
    this.setStatus({ state: 'loading', model, message: `Loading ${model}` });
    this.loading = this.load({ modelDir: this.modelDir }).then(
      (engine) => {
        if (generation !== this.generation) {
          void engine.dispose(); // superseded by a newer load while it loaded
          return undefined;
        }
        this.engine = engine;
        this.setStatus({ state: 'ready', model: engine.info.id, message: undefined });
        this.onEngine(engine);
        return engine;
      },
      (error: Error) => {
        if (generation !== this.generation) return undefined;
        this.setStatus({ state: 'error', message: `Cannot load the model: ${error.message}` });
        this.onEngine(undefined);
        return undefined;
      },
    );
  }

  private setStatus(change: Partial<ServerStatus>): void {
    this.status = { ...this.status, ...change };
    this.onStatus(this.status);
  }
}

function modelName(modelDir: string | undefined): string {
  return folderModelName(modelDir ?? defaultModelDir());
}
