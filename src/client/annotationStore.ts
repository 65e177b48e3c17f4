// The latest entities the server published for each open document. A publication for a version
// other than the document's current one is dropped here, so nothing downstream (decorations,
// entity list, status count) can ever show ranges computed for another text.
import * as vscode from 'vscode';
import type { DocumentAnnotations } from '../protocol';

export class AnnotationStore implements vscode.Disposable {
  private readonly byUri = new Map<string, DocumentAnnotations>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the document whose entities changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidCloseTextDocument((doc) => this.byUri.delete(doc.uri.toString())),
      this.changed,
    ];
  }

  /** Keeps `published` if its document is open at exactly that version; returns whether it did. */
  accept(published: DocumentAnnotations): boolean {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === published.uri);
    if (!doc || doc.version !== published.version) return false;
    this.byUri.set(published.uri, published);
    this.changed.fire(doc.uri);
    return true;
  }

  /** What is known for the document's current version, or undefined (not analysed yet, or outdated). */
  current(doc: vscode.TextDocument): DocumentAnnotations | undefined {
    const known = this.byUri.get(doc.uri.toString());
    return known && known.version === doc.version ? known : undefined;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
