// The BioLens language server: a separate Node process, so inference never blocks the editor
// and a native crash in onnxruntime takes down only this process (the client restarts it).
// This file wires LSP messages to the parts that do the work; each part is its own module.
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import {
  AnnotationsNotification,
  ConfigureNotification,
  ServerStatusNotification,
  UseModelRequest,
  WorkspaceReportRequest,
  type ServerSettings,
  type ServerStatus,
} from '../protocol';
import { AnalysisScheduler, type TrackedDocument } from './analysisScheduler';
import { suggestionFixes } from './codeActions';
import { EngineHost } from './engineHost';
import { EntityPipeline } from './entityPipeline';
import { entityHover } from './hover';
import { documentAnnotations, suggestionDiagnostics, visibleEntities } from './publication';
import { DEFAULT_SETTINGS, mergeSettings } from './settings';
import { loadServerTerminology, NER_ONLY, type Terminology } from './terminology';
import { buildWorkspaceReport } from './workspaceReport';
import { noteOptionsOfFile } from '../engine/terminology';

// The editor's language for clinical notes (package.json contributes it).
const CLINICAL_NOTE_LANGUAGE = 'clinical-note';

const connection = createConnection(ProposedFeatures.all);
let settings: ServerSettings = DEFAULT_SETTINGS;
let terminology: Terminology = NER_ONLY;
// LSP forbids notifications before the initialize response: status changes wait for `initialized`.
let clientInitialized = false;

const sendStatus = (status: ServerStatus) => {
  if (clientInitialized) void connection.sendNotification(ServerStatusNotification, status);
};
// A new model (or none) invalidates every document's entities.
const host = new EngineHost(sendStatus, () => scheduler.reanalyseAll());
const pipeline = new EntityPipeline(host, () => terminology, () => settings);

const publish = (doc: TrackedDocument) => {
  void connection.sendNotification(AnnotationsNotification, documentAnnotations(doc, settings));
  void connection.sendDiagnostics({ uri: doc.document.uri, version: doc.document.version, diagnostics: suggestionDiagnostics(doc, settings) });
};

const scheduler = new AnalysisScheduler({
  // A document of the Clinical Note language is a note whatever its shape (terminology/clinicalNote.ts).
  analyse: (text, signal, onProgress, languageId) => pipeline.analyse(text, signal, onProgress, { clinicalNote: languageId === CLINICAL_NOTE_LANGUAGE || undefined }),
  publish,
  settings: () => settings,
  failed(doc, error) {
    if ((error as Error).name === 'EngineCrashedError') {
      connection.console.warn(`BioLens: ${(error as Error).message}; reloading the model`);
      host.crashed(error as Error); // the reloaded engine re-analyses every document
      return;
    }
    if ((error as Error).name !== 'ModelUnavailableError') connection.console.error(`BioLens: analysis failed: ${(error as Error).stack ?? error}`);
    // No highlights rather than stale ones; the status bar shows the model error.
    doc.entities = [];
    doc.state = 'complete';
    publish(doc);
  },
});

let terminologyLoads = 0;
function useTerminology({ preferredVocabulary, minConfidenceWithoutConcept }: ServerSettings): void {
  // At once, beside the model: the vocabulary is read and inflated in the thread pool, so the
  // event loop stays free to publish the first highlights (entities get their concepts, context
  // and suggestions as soon as it is in). A newer setting supersedes a load still running.
  const load = ++terminologyLoads;
  loadServerTerminology(preferredVocabulary, minConfidenceWithoutConcept).then(
    (loaded) => {
      if (load !== terminologyLoads) return;
      terminology = loaded;
      for (const warning of loaded.warnings) connection.console.warn(`BioLens: ${warning}`);
      host.setTerminology(loaded.available);
      scheduler.reanalyseAll();
    },
    (error: Error) => {
      if (load !== terminologyLoads) return;
      connection.console.error(`BioLens: terminology unavailable, highlighting with the model only: ${error.message}`);
      terminology = NER_ONLY;
      host.setTerminology(false);
      scheduler.reanalyseAll();
    },
  );
}

function configure(raw: unknown): void {
  const previous = settings;
  settings = mergeSettings(settings, raw);
  host.use(settings.modelDir ?? undefined); // a no-op unless the model folder changed
  // Both change what the terminology layer gives (concepts' leading ids, which entities it keeps).
  if (settings.preferredVocabulary !== previous.preferredVocabulary || settings.minConfidenceWithoutConcept !== previous.minConfidenceWithoutConcept) useTerminology(settings);
  else if (settings.maxFileSize !== previous.maxFileSize || settings.incremental !== previous.incremental) scheduler.reanalyseAll();
  else scheduler.republishAll();
}

connection.onInitialize((params): InitializeResult => {
  settings = mergeSettings(DEFAULT_SETTINGS, params.initializationOptions);
  host.use(settings.modelDir ?? undefined);
  useTerminology(settings);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Full,
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'biolens' },
  };
});

connection.onInitialized(() => {
  clientInitialized = true;
  sendStatus(host.status);
});

connection.onNotification(ConfigureNotification, configure);

connection.onDidOpenTextDocument(({ textDocument: d }) => scheduler.open(d.uri, d.languageId, d.version, d.text));
connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
  // Full sync: the last change holds the whole new text.
  const last = contentChanges[contentChanges.length - 1];
  if (last && !('range' in last && last.range)) scheduler.change(textDocument.uri, textDocument.version, last.text);
});
connection.onDidCloseTextDocument(({ textDocument }) => {
  scheduler.close(textDocument.uri);
  void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
});

connection.onHover(({ textDocument, position }) => {
  const doc = scheduler.get(textDocument.uri);
  return doc ? entityHover(doc, visibleEntities(doc.entities, settings), position, terminology) : null;
});

connection.onCodeAction(({ textDocument, context }) => {
  const doc = scheduler.get(textDocument.uri);
  return doc ? suggestionFixes(doc, context.diagnostics, settings) : [];
});

connection.onRequest(WorkspaceReportRequest, async ({ files, format }, token) => {
  const abort = new AbortController();
  token.onCancellationRequested(() => abort.abort());
  const annotate = async (text: string, file: string) =>
    visibleEntities((await pipeline.analyse(text, abort.signal, undefined, noteOptionsOfFile(file))).annotations, settings);
  return buildWorkspaceReport(files, format, annotate, settings.maxFileSize, () => token.isCancellationRequested);
});

connection.onRequest(UseModelRequest, async ({ modelDir }) => {
  settings = { ...settings, modelDir: typeof modelDir === 'string' && modelDir ? modelDir : null };
  host.use(settings.modelDir ?? undefined); // reloads, and re-analyses every document once loaded
  await host.ready();
  return host.status;
});

connection.onShutdown(async () => {
  scheduler.dispose();
  await host.dispose();
});

connection.listen();
