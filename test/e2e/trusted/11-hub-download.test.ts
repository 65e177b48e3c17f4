// "Download and use" in the real VS Code host, against a stand-in for the hub on 127.0.0.1 that
// serves the bundled model folder under a hub id of its own (no test can reach the real hub).
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startLocalHub, type LocalHub } from '../../hub/localHub';
import { asOffsets, expectedEntities, highlightedExampleNote, recordRepaints, ROOT, screenshot, waitFor } from '../helpers';

const HUB_ID = 'biolens-e2e/ner-mini-on-a-hub';
const BUNDLED = path.join(ROOT, 'models', 'biolens-ner-mini');

/** allowRemoteModels and remoteModelHost are machine-scoped: only user settings count. */
const setUserSetting = (key: string, value: unknown) => vscode.workspace.getConfiguration('biolens').update(key, value, vscode.ConfigurationTarget.Global);

describe('A model downloaded from a hub', () => {
  let hub: LocalHub;
  /** <global storage>/models, known once a download has landed there. */
  let modelsRoot: string;
  before(async () => {
    hub = await startLocalHub({ [HUB_ID]: BUNDLED });
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
      modelsRoot = path.dirname(path.dirname(dir));
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

  it('is cancelled when downloads are turned off mid-way, and nothing of it is kept', async () => {
    const { api } = await highlightedExampleNote();
    const slowHub = await startLocalHub({ [HUB_ID]: BUNDLED }, { slow: { file: 'onnx/model_quantized.onnx', chunk: 64 * 1024, delayMs: 50 } });
    try {
      await setUserSetting('allowRemoteModels', true);
      await setUserSetting('remoteModelHost', slowHub.host);
      const download = vscode.commands.executeCommand<boolean>('biolens.downloadHubModel', HUB_ID);
      await waitFor('the weights on their way', () => slowHub.requests.some((r) => r.method === 'GET' && r.path.endsWith('/onnx/model_quantized.onnx')));
      await waitFor('a partial folder', () => readdirSync(modelsRoot).some((n) => n.startsWith('.partial-')));
      await setUserSetting('allowRemoteModels', false);
      assert.equal(await download, false);
      assert.ok(api.messages.includes(`BioLens: the download of ${HUB_ID} was cancelled; nothing of it was kept.`), api.messages.join('\n'));
      assert.deepEqual(readdirSync(modelsRoot), [], 'no partial folder, no model folder');
      assert.equal('model' in api.state && api.state.model, 'biolens-ner-mini');
    } finally {
      await slowHub.close();
    }
  });

  it('that passes the folder check but does not load is removed again, and the running model stays', async () => {
    const { api } = await highlightedExampleNote();
    // The bundled folder with its weights cut to 100 KB: every file there, but not a loadable ONNX graph.
    const broken = mkdtempSync(path.join(os.tmpdir(), 'biolens-e2e-broken-hub-'));
    for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'gazetteer.tsv']) copyFileSync(path.join(BUNDLED, f), path.join(broken, f));
    mkdirSync(path.join(broken, 'onnx'));
    writeFileSync(path.join(broken, 'onnx', 'model_quantized.onnx'), readFileSync(path.join(BUNDLED, 'onnx', 'model_quantized.onnx')).subarray(0, 100_000));
    const brokenHub = await startLocalHub({ 'biolens-e2e/broken': broken });
    try {
      await setUserSetting('allowRemoteModels', true);
      await setUserSetting('remoteModelHost', brokenHub.host);
      assert.equal(await vscode.commands.executeCommand<boolean>('biolens.downloadHubModel', 'biolens-e2e/broken'), false);
      assert.ok(api.messages.some((m) => m.startsWith('BioLens could not load biolens-e2e/broken: Cannot load the model: corrupt or unreadable ONNX model')), api.messages.join('\n'));
      assert.ok(api.messages.includes('BioLens removed the download of biolens-e2e/broken: it does not load in BioLens.'), api.messages.join('\n'));
      assert.deepEqual(readdirSync(modelsRoot), []);
      await waitFor('the bundled model back', () => api.state.state === 'ready' && 'model' in api.state && api.state.model === 'biolens-ner-mini');
      assert.equal(vscode.workspace.getConfiguration('biolens').get('modelPath'), '');
    } finally {
      await brokenHub.close();
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
