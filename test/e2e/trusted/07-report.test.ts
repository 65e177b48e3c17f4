import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { biolens, workspaceFile } from '../helpers';

describe('"Analyse Workspace Folder and Write a Report"', () => {
  it('writes a Markdown table of the concepts found in the workspace, with counts', async () => {
    const api = await biolens();
    const report = await vscode.commands.executeCommand<vscode.Uri>('biolens.analyseWorkspace');
    assert.equal(report.toString(), workspaceFile('biolens-report.md').toString());
    const content = Buffer.from(await vscode.workspace.fs.readFile(report)).toString('utf8');

    assert.match(content, /\| Type \| Concept \| Preferred term \| Mentions \| Files \| Forms \|/);
    assert.match(content, /\| Disease \|.*atrial fibrillation.*\| \d+ \| \d+ \|/i);
    assert.match(content, /mentions of \d+ concepts in \d+ files/);
    assert.ok(api.messages.some((m) => /report written to biolens-report\.md/.test(m)));
  });
});
