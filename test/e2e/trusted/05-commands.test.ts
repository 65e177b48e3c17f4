import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { biolens, completeDecorations, expectedEntities, openInEditor, setSetting, waitFor, workspaceFile } from '../helpers';

describe('Highlighting commands and settings', () => {
  it('"Toggle Entity Highlighting" clears the highlights and brings them back', async () => {
    const api = await biolens();
    const editor = await openInEditor(workspaceFile('examples', 'clinical-note.txt'));
    await completeDecorations(api, editor);

    await vscode.commands.executeCommand('biolens.toggleHighlighting');
    await waitFor('no highlights', () => api.decorations(editor.document.uri)?.entities.length === 0);
    assert.match(api.statusText, /off/);

    await vscode.commands.executeCommand('biolens.toggleHighlighting');
    const painted = await waitFor('highlights back', () => api.decorations(editor.document.uri)?.entities.length === expectedEntities().length);
    assert.ok(painted);
  });

  it('biolens.entityTypes limits highlights to the chosen types', async () => {
    const api = await biolens();
    const editor = await openInEditor(workspaceFile('examples', 'clinical-note.txt'));
    await setSetting('entityTypes', ['Disease']);
    try {
      const diseases = expectedEntities().filter((e) => e.type === 'Disease').length;
      const painted = await waitFor('only diseases', () => {
        const p = api.decorations(editor.document.uri);
        return p && p.entities.length === diseases && p.entities.every((e) => e.type === 'Disease') && p;
      });
      assert.ok(painted.entities.length > 0);
    } finally {
      await setSetting('entityTypes', undefined);
    }
    await waitFor('all types again', () => api.decorations(editor.document.uri)?.entities.length === expectedEntities().length);
  });
});
