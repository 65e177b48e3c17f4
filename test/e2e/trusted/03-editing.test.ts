import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PaintedDecorations } from '../../../src/client/decorations';
import { assertRangesMatchText, asOffsets, biolens, completeDecorations, expectedEntities, openInEditor, workspaceFile } from '../helpers';

/** Every paint of `doc` while `during` runs, checked against the text at the moment it is painted. */
async function watchPaints(doc: vscode.TextDocument, during: () => Promise<void>): Promise<{ paints: PaintedDecorations[]; stale: string[] }> {
  const api = await biolens();
  const paints: PaintedDecorations[] = [];
  const stale: string[] = [];
  const subscription = api.onDidPaint((painted) => {
    if (painted.uri !== doc.uri.toString()) return;
    paints.push(painted);
    if (painted.version !== doc.version) stale.push(`painted v${painted.version} while the document is at v${doc.version}`);
    for (const e of painted.entities) {
      if (doc.getText(e.range) !== e.text) stale.push(`v${painted.version}: "${e.text}" painted over "${doc.getText(e.range)}"`);
    }
  });
  try {
    await during();
  } finally {
    subscription.dispose();
  }
  return { paints, stale };
}

async function typeText(editor: vscode.TextEditor, at: vscode.Position, text: string): Promise<void> {
  let position = at;
  for (const char of text) {
    await editor.edit((edit) => edit.insert(position, char), { undoStopBefore: false, undoStopAfter: false });
    position = char === '\n' ? new vscode.Position(position.line + 1, 0) : position.translate(0, 1);
  }
}

describe('Editing a note', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.files.revert'));

  it('highlights a sentence typed character by character, and never paints a range over other text', async () => {
    const api = await biolens();
    const editor = await openInEditor(workspaceFile('examples', 'clinical-note.txt'));
    await completeDecorations(api, editor);
    const end = editor.document.positionAt(editor.document.getText().length);
    const sentence = '\n\nAddendum: new diagnosis of atrial fibrillation; prior DVT.';

    const { paints, stale } = await watchPaints(editor.document, async () => {
      await typeText(editor, end, sentence);
      await completeDecorations(api, editor);
    });

    assert.deepEqual(stale, []);
    assert.ok(paints.length > 1, 'highlights were repainted while typing');
    const final = await completeDecorations(api, editor);
    assertRangesMatchText(final, editor.document);
    const addendumStart = editor.document.getText().lastIndexOf('Addendum');
    const inAddendum = asOffsets(final, editor.document).filter((e) => e.start >= addendumStart);
    assert.ok(inAddendum.some((e) => e.type === 'Disease' && e.text === 'atrial fibrillation'), 'the typed diagnosis is highlighted');
    // The model misses the bare clinical abbreviation; the curated list finds it.
    assert.ok(inAddendum.some((e) => e.type === 'Disease' && e.text === 'DVT'), 'the typed abbreviation is highlighted');
    assert.deepEqual(asOffsets(final, editor.document).filter((e) => e.start < addendumStart), expectedEntities(), 'the rest is unchanged');
  });

  it('moves every highlight with its text at once when a line is inserted above, before re-analysis', async () => {
    const api = await biolens();
    const editor = await openInEditor(workspaceFile('examples', 'clinical-note.txt'));
    await completeDecorations(api, editor);
    const inserted = 'Dictated, not read back.\n\n';

    const { paints, stale } = await watchPaints(editor.document, async () => {
      await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), inserted));
      await completeDecorations(api, editor);
    });

    assert.deepEqual(stale, []);
    const shifted = expectedEntities().map((e) => ({ ...e, start: e.start + inserted.length, end: e.end + inserted.length }));
    const first = paints[0];
    assert.equal(first.state, 'pending', 'the first paint is the shifted previous result');
    assert.deepEqual(asOffsets(first, editor.document), shifted);
    const reanalysed = asOffsets(paints[paints.length - 1], editor.document).filter((e) => e.start >= inserted.length);
    assert.deepEqual(reanalysed, shifted, 'and re-analysis agrees (whatever it finds in the new line)');
  });
});
