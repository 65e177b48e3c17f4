// The hub models already downloaded under a models root: listed from their manifests (only a
// folder that was completely downloaded has one), and removed on request.
import { existsSync, readdirSync } from 'node:fs';
import { rm, rmdir } from 'node:fs/promises';
import * as path from 'node:path';
import { readManifest, type HubManifest } from './download';
import { localModelDir, type HubModelRef } from './layout';

export interface DownloadedEntry {
  dir: string;
  manifest: HubManifest;
  /** Bytes of its files together. */
  bytes: number;
}

export function listDownloadedModels(modelsRoot: string): DownloadedEntry[] {
  if (!existsSync(modelsRoot)) return [];
  const entries: DownloadedEntry[] = [];
  for (const model of readdirSync(modelsRoot, { withFileTypes: true })) {
    if (!model.isDirectory() || model.name.startsWith('.')) continue; // .partial-*: downloads in progress or abandoned
    for (const revision of readdirSync(path.join(modelsRoot, model.name), { withFileTypes: true })) {
      const dir = path.join(modelsRoot, model.name, revision.name);
      const manifest = revision.isDirectory() ? readManifest(dir) : undefined;
      if (manifest) entries.push({ dir, manifest, bytes: Object.values(manifest.files).reduce((a, b) => a + b, 0) });
    }
  }
  return entries.sort((a, b) => a.manifest.modelId.localeCompare(b.manifest.modelId) || a.manifest.revision.localeCompare(b.manifest.revision));
}

/** Deletes a downloaded model revision (and its model's folder once no revision is left). */
export async function removeDownloadedModel(modelsRoot: string, ref: HubModelRef): Promise<boolean> {
  const dir = localModelDir(modelsRoot, ref);
  if (!existsSync(dir)) return false;
  await rm(dir, { recursive: true, force: true });
  await rmdir(path.dirname(dir)).catch(() => undefined); // not empty: other revisions stay
  return true;
}
