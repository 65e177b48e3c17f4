// Where a hub model's files are, remotely and here.
//
// Remote: exactly transformers.js's layout (@huggingface/transformers 4.3, utils/hub.js
// buildResourcePaths): `env.remoteHost` + `env.remotePathTemplate` ('{model}/resolve/{revision}/',
// the revision URI-encoded) + the file name, joined the way its pathJoin() joins them. A mirror
// that serves transformers.js serves BioLens too; test/engine/hub-download.test.ts checks the URLs
// against transformers.js's own requests.
// Local: <models root>/<safe id>/<revision>, one folder per model revision.
import * as path from 'node:path';

export const DEFAULT_REMOTE_HOST = 'https://huggingface.co/';
export const DEFAULT_REMOTE_PATH_TEMPLATE = '{model}/resolve/{revision}/';
export const DEFAULT_REVISION = 'main';

export interface HubModelRef {
  /** "owner/name" (or "name"), as on the hub. */
  modelId: string;
  /** Branch, tag or commit; default "main". */
  revision?: string;
}

export interface HubServer {
  /** transformers.js's env.remoteHost, e.g. https://huggingface.co/ or a mirror. */
  host: string;
  /** transformers.js's env.remotePathTemplate. */
  pathTemplate?: string;
}

// transformers.js's REPO_ID_REGEX and the extra rules of its isValidHfModelId().
const REPO_ID = /^(\b[\w\-.]+\b\/)?\b[\w\-.]{1,96}\b$/;
// Branches, tags, commits and "refs/pr/N"; never a way out of the model's folder.
const REVISION = /^[\w\-.]+(\/[\w\-.]+)*$/;

export function isHubModelId(id: string): boolean {
  return REPO_ID.test(id) && !id.includes('..') && !id.includes('--') && !id.endsWith('.git') && !id.endsWith('.ipynb');
}

export function isRevision(revision: string): boolean {
  return revision.length <= 200 && REVISION.test(revision) && !revision.split('/').includes('..');
}

/** The URL transformers.js would fetch `file` of the model from. */
export function hubFileUrl(server: HubServer, ref: HubModelRef, file: string): string {
  const template = (server.pathTemplate ?? DEFAULT_REMOTE_PATH_TEMPLATE)
    .replaceAll('{model}', ref.modelId)
    .replaceAll('{revision}', encodeURIComponent(ref.revision ?? DEFAULT_REVISION));
  return pathJoin(server.host, template, file);
}

/** The model revision's folder under `modelsRoot`: "owner/name" becomes "owner--name" ('--' is never in a hub id). */
export function localModelDir(modelsRoot: string, ref: HubModelRef): string {
  return path.join(modelsRoot, ref.modelId.replace('/', '--'), encodeURIComponent(ref.revision ?? DEFAULT_REVISION));
}

/** transformers.js's pathJoin: one '/' between parts, whatever slashes they bring. */
function pathJoin(...parts: string[]): string {
  return parts
    .map((part, i) => {
      let p = i ? part.replace(/^\//, '') : part;
      if (i !== parts.length - 1) p = p.replace(/\/$/, '');
      return p;
    })
    .join('/');
}
