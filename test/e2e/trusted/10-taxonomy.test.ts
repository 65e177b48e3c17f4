import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { asOffsets, biolens, completeDecorations, expectedEntities, highlightedExampleNote, openInEditor, recordRepaints, ROOT, screenshot, waitFor, workspaceFile } from '../helpers';

const BUNDLED = path.join(ROOT, 'models', 'biolens-ner-mini');
// What the engine loads, plus the card the comparison reads (not the fp32 weights).
const FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'vocab.txt', 'gazetteer.tsv', 'MODEL_CARD.md', 'onnx/model_quantized.onnx'];

describe('The model taxonomy view', () => {
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'biolens-e2e-models-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('opens in its own sidebar container and marks the bundled model as the active one', async () => {
    const api = await biolens();
    const editor = await openInEditor(workspaceFile('examples', 'clinical-note.txt'));
    await completeDecorations(api, editor);
    await vscode.commands.executeCommand('biolens.openTaxonomy');
    await waitFor('the taxonomy view shown', () => api.taxonomy.resolved);
    const posted = await waitFor('the view told the model state', () => api.taxonomy.posted);
    assert.equal(posted.activeId, 'biolens-ner-mini');
    assert.equal(posted.activeDir, null);
    assert.equal(posted.cards[0]?.model, 'biolens-ner-mini');
    await screenshot('10-taxonomy');
  });

  it('switches to a local folder copy of the bundled model without a restart, and highlights come back; then back to the bundled one', async () => {
    const { api, editor, pid } = await highlightedExampleNote();
    const copy = path.join(tmp, 'biolens-ner-copy');
    for (const f of FILES) cpSync(path.join(BUNDLED, f), path.join(copy, f));

    const { repaints, dispose } = recordRepaints(api, editor);
    try {
      const used = await vscode.commands.executeCommand<boolean>('biolens.useLocalModelFolder', vscode.Uri.file(copy));
      assert.equal(used, true);
      assert.equal(api.state.state, 'ready');
      assert.equal('model' in api.state && api.state.model, 'biolens-ner-copy');
      assert.equal('pid' in api.state && api.state.pid, pid, 'the same server process: no restart');
      // The model reload re-analyses every document: the first complete repaint after the switch
      // has every entity (the same weights find the same ones), never a partial set.
      const painted = await waitFor('highlights from the local model', () => repaints.find((p) => p.state === 'complete' && p.version === editor.document.version), 60_000);
      assert.deepEqual(asOffsets(painted, editor.document), expectedEntities(), 'the same weights find the same entities');
      assert.equal(vscode.workspace.getConfiguration('biolens').get('modelPath'), copy, 'the choice is kept in biolens.modelPath');
      const posted = await waitFor('the view marks the local model', () => api.taxonomy.posted?.activeDir === copy && api.taxonomy.posted);
      assert.equal(posted.activeId, null);
      assert.deepEqual(posted.cards.map((c) => c.model), ['biolens-ner-mini', 'biolens-ner-copy']);
      await screenshot('10-taxonomy-local-model');
    } finally {
      dispose();
      const back = await vscode.commands.executeCommand<boolean>('biolens.useModel', 'biolens-ner-mini');
      assert.equal(back, true);
    }
    assert.equal('model' in api.state && api.state.model, 'biolens-ner-mini');
    assert.equal(vscode.workspace.getConfiguration('biolens').get('modelPath'), '');
    await waitFor('the view marks the bundled model again', () => api.taxonomy.posted?.activeId === 'biolens-ner-mini');
    await waitFor('highlights back', () => {
      const p = api.decorations(editor.document.uri);
      return p?.state === 'complete' && p.entities.length === expectedEntities().length;
    });
  });

  it('refuses a broken local folder with a precise message and keeps the model that runs', async () => {
    const api = await biolens();
    const broken = path.join(tmp, 'broken-model');
    for (const f of FILES.filter((f) => f !== 'tokenizer.json')) cpSync(path.join(BUNDLED, f), path.join(broken, f));
    const used = await vscode.commands.executeCommand<boolean>('biolens.useLocalModelFolder', vscode.Uri.file(broken));
    assert.equal(used, false);
    assert.ok(api.messages.some((m) => m.includes(`cannot use ${broken}: tokenizer.json is missing`)), api.messages.join('\n'));
    assert.equal(api.state.state, 'ready');
    assert.equal('model' in api.state && api.state.model, 'biolens-ner-mini');
  });
});
