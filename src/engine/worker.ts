// Worker-thread entry (bundled as dist/engine-worker.js): owns the ONNX session and answers
// the main thread's requests, so inference never blocks the caller's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import type { EngineOptions } from './engineApi';
import { NerPipeline } from './nerPipeline';
import { serializeError, WorkerReply, WorkerRequest } from './workerProtocol';

const port = parentPort!;
const reply = (message: WorkerReply) => port.postMessage(message);

NerPipeline.load(workerData as EngineOptions).then(
  (pipeline) => {
    const running = new Map<number, AbortController>();
    port.on('message', async (request: WorkerRequest) => {
      if (request.type === 'cancel') {
        running.get(request.id)?.abort();
        return;
      }
      const controller = new AbortController();
      running.set(request.id, controller);
      try {
        if (request.type === 'annotate') {
          const { texts, minScore, types } = request;
          reply({ type: 'done', id: request.id, result: await pipeline.annotateBatch(texts, { minScore, types, signal: controller.signal }) });
        } else if (request.type === 'countTokens') {
          reply({ type: 'done', id: request.id, result: await pipeline.countTokens(request.text) });
        } else {
          await pipeline.dispose(); // stops the calls in flight first
          reply({ type: 'done', id: request.id });
          port.close();
        }
      } catch (e) {
        reply({ type: 'failed', id: request.id, error: serializeError(e) });
      } finally {
        running.delete(request.id);
      }
    });
    reply({ type: 'ready', info: pipeline.info });
  },
  (e) => reply({ type: 'loadFailed', error: serializeError(e) }),
);
