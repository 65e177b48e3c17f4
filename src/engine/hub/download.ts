// Downloads a hub model folder that BioLens's engine can run, into <models root>/<safe id>/<revision>.
//
// Why our own downloader rather than transformers.js's (its getModelFile/ModelRegistry): the
// engine no longer ships transformers.js, and bundling it back for its hub code adds 0.55 MB of
// minified JavaScript to the bundle that needs `sharp` (a native image library, not in the .vsix)
// and loads onnxruntime at import time, in the extension host (measured: the bundle fails with
// "Cannot find module 'sharp'"). Its fetch also takes no AbortSignal and it caches file by file in
// its own cache folder, while we need a cancellable download that activates a whole folder or
// nothing. So this follows its URL layout and remote-host convention exactly (layout.ts) in a
// page of code: fetch, a temporary folder, an atomic rename.
//
// Rollback, not resume: everything goes to a `.partial-*` folder next to the final one, renamed
// into place only once every file is complete and the engine's folder check passes. A failure or
// a cancel removes the partial folder, so a model folder is either whole or absent.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { checkModelFolder, HUB_MANIFEST, ONNX_FILE, type FolderProblem } from '../modelFolder';
import { HubDownloadCancelledError, HubDownloadError } from './errors';
import { DEFAULT_REVISION, hubFileUrl, isHubModelId, isRevision, localModelDir, type HubModelRef, type HubServer } from './layout';

/** The files read first: small, and enough to tell whether the engine could run the model at all. */
const DESCRIPTION_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];
/** BioLens's own model card format (the comparison view reads it); most hub repos have none. */
const OPTIONAL_FILES = ['MODEL_CARD.md'];
// A partial folder older than this belongs to a download whose process died: safe to remove.
const STALE_PARTIAL_MS = 24 * 3600_000;

export interface DownloadProgress {
  /** The file being downloaded (relative to the model folder). */
  file: string;
  /** Bytes received so far, all files together. Never decreases. */
  loaded: number;
  /** Bytes of all files together, once known (after the description files); null before. */
  total: number | null;
}

export interface HubManifest {
  modelId: string;
  revision: string;
  host: string;
  /** Bytes per file, relative names. */
  files: Record<string, number>;
  downloadedAt: string;
}

export interface DownloadOptions extends HubModelRef, HubServer {
  /** Where model folders live (the extension's global storage/models). */
  modelsRoot: string;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** Sent as User-Agent. */
  userAgent?: string;
}

export interface DownloadedModel {
  dir: string;
  manifest: HubManifest;
  /** False when the folder was already there, complete: nothing was fetched. */
  fetched: boolean;
}

export async function downloadHubModel(opts: DownloadOptions): Promise<DownloadedModel> {
  const ref = { modelId: opts.modelId, revision: opts.revision ?? DEFAULT_REVISION };
  if (!isHubModelId(ref.modelId)) throw new HubDownloadError(`"${ref.modelId}" is not a hub model id (owner/name)`);
  if (!isRevision(ref.revision)) throw new HubDownloadError(`"${ref.revision}" is not a revision (a branch, tag or commit)`);
  const dir = localModelDir(opts.modelsRoot, ref);
  const existing = readManifest(dir);
  if (existing && !checkModelFolder(dir).problems.length) return { dir, manifest: existing, fetched: false };

  await mkdir(opts.modelsRoot, { recursive: true });
  await removeStalePartials(opts.modelsRoot);
  const partial = path.join(opts.modelsRoot, `.partial-${path.basename(path.dirname(dir))}-${randomBytes(4).toString('hex')}`);
  await mkdir(partial);
  try {
    const manifest = await fetchInto(partial, ref, opts);
    await mkdir(path.dirname(dir), { recursive: true });
    await rm(dir, { recursive: true, force: true }); // an incomplete earlier copy, if any
    await rename(partial, dir);
    return { dir, manifest, fetched: true };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    if (opts.signal?.aborted) throw new HubDownloadCancelledError();
    throw error;
  }
}

/** Every file into `partial`, checked as the engine would check it; the manifest last. */
async function fetchInto(partial: string, ref: Required<HubModelRef>, opts: DownloadOptions): Promise<HubManifest> {
  const files: Record<string, number> = {};
  let loaded = 0;
  let total: number | null = null;
  const get = async (file: string) => {
    files[file] = await fetchFile(partial, file, ref, opts, (bytes) => {
      loaded += bytes;
      opts.onProgress?.({ file, loaded, total });
    });
  };

  for (const file of DESCRIPTION_FILES) await get(file);
  // Before the weights (hundreds of MB for some models): would the engine run this model at all?
  const early = checkModelFolder(partial).problems.filter((p) => DESCRIPTION_FILES.includes(p.file));
  if (early.length) throw notRunnable(ref, early);

  const rest = [ONNX_FILE.q8, ...gazetteerOf(partial)];
  const sizes = await Promise.all([...rest, ...OPTIONAL_FILES].map((file) => headSize(file, ref, opts, rest.includes(file))));
  const optional = OPTIONAL_FILES.filter((_, i) => sizes[rest.length + i] !== undefined);
  total = sizes.every((s) => s !== null) ? loaded + sizes.reduce<number>((sum, s) => sum + (s ?? 0), 0) : null;
  for (const file of [...rest, ...optional]) await get(file);

  const problems = checkModelFolder(partial).problems;
  if (problems.length) throw notRunnable(ref, problems);
  const manifest: HubManifest = { modelId: ref.modelId, revision: ref.revision, host: opts.host, files, downloadedAt: new Date().toISOString() };
  await writeFile(path.join(partial, HUB_MANIFEST), JSON.stringify(manifest, null, 1));
  return manifest;
}

/** GETs one file into the folder, streaming; resolves with its size once it is complete. */
async function fetchFile(folder: string, file: string, ref: HubModelRef, opts: DownloadOptions, onBytes: (n: number) => void): Promise<number> {
  const url = hubFileUrl(opts, ref, file);
  const response = await request(url, 'GET', file, opts);
  const expected = contentLength(response);
  const target = path.join(folder, file);
  await mkdir(path.dirname(target), { recursive: true });
  const out = await open(target, 'w');
  let size = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      await out.write(chunk);
      size += chunk.length;
      onBytes(chunk.length);
    }
  } catch (error) {
    if (opts.signal?.aborted) throw error;
    throw new HubDownloadError(`${file}: the connection to ${hostOf(url)} broke after ${size} bytes (${(error as Error).message})`, file, undefined, { cause: error });
  } finally {
    await out.close();
  }
  if (expected !== null && size !== expected) throw new HubDownloadError(`${file}: ${hostOf(url)} sent ${size} of its ${expected} bytes`, file);
  return size;
}

/**
 * The size of a file from a HEAD request: a number, null when the server does not say, or
 * undefined for an optional file that is not there. A required file that is not there fails the
 * download now, before any large file is fetched.
 */
async function headSize(file: string, ref: HubModelRef, opts: DownloadOptions, required: boolean): Promise<number | null | undefined> {
  if (!required) {
    const response = await request(hubFileUrl(opts, ref, file), 'HEAD', file, opts, false);
    return response.ok ? contentLength(response) : undefined;
  }
  try {
    return contentLength(await request(hubFileUrl(opts, ref, file), 'HEAD', file, opts));
  } catch (error) {
    // Many ONNX repos publish only fp32 weights: say so rather than just "404".
    if (file === ONNX_FILE.q8 && error instanceof HubDownloadError && error.status === 404) {
      const fp32 = await request(hubFileUrl(opts, ref, ONNX_FILE.fp32), 'HEAD', ONNX_FILE.fp32, opts, false);
      if (fp32.ok) throw new HubDownloadError(`${error.message}; the model has only ${ONNX_FILE.fp32} (fp32), and BioLens runs int8 weights: quantise it and use it as a local model folder`, file, 404);
    }
    throw error;
  }
}

/** fetch with the download's signal; a non-2xx answer throws (unless `throwOnError` is false) naming status, file and host. */
async function request(url: string, method: 'GET' | 'HEAD', file: string, opts: DownloadOptions, throwOnError = true): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      signal: opts.signal,
      redirect: 'follow',
      // identity: Content-Length is then the size of the file itself, which is checked.
      headers: { 'Accept-Encoding': 'identity', ...(opts.userAgent ? { 'User-Agent': opts.userAgent } : {}) },
    });
  } catch (error) {
    if (opts.signal?.aborted) throw error;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new HubDownloadError(`${file}: cannot reach ${hostOf(url)} (${cause?.code ?? cause?.message ?? (error as Error).message})`, file, undefined, { cause: error });
  }
  if (!response.ok && throwOnError) {
    await response.body?.cancel().catch(() => undefined);
    throw new HubDownloadError(`${file}: ${hostOf(url)} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} for ${url}`, file, response.status);
  }
  return response;
}

function contentLength(response: Response): number | null {
  const value = response.headers.get('content-length');
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

/** The gazetteer config.json names (BioLens's own models have one), if it is a plain relative path. */
function gazetteerOf(folder: string): string[] {
  const config = JSON.parse(readFileSync(path.join(folder, 'config.json'), 'utf8')) as { biolens?: { gazetteer?: unknown } };
  const name = config.biolens?.gazetteer;
  if (typeof name !== 'string') return [];
  // A downloaded config names a file to fetch and write: never outside the model's folder.
  if (!/^[\w\-.]+(\/[\w\-.]+)*$/.test(name) || name.split('/').includes('..')) throw new HubDownloadError(`config.json: biolens.gazetteer "${name}" is not a file name inside the model folder`, 'config.json');
  return [name];
}

function notRunnable(ref: HubModelRef, problems: FolderProblem[]): HubDownloadError {
  return new HubDownloadError(`${ref.modelId} cannot run in BioLens: ${problems.map((p) => p.message).join('; ')}`, problems[0].file);
}

function hostOf(url: string): string {
  return new URL(url).host;
}

export function readManifest(dir: string): HubManifest | undefined {
  const file = path.join(dir, HUB_MANIFEST);
  if (!existsSync(file)) return undefined;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as HubManifest;
    return typeof m.modelId === 'string' && typeof m.revision === 'string' ? m : undefined;
  } catch {
    return undefined;
  }
}

async function removeStalePartials(modelsRoot: string): Promise<void> {
  for (const name of await readdir(modelsRoot)) {
    if (!name.startsWith('.partial-')) continue;
    const dir = path.join(modelsRoot, name);
    const age = Date.now() - (await stat(dir)).mtimeMs;
    if (age > STALE_PARTIAL_MS) await rm(dir, { recursive: true, force: true });
  }
}
