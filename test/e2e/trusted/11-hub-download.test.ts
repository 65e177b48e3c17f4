// "Download and use" in the real VS Code host, against a stand-in for the hub on 127.0.0.1 that
// serves the bundled model folder under a hub id of its own (no test can reach the real hub).
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startLocalHub, type LocalHub } from '../../hub/localHub';
import { asOffsets, expectedEntities, highlightedExampleNote, recordRepaints, ROOT, screenshot, waitFor } from '../helpers';

const HUB_ID = 'biolens-e2e/ner-mini-on-a-hub';

/** allowRemoteModels and remoteModelHost are machine-scoped: only user settings count. */
const setUserSetting = (key: string, value: unknown) => vscode.workspace.getConfiguration('biolens').update(key, value, vscode.ConfigurationTarget.Global);

describe('A model downloaded from a hub', () => {
  let hub: LocalHub;
  before(async () => {
    hub = await startLocalHub({ [HUB_ID]: path.join(ROOT, 'models', 'biolens-ner-mini') });
  });
  after(async () => {
    await hub.close();
    await setUserSetting('allowRemoteModels', undefined);
    await setUserSetting('remoteModelHost', undefined);
  });

  it('is not fetched while biolens.allowRemoteModels is off, and the user is told what to do', async () => {
    const { api } = await highlightedExampleNote();
    await setUserSetting('remoteModelHost', hub.host);
    const used = await vscode.commands.executeCommand<boolean>('biolens.downloadHubModel', HUB_ID);
    assert.equal(used, false);
    assert.deepEqual(hub.requests, [], 'no request reached the hub');
    assert.ok(api.messages.some((m) => m.includes(`${HUB_ID} would be downloaded from the hub. BioLens downloads nothing unless you turn on the setting biolens.allowRemoteModels`)), api.messages.join('\n'));
  });

  it('is downloaded into global storage and used without a restart once allowed; highlights come from it; it runs offline after a server restart; deleting it brings the bundled model back', async () => {
    const { api, editor, pid } = await highlightedExampleNote();
    await setUserSetting('allowRemoteModels', true);
    await setUserSetting('remoteModelHost', hub.host);
    assert.equal(vscode.workspace.getConfiguration('biolens').get('allowRemoteModels'), true, 'the machine-scoped setting took effect');

    const { repaints, dispose } = recordRepaints(api, editor);
    let dir: string;
    try {
      const used = await vscode.commands.executeCommand<boolean>('biolens.downloadHubModel', HUB_ID);
      assert.equal(used, true, api.messages.join('\n'));
      assert.equal('model' in api.state && api.state.model, HUB_ID, 'the server runs the downloaded model, named by its hub id');
      assert.equal('pid' in api.state && api.state.pid, pid, 'the same server process: no restart');
      dir = vscode.workspace.getConfiguration('biolens').get<string>('modelPath')!;
      assert.ok(dir.endsWith(path.join('models', 'biolens-e2e--ner-mini-on-a-hub', 'main')), dir);
      assert.ok(existsSync(path.join(dir, 'onnx', 'model_quantized.onnx')));
      assert.ok(hub.requests.some((r) => r.method === 'GET' && r.path === `/${HUB_ID}/resolve/main/onnx/model_quantized.onnx`), 'fetched at the transformers.js URL');
      const painted = await waitFor('highlights from the downloaded model', () => repaints.find((p) => p.state === 'complete' && p.version === editor.document.version), 60_000);
      assert.deepEqual(asOffsets(painted, editor.document), expectedEntities(), 'the same weights find the same entities');
      const posted = await waitFor('the view lists the download as active', () => api.taxonomy.posted?.activeDir === dir && api.taxonomy.posted);
      assert.equal(posted.activeName, HUB_ID);
      assert.deepEqual(posted.downloads.map((d) => [d.modelId, d.revision, d.dir]), [[HUB_ID, 'main', dir]]);
      await vscode.commands.executeCommand('biolens.openTaxonomy');
      await screenshot('11-hub-download');
    } finally {
      dispose();
    }

    // Offline afterwards: with the hub gone, a fresh server loads the model from disk.
    const requests = hub.requests.length;
    await setUserSetting('allowRemoteModels', false);
    await vscode.commands.executeCommand('biolens.restartServer');
    await waitFor('the restarted server ready with the downloaded model', () => api.state.state === 'ready' && 'model' in api.state && api.state.model === HUB_ID, 60_000);
    await waitFor('highlights again', () => {
      const p = api.decorations(editor.document.uri);
      return p?.state === 'complete' && p.entities.length === expectedEntities().length;
    }, 60_000);
    assert.equal(hub.requests.length, requests, 'nothing fetched to run it again');

    const deleted = await vscode.commands.executeCommand<boolean>('biolens.deleteDownloadedModel', HUB_ID);
    assert.equal(deleted, true);
    assert.equal(existsSync(dir), false, 'the folder is gone');
    assert.equal('model' in api.state && api.state.model, 'biolens-ner-mini', 'the bundled model runs again');
    assert.equal(vscode.workspace.getConfiguration('biolens').get('modelPath'), '');
    await waitFor('the view lists no download', () => api.taxonomy.posted?.downloads.length === 0 && api.taxonomy.posted.activeId === 'biolens-ner-mini');
  });
});
