// The NerEngine the caller gets by default: a proxy that sends each call to a worker thread
// owning the model, matching replies by request id. Aborting a call rejects it at once and
// tells the worker to stop; a worker that dies rejects every pending call with
// EngineCrashedError and leaves the engine unusable (create a new one).
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AnnotateOptions, EngineOptions, ModelInfo, NerEngine } from './engineApi';
import { EngineCrashedError, EngineDisposedError } from './errors';
import type { Annotation } from './types';
import { deserializeError, WorkerReply, WorkerRequest } from './workerProtocol';

type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  cleanup(): void;
}

export class WorkerNerEngine implements NerEngine {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;
  private disposing = false;

  private constructor(
    private readonly worker: Worker,
    readonly info: ModelInfo,
  ) {
    worker.on('message', (reply: WorkerReply) => this.onReply(reply));
    worker.on('error', (e) => this.fail(new EngineCrashedError(`the NER worker crashed: ${e.message}`, { cause: e })));
    worker.on('exit', (code) => {
      if (!this.disposing) this.fail(new EngineCrashedError(`the NER worker exited unexpectedly (code ${code})`));
    });
    worker.unref(); // an idle engine must not keep the process alive; pending calls ref() it
  }

  /** Starts the worker and resolves once its model is loaded (or rejects with why not). */
  static async start(opts: EngineOptions): Promise<WorkerNerEngine> {
    const worker = spawnWorker(opts);
    let onMessage!: (reply: WorkerReply) => void;
    let onError!: (e: Error) => void;
    let onExit!: (code: number) => void;
    const loaded = new Promise<ModelInfo>((resolve, reject) => {
      onMessage = (reply) => {
        if (reply.type === 'ready') resolve(reply.info);
        else if (reply.type === 'loadFailed') reject(deserializeError(reply.error));
      };
      onError = (e) => reject(new EngineCrashedError(`the NER worker failed to start: ${e.message}`, { cause: e }));
      onExit = (code) => reject(new EngineCrashedError(`the NER worker exited while loading (code ${code})`));
    });
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    try {
      return new WorkerNerEngine(worker, await loaded);
    } catch (e) {
      await worker.terminate();
      throw e;
    } finally {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    }
  }

  async annotate(text: string, opts?: AnnotateOptions): Promise<Annotation[]> {
    return (await this.annotateBatch([text], opts))[0];
  }

  annotateBatch(texts: string[], opts: AnnotateOptions = {}): Promise<Annotation[][]> {
    return this.call({ type: 'annotate', texts, minScore: opts.minScore, types: opts.types }, opts.signal) as Promise<Annotation[][]>;
  }

  countTokens(text: string): Promise<number> {
    return this.call({ type: 'countTokens', text }) as Promise<number>;
  }

  async dispose(): Promise<void> {
    if (this.disposing) return;
    if (!this.failure) {
      const done = this.call({ type: 'dispose' }).catch(() => undefined);
      this.disposing = true; // after call(): it refuses new work once set
      await Promise.race([done, new Promise((r) => setTimeout(r, 2000).unref())]);
    }
    this.disposing = true;
    this.fail(new EngineDisposedError());
    await this.worker.terminate();
  }

  private call(body: RequestBody, signal?: AbortSignal): Promise<unknown> {
    if (this.disposing) return Promise.reject(new EngineDisposedError());
    if (this.failure) return Promise.reject(this.failure);
    if (signal?.aborted) return Promise.reject(signal.reason);
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.settle(id)?.reject(signal!.reason);
        this.worker.postMessage({ type: 'cancel', id } satisfies WorkerRequest);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, { resolve, reject, cleanup: () => signal?.removeEventListener('abort', onAbort) });
      this.worker.ref();
      this.worker.postMessage({ ...body, id } as WorkerRequest);
    });
  }

  private onReply(reply: WorkerReply): void {
    if (reply.type !== 'done' && reply.type !== 'failed') return;
    const pending = this.settle(reply.id);
    if (!pending) return; // aborted meanwhile
    if (reply.type === 'done') pending.resolve(reply.result);
    else pending.reject(deserializeError(reply.error));
  }

  /** Removes a pending call and returns it, un-ref-ing the worker when nothing waits. */
  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    if (!pending) return undefined;
    this.pending.delete(id);
    pending.cleanup();
    if (this.pending.size === 0) this.worker.unref();
    return pending;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(error);
  }
}

function spawnWorker(opts: EngineOptions): Worker {
  if (__filename.endsWith('.ts')) {
    // Running from source under tsx (tests, scripts): the worker registers tsx first.
    // Absolute paths: an eval worker resolves modules from the process's cwd, not from here.
    const tsx = require.resolve('tsx/cjs');
    const entry = path.join(__dirname, 'worker.ts');
    return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)});`, { eval: true, workerData: opts });
  }
  // Bundled: this code lives in dist/<entry>.js next to dist/engine-worker.js.
  return new Worker(path.join(__dirname, 'engine-worker.js'), { workerData: opts });
}
