// Hub models: download a model folder the engine can run (transformers.js's URL layout), list
// and remove downloaded ones. Pure Node (fetch, fs): no `vscode`, usable by the CLI too.
export { downloadHubModel, readManifest, type DownloadedModel, type DownloadOptions, type DownloadProgress, type HubManifest } from './download';
export { listDownloadedModels, removeDownloadedModel, type DownloadedEntry } from './downloaded';
export { HubDownloadCancelledError, HubDownloadError } from './errors';
export { DEFAULT_REMOTE_HOST, DEFAULT_REVISION, hubFileUrl, isHubModelId, isRevision, localModelDir, type HubModelRef, type HubServer } from './layout';
