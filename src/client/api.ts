// What `activate` returns: a small read-only view of the extension's state for automation and
// the end-to-end tests (they run in the real extension host and cannot see editor decorations
// otherwise). Nothing here changes behaviour.
import type * as vscode from 'vscode';
import type { DocumentAnnotations } from '../protocol';
import type { PaintedDecorations } from './decorations';
import type { ClientState } from './statusBar';
import type { ViewState } from './taxonomy/messages';

export interface BioLensApi {
  /** How long activate() took (the server starts, and the model loads, after it). */
  readonly activationMs: number;
  /** Server and model state, as the status bar shows it. */
  readonly state: ClientState;
  readonly onDidChangeState: vscode.Event<ClientState>;
  /** The entities the server published for the document's current version. */
  annotations(doc: vscode.TextDocument): DocumentAnnotations | undefined;
  /** What is painted in a visible editor of `uri`: ranges per entity type. */
  decorations(uri: vscode.Uri): PaintedDecorations | undefined;
  readonly onDidPaint: vscode.Event<PaintedDecorations>;
  /** The status bar text. */
  readonly statusText: string;
  /** Every message BioLens has shown the user, oldest first. */
  readonly messages: readonly string[];
  /** The model taxonomy view: whether VS Code has shown it, and the state last sent to it. */
  readonly taxonomy: { readonly resolved: boolean; readonly posted: ViewState | undefined };
}
