import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { biolens, completeDecorations, openInEditor, screenshot, waitFor, workspaceFile } from '../helpers';

/** BioLens diagnostics of a document: standardisation suggestions, nothing else. */
function suggestions(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'BioLens');
}

/** The preferred term a suggestion proposes, from its message. */
function replacementOf(diagnostic: vscode.Diagnostic): string {
  return /"([^"]+)", the preferred term$/.exec(diagnostic.message)![1];
}

describe('A standardisation suggestion', () => {
  before(async function () {
    const api = await biolens();
    await waitFor('the model', () => api.state.state === 'ready');
    // Suggestions come from the terminology layer; without its vocabulary there are none to test.
    if (!('terminology' in api.state && api.state.terminology)) this.skip();
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.files.revert'));

  // A letter full of lay terms, trade names and abbreviations: which of them the model finds and
  // the vocabulary standardises depends on both, so the tests take whichever suggestions appear.
  const LETTER = () => workspaceFile('lay-terms.txt');

  it('is an Information diagnostic on the term, and only suggestions are diagnostics', async () => {
    const api = await biolens();
    const editor = await openInEditor(LETTER());
    const painted = await completeDecorations(api, editor);
    const found = await waitFor('a suggestion', () => suggestions(editor.document.uri).length > 0 && suggestions(editor.document.uri));

    for (const diagnostic of found) {
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
      const term = editor.document.getText(diagnostic.range);
      assert.ok(painted.entities.some((e) => e.text === term), `"${term}" is a highlighted entity`);
      assert.ok(diagnostic.message.startsWith(`"${term}": `) && / ".+", the preferred term$/.test(diagnostic.message), diagnostic.message);
    }
    assert.ok(painted.entities.length > vscode.languages.getDiagnostics(editor.document.uri).length, 'entities are decorations, not problems');
    await screenshot('04-suggestion', { hover: editor.document.getText(found[0].range) });
  });

  it('is fixed by its quick fix, and undo restores the text', async () => {
    const api = await biolens();
    const editor = await openInEditor(LETTER());
    await completeDecorations(api, editor);
    const diagnostic = await waitFor('a suggestion', () => suggestions(editor.document.uri)[0]);
    const count = suggestions(editor.document.uri).length;
    const original = editor.document.getText();
    const term = editor.document.getText(diagnostic.range);
    const replacement = replacementOf(diagnostic);
    const at = editor.document.offsetAt(diagnostic.range.start);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes(`Replace with "${replacement}"`), titles.join(' | '));
    assert.ok(titles.includes(`Ignore "${term}" in this workspace`), titles.join(' | '));
    const replace = actions.find((a) => a.isPreferred)!;
    assert.ok(await vscode.workspace.applyEdit(replace.edit!));

    assert.equal(editor.document.getText(), original.slice(0, at) + replacement + original.slice(at + term.length));
    await waitFor('one suggestion fewer', () => suggestions(editor.document.uri).length === count - 1);

    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
    await waitFor('the suggestion back', () => suggestions(editor.document.uri).length === count);
  });

  it('"Ignore in this workspace" adds the term to biolens.ignoredTerms and the diagnostic goes away', async () => {
    const editor = await openInEditor(LETTER());
    const diagnostic = await waitFor('a suggestion', () => suggestions(editor.document.uri)[0]);
    const term = editor.document.getText(diagnostic.range);
    const ofTerm = () => suggestions(editor.document.uri).filter((d) => editor.document.getText(d.range).toLowerCase() === term.toLowerCase());
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const ignore = actions.find((a) => a.title.startsWith('Ignore'))!;
    try {
      await vscode.commands.executeCommand(ignore.command!.command, ...(ignore.command!.arguments ?? []));
      assert.deepEqual(vscode.workspace.getConfiguration('biolens').get('ignoredTerms'), [term.toLowerCase()]);
      await waitFor(`no suggestion for "${term}"`, () => ofTerm().length === 0);
    } finally {
      await vscode.workspace.getConfiguration('biolens').update('ignoredTerms', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor('the suggestion back', () => ofTerm().length > 0);
  });
});
