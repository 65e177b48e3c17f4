import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { biolens, openInEditor, waitFor, workspaceFile } from '../helpers';

describe('A file above biolens.maxFileSizeKB', () => {
  it('is not analysed, and the user is told once', async () => {
    const api = await biolens();
    const paragraph = 'Chronic kidney disease with hyperkalaemia, treated with furosemide.\n\n';
    const uri = workspaceFile('large-note.txt');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(paragraph.repeat(Math.ceil((600 * 1024) / paragraph.length))));
    const editor = await openInEditor(uri);

    const published = await waitFor('the skip notice', () => api.annotations(editor.document)?.state === 'skipped' && api.annotations(editor.document));
    assert.equal(published.annotations.length, 0);
    assert.equal(published.skipped?.reason, 'tooLarge');
    assert.equal(api.messages.filter((m) => /did not analyse large-note\.txt/.test(m)).length, 1);
    assert.match(api.statusText, /skipped/);

    // Typing in it keeps it skipped without telling the user again.
    await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'x'));
    await waitFor('skipped again', () => api.annotations(editor.document)?.state === 'skipped');
    assert.equal(api.messages.filter((m) => /did not analyse large-note\.txt/.test(m)).length, 1);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
