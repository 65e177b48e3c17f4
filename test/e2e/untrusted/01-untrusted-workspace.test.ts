import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { asOffsets, biolens, completeDecorations, expectedEntities, openInEditor, screenshot, waitFor, workspaceFile } from '../helpers';

describe('In an untrusted workspace', () => {
  it('the workspace is really untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('the model folder the workspace sets is never loaded: the bundled model is', async () => {
    const api = await biolens();
    await waitFor('the model ready', () => api.state.state === 'ready' || api.state.state === 'error', 60_000);
    assert.equal(api.state.state, 'ready', `state: ${JSON.stringify(api.state)}`);
    assert.ok('model' in api.state && api.state.model === 'biolens-ner-mini');
  });

  it('highlighting, the core feature, works as in a trusted workspace', async () => {
    const api = await biolens();
    const editor = await openInEditor(workspaceFile('examples', 'clinical-note.txt'));
    const painted = await completeDecorations(api, editor, 50_000);
    assert.deepEqual(asOffsets(painted, editor.document), expectedEntities());
    await screenshot('untrusted-workspace');
  });
});
