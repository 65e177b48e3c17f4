// The messages between the taxonomy webview and the extension, and the check every message
// from the webview passes before anything acts on it (a webview is untrusted input).
import type { Facet, Filter, Taxonomy } from './facets';
import type { ModelCardNumbers } from './modelCard';

export interface ViewState {
  /** Taxonomy id of the model that runs now, or null when a local folder runs. */
  activeId: string | null;
  /** The folder name of the model that runs now (bundled or local). */
  activeName: string;
  /** The local folder that runs now, if any. */
  activeDir: string | null;
  /** 'loading' | 'ready' | 'error' | 'starting' | 'stopped', and its message. */
  serverState: string;
  serverMessage?: string;
  allowRemoteModels: boolean;
  /** Measured numbers of the bundled model and of the active local one (when it has a card). */
  cards: ModelCardNumbers[];
  /** A switch in progress: the id or folder name being loaded. */
  switching: string | null;
  /** Hub models downloaded into the extension's storage (they run offline). */
  downloads: DownloadedModel[];
  /** The hub id being downloaded now, if any. */
  downloading: string | null;
}

export interface DownloadedModel {
  modelId: string;
  revision: string;
  dir: string;
  bytes: number;
  /** The host it came from. */
  host: string;
}

export type ToWebview = { type: 'init'; taxonomy: Taxonomy; state: ViewState } | { type: 'state'; state: ViewState };

export type FromWebview =
  | { type: 'ready' }
  | { type: 'use'; id: string }
  | { type: 'useLocal' }
  | { type: 'openSettings' }
  | { type: 'useDownloaded' | 'deleteDownloaded'; modelId: string; revision: string }
  | { type: 'ui'; facet: Facet; filter: Filter; selected: string | null };

const FACET_VALUES = new Set(['modality', 'training', 'architecture']);

/** The key of a downloaded model in the set `parseFromWebview` checks against. */
export const downloadKey = (d: { modelId: string; revision: string }): string => `${d.modelId}@${d.revision}`;

/**
 * The message if it is one the webview may send, else undefined: taxonomy ids must exist in
 * `knownIds`, downloaded models (by downloadKey) in `knownDownloads`.
 */
export function parseFromWebview(raw: unknown, knownIds: ReadonlySet<string>, knownDownloads: ReadonlySet<string> = new Set()): FromWebview | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'useLocal':
    case 'openSettings':
      return { type: m.type };
    case 'use':
      return typeof m.id === 'string' && knownIds.has(m.id) ? { type: 'use', id: m.id } : undefined;
    case 'useDownloaded':
    case 'deleteDownloaded':
      return typeof m.modelId === 'string' && typeof m.revision === 'string' && knownDownloads.has(downloadKey({ modelId: m.modelId, revision: m.revision }))
        ? { type: m.type, modelId: m.modelId, revision: m.revision }
        : undefined;
    case 'ui': {
      if (typeof m.facet !== 'string' || !FACET_VALUES.has(m.facet)) return undefined;
      const f = (m.filter ?? {}) as Record<string, unknown>;
      if (typeof f !== 'object') return undefined;
      const year = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 1900 && v < 2100 ? v : undefined);
      const filter: Filter = {
        runnableOnly: f.runnableOnly === true,
        yearFrom: year(f.yearFrom),
        yearTo: year(f.yearTo),
        text: typeof f.text === 'string' ? f.text.slice(0, 200) : undefined,
      };
      const selected = typeof m.selected === 'string' && knownIds.has(m.selected) ? m.selected : null;
      return { type: 'ui', facet: m.facet as Facet, filter, selected };
    }
    default:
      return undefined;
  }
}
