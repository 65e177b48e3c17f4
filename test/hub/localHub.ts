// A stand-in for the Hugging Face Hub on 127.0.0.1: serves model folders at transformers.js's
// layout, /{model}/resolve/{revision}/{file}, for GET and HEAD, and records every request. The
// unit tests and the end-to-end test download from it (no test can reach the real hub).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export interface HubRequest {
  method: string;
  /** The URL path as sent (still percent-encoded). */
  path: string;
}

export interface LocalHubOptions {
  /** Path template of the served URLs, transformers.js's env.remotePathTemplate; default '{model}/resolve/{revision}/'. */
  pathTemplate?: string;
  /** Files (relative) answered with 404 although they exist. */
  missing?: string[];
  /** A file sent in `chunk`-byte pieces `delayMs` apart, so that a test can act mid-download. */
  slow?: { file: string; chunk: number; delayMs: number };
  /** A file whose connection is cut after this many bytes (its Content-Length says the full size). */
  cut?: { file: string; after: number };
}

export interface LocalHub {
  /** http://127.0.0.1:<port> */
  host: string;
  requests: HubRequest[];
  close(): Promise<void>;
}

/** Serves each `models` entry (hub id → folder on disk) at any revision. */
export async function startLocalHub(models: Record<string, string>, options: LocalHubOptions = {}): Promise<LocalHub> {
  const requests: HubRequest[] = [];
  const template = (options.pathTemplate ?? '{model}/resolve/{revision}/').replace(/\/$/, '');
  const pattern = new RegExp(
    '^/' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('{model}', '(?<model>[^/]+(?:/[^/]+)?)').replace('{revision}', '(?<revision>[^/]+)') + '/(?<file>.+)$',
  );
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const urlPath = (req.url ?? '/').split('?')[0];
    requests.push({ method: req.method ?? 'GET', path: urlPath });
    const match = pattern.exec(urlPath)?.groups;
    const folder = match && models[match.model];
    const file = match && decodeURIComponent(match.file);
    const full = folder && file ? path.join(folder, file) : undefined;
    if (!full || !file || options.missing?.includes(file) || !full.startsWith(folder + path.sep) || !existsSync(full) || !statSync(full).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Entry not found');
      return;
    }
    const size = statSync(full).size;
    res.writeHead(200, { 'Content-Length': String(size), 'Content-Type': 'application/octet-stream' });
    if (req.method === 'HEAD') return void res.end();
    if (options.cut?.file === file) {
      const stream = createReadStream(full, { start: 0, end: options.cut.after - 1 });
      stream.pipe(res, { end: false });
      stream.on('end', () => res.destroy());
    } else if (options.slow?.file === file) {
      sendSlowly(full, size, options.slow, res);
    } else createReadStream(full).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendSlowly(file: string, size: number, slow: { chunk: number; delayMs: number }, res: ServerResponse): void {
  let at = 0;
  const next = () => {
    if (res.destroyed) return;
    if (at >= size) return void res.end();
    const end = Math.min(size, at + slow.chunk);
    const stream = createReadStream(file, { start: at, end: end - 1 });
    at = end;
    stream.on('data', (data) => res.write(data));
    stream.on('end', () => setTimeout(next, slow.delayMs));
  };
  next();
}
