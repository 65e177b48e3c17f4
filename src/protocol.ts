// The custom messages between the BioLens client (src/client) and language server (src/server),
// on top of standard LSP. Both sides import these types, so a change here is a change to both.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Annotation, EntityType } from './engine/types';

export type { Annotation, EntityType };
export { ENTITY_TYPES } from './engine/types';

/**
 * Node flags the server process starts with, in the editor and in the tests that measure it.
 * A 2 MB young-generation semi-space (V8's default grows to 16 MB) keeps ~15-25 MB less resident
 * in a server whose garbage is mostly short strings per paragraph; the benchmark showed no
 * change in latency (npm run bench:extension, alternated in one run).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=2'];

/**
 * The settings the server acts on, resolved by the client: the client owns configuration and
 * workspace trust, so `modelDir` is already an absolute path that is safe to load.
 */
export interface ServerSettings {
  /** null: the bundled model (null, not undefined, so that it survives JSON). */
  modelDir: string | null;
  entityTypes: EntityType[];
  minConfidence: number;
  /** Entities that link to no concept need at least this confidence (the terminology layer leaves out the others). */
  minConfidenceWithoutConcept: number;
  /** Documents longer than this (UTF-16 code units, about bytes for clinical text) are not analysed. */
  maxFileSize: number;
  debounceMs: number;
  preferredVocabulary: string;
  /** Terms (lower-cased) the user chose to ignore: no standardisation diagnostics for them. */
  ignoredTerms: string[];
  /** Re-analyse only changed paragraphs (default). False re-analyses the whole document per edit: for benchmarks. */
  incremental: boolean;
}

/** Sent as LSP initializationOptions and again whenever a setting changes. */
export const ConfigureNotification = new NotificationType<ServerSettings>('biolens/configure');

/**
 * - `pending`: what is known so far: the previous version's entities moved through the edit
 *   (those it touched dropped), or on a first analysis the paragraphs done so far. More follows.
 * - `complete`: every paragraph analysed for this version.
 * - `skipped`: the document is not analysed (see `skipped`).
 */
export type AnnotationState = 'pending' | 'complete' | 'skipped';

export interface SkipReason {
  reason: 'tooLarge';
  size: number;
  limit: number;
}

export interface AnalysisStats {
  /** Paragraphs that went to the model for this version. */
  analysedParagraphs: number;
  /** Paragraphs whose entities were reused from an earlier version, shifted. */
  reusedParagraphs: number;
  /** Time from the start of the analysis to its result, model wait included. */
  ms: number;
}

/**
 * Entities of one document version. The client paints it only while the document is at
 * `version`. Concepts carry id, vocabulary and preferred term only (xrefs empty); the hover
 * gives the rest.
 */
export interface DocumentAnnotations {
  uri: string;
  version: number;
  state: AnnotationState;
  annotations: Annotation[];
  skipped?: SkipReason;
  /** How the `complete` result was obtained (benchmarks, logs). */
  stats?: AnalysisStats;
}

export const AnnotationsNotification = new NotificationType<DocumentAnnotations>('biolens/annotations');

export type ServerState = 'loading' | 'ready' | 'error';

export interface ServerStatus {
  state: ServerState;
  /** Model folder name, e.g. biolens-ner-mini (known before it has loaded). */
  model: string;
  /** For `error`: what went wrong, in words a user can act on. For `loading`: what is loading. */
  message?: string;
  /** Whether concept linking and suggestions are available (the terminology layer loaded). */
  terminology: boolean;
  /** The server's process id (shown in the status tooltip; the crash-recovery test kills it). */
  pid: number;
}

export const ServerStatusNotification = new NotificationType<ServerStatus>('biolens/status');

export type ReportFormat = 'markdown' | 'jsonl';

export interface WorkspaceReportParams {
  /** Absolute file-system paths. */
  files: string[];
  format: ReportFormat;
}

export interface WorkspaceReport {
  content: string;
  analysedFiles: number;
  skippedFiles: string[];
  mentions: number;
}

/** Annotates files on disk and renders a report of concepts with their counts. */
export const WorkspaceReportRequest = new RequestType<WorkspaceReportParams, WorkspaceReport, void>('biolens/workspaceReport');

/** Client command a quick fix runs to add a term to `biolens.ignoredTerms` in the workspace. */
export const IGNORE_TERM_COMMAND = 'biolens.ignoreTerm';

/** `Diagnostic.source` of standardisation suggestions; `Diagnostic.code` is the entity type. */
export const DIAGNOSTIC_SOURCE = 'BioLens';

/** `Diagnostic.data` of a standardisation suggestion: what its quick fixes need. */
export interface SuggestionData {
  term: string;
  replacement: string;
}

export interface UseModelParams {
  /** Absolute model folder; null: the bundled model. */
  modelDir: string | null;
}

/**
 * Switches the server's model without a restart (the model taxonomy view's "Use this model"):
 * the engine reloads, every open document is analysed again, and the answer is the status once
 * the new model has loaded or failed to (state `ready` or `error`). Status notifications report
 * the progress meanwhile. The client then records the choice in `biolens.modelPath`.
 */
export const UseModelRequest = new RequestType<UseModelParams, ServerStatus, void>('biolens/useModel');
