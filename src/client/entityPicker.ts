// "Show entities in this document": a quick pick of every highlighted mention, in document order,
// that previews each mention while browsing and jumps to the one picked.
import * as vscode from 'vscode';
import type { Annotation } from '../protocol';
import type { AnnotationStore } from './annotationStore';

interface EntityItem extends vscode.QuickPickItem {
  range: vscode.Range;
}

export async function pickEntity(store: AnnotationStore): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const known = editor && store.current(editor.document);
  if (!editor || !known?.annotations.length) {
    void vscode.window.showInformationMessage(editor ? 'BioLens found no entities in this document (yet).' : 'Open a document to list its entities.');
    return;
  }
  const doc = editor.document;
  const items = known.annotations.map((a): EntityItem => {
    const range = new vscode.Range(doc.positionAt(a.start), doc.positionAt(a.end));
    return {
      label: a.text,
      description: `${a.type} · ${a.score.toFixed(2)}${a.context?.negated ? ' · negated' : ''}`,
      detail: `line ${range.start.line + 1}${conceptLine(a)}`,
      range,
    };
  });
  const original = editor.selection;
  const picked = await vscode.window.showQuickPick(items, {
    title: `BioLens: ${items.length} entities in ${vscode.workspace.asRelativePath(doc.uri)}`,
    matchOnDescription: true,
    matchOnDetail: true,
    onDidSelectItem: (item) => reveal(editor, (item as EntityItem).range),
  });
  if (picked) reveal(editor, picked.range);
  else if (editor === vscode.window.activeTextEditor) reveal(editor, original);
}

function conceptLine(a: Annotation): string {
  return a.concept ? ` · ${a.concept.preferred} (${a.concept.id})` : '';
}

function reveal(editor: vscode.TextEditor, range: vscode.Range): void {
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
