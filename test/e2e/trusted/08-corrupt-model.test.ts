import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { biolens, completeDecorations, expectedEntities, FIXTURES, openInEditor, screenshot, setSetting, waitFor, workspaceFile } from '../helpers';

describe('A corrupt model folder in biolens.modelPath', () => {
  it('puts BioLens in a visible error state, keeps it responsive, and recovers when the setting is fixed', async () => {
    const api = await biolens();
    const editor = await openInEditor(workspaceFile('examples', 'clinical-note.txt'));
    await completeDecorations(api, editor);

    await setSetting('modelPath', path.join(FIXTURES, 'corrupt-model'));
    try {
      await waitFor('the error state', () => api.state.state === 'error');
      assert.match(api.state.message ?? '', /corrupt or unreadable ONNX model/);
      assert.match(api.statusText, /model error/);
      assert.ok(api.messages.some((m) => /Cannot load the model/.test(m)), 'the user is told');
      await waitFor('highlights cleared', () => api.decorations(editor.document.uri)?.entities.length === 0);
      await screenshot('08-model-error');

      // Still alive: commands run, hovers answer (with nothing).
      await vscode.commands.executeCommand('biolens.toggleHighlighting');
      await vscode.commands.executeCommand('biolens.toggleHighlighting');
      await vscode.commands.executeCommand('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(4, 5));
    } finally {
      await setSetting('modelPath', undefined);
    }
    await waitFor('ready again', () => api.state.state === 'ready');
    await waitFor('highlights back', () => api.decorations(editor.document.uri)?.entities.length === expectedEntities().length);
  });
});
