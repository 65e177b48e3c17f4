// The hub download against a local stand-in for the hub (test/hub/localHub.ts) serving the bundled
// model folder: a folder appears whole and runnable, or not at all.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { env, pipeline } from '@huggingface/transformers';
import { createEngine } from '../../src/engine';
import {
  downloadHubModel,
  HubDownloadCancelledError,
  HubDownloadError,
  hubFileUrl,
  listDownloadedModels,
  localModelDir,
  removeDownloadedModel,
  type DownloadProgress,
} from '../../src/engine/hub';
import { startLocalHub, type LocalHub } from '../hub/localHub';
import { MODEL_DIR } from './testModel';

const ID = 'biolens-test/ner-mini';
// What the engine needs of the bundled folder, the card the comparison reads, and the sizes the
// download must add up to.
const EXPECTED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx', 'gazetteer.tsv', 'MODEL_CARD.md'];
const EXPECTED_BYTES = EXPECTED_FILES.reduce((n, f) => n + statSync(path.join(MODEL_DIR, f)).size, 0);

describe('downloading a hub model (local stand-in for the hub on 127.0.0.1)', function () {
  this.timeout(60_000);
  let root: string;
  let hub: LocalHub | undefined;
  beforeEach(() => (root = mkdtempSync(path.join(tmpdir(), 'biolens-hub-'))));
  afterEach(async () => {
    await hub?.close();
    hub = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  /** Everything under the models root: a failed download must leave nothing. */
  const leftovers = () => readdirSync(root, { recursive: true });

  it('downloads every file the engine needs into <root>/<safe id>/<revision>, with monotonic progress up to the total, and the engine runs it', async () => {
    hub = await startLocalHub({ [ID]: MODEL_DIR });
    const progress: DownloadProgress[] = [];
    const got = await downloadHubModel({ modelId: ID, host: hub.host, modelsRoot: root, onProgress: (p) => progress.push(p) });

    assert.equal(got.dir, path.join(root, 'biolens-test--ner-mini', 'main'));
    assert.equal(got.fetched, true);
    assert.deepEqual(Object.keys(got.manifest.files).sort(), [...EXPECTED_FILES].sort());
    for (const f of EXPECTED_FILES) assert.equal(statSync(path.join(got.dir, f)).size, statSync(path.join(MODEL_DIR, f)).size, f);
    assert.deepEqual(readdirSync(root), ['biolens-test--ner-mini'], 'no partial folder left');

    for (let i = 1; i < progress.length; i++) assert.ok(progress[i].loaded >= progress[i - 1].loaded, `progress went back at event ${i}`);
    const last = progress[progress.length - 1];
    assert.equal(last.loaded, EXPECTED_BYTES);
    assert.equal(last.total, EXPECTED_BYTES);
    assert.ok(progress.every((p) => p.total === null || p.total === EXPECTED_BYTES), 'the total, once known, does not change');
    assert.ok(progress.some((p) => p.file === 'onnx/model_quantized.onnx' && p.total === EXPECTED_BYTES), 'the total is known before the weights come');

    const engine = await createEngine({ modelDir: got.dir, inWorker: false });
    try {
      assert.equal(engine.info.id, ID, 'a downloaded model goes by its hub id');
      const entities = await engine.annotate('Cisplatin-induced nephrotoxicity was seen in patients with breast cancer.');
      // "patients" may come out as Species too (LINNAEUS annotates it as human), depending on the weights.
      assert.deepEqual(entities.filter((e) => e.type !== 'Species').map((e) => [e.text, e.type]), [['Cisplatin', 'Chemical'], ['nephrotoxicity', 'Disease'], ['breast cancer', 'Disease']]);
    } finally {
      await engine.dispose();
    }
  });

  it('fetches nothing when the model is already downloaded, lists it, and removes it', async () => {
    hub = await startLocalHub({ [ID]: MODEL_DIR });
    await downloadHubModel({ modelId: ID, revision: 'v1.0', host: hub.host, modelsRoot: root });
    const requests = hub.requests.length;
    const again = await downloadHubModel({ modelId: ID, revision: 'v1.0', host: hub.host, modelsRoot: root });
    assert.equal(again.fetched, false);
    assert.equal(hub.requests.length, requests, 'no request the second time: it runs offline');

    const listed = listDownloadedModels(root);
    assert.deepEqual(listed.map((e) => [e.manifest.modelId, e.manifest.revision, e.dir, e.bytes]), [[ID, 'v1.0', localModelDir(root, { modelId: ID, revision: 'v1.0' }), EXPECTED_BYTES]]);
    assert.equal(await removeDownloadedModel(root, { modelId: ID, revision: 'v1.0' }), true);
    assert.deepEqual(listDownloadedModels(root), []);
    assert.deepEqual(leftovers(), []);
  });

  it('a 404 on one file fails with status, file and host, and leaves no folder', async () => {
    hub = await startLocalHub({ [ID]: MODEL_DIR }, { missing: ['gazetteer.tsv'] });
    const error = await downloadHubModel({ modelId: ID, host: hub.host, modelsRoot: root }).then(
      () => assert.fail('downloaded'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof HubDownloadError);
    assert.equal(error.status, 404);
    assert.equal(error.file, 'gazetteer.tsv');
    assert.match(error.message, new RegExp(`^gazetteer\\.tsv: ${new URL(hub.host).host.replace('.', '\\.')} answered HTTP 404`));
    assert.ok(!hub.requests.some((r) => r.method === 'GET' && r.path.endsWith('.onnx')), 'the missing file is found before the weights are fetched');
    assert.deepEqual(leftovers(), []);
  });

  it('a connection cut mid-file fails naming the file, and leaves no folder', async () => {
    hub = await startLocalHub({ [ID]: MODEL_DIR }, { cut: { file: 'onnx/model_quantized.onnx', after: 100_000 } });
    await assert.rejects(downloadHubModel({ modelId: ID, host: hub.host, modelsRoot: root }), (e: HubDownloadError) => {
      assert.equal(e.file, 'onnx/model_quantized.onnx');
      assert.match(e.message, /^onnx\/model_quantized\.onnx: (the connection to 127\.0\.0\.1:\d+ broke after|127\.0\.0\.1:\d+ sent 100000 of)/);
      return true;
    });
    assert.deepEqual(leftovers(), []);
  });

  it('aborting mid-download cancels it and leaves no folder', async () => {
    hub = await startLocalHub({ [ID]: MODEL_DIR }, { slow: { file: 'onnx/model_quantized.onnx', chunk: 64 * 1024, delayMs: 20 } });
    const abort = new AbortController();
    let sawWeights = 0;
    const download = downloadHubModel({
      modelId: ID,
      host: hub.host,
      modelsRoot: root,
      signal: abort.signal,
      onProgress: (p) => {
        if (p.file === 'onnx/model_quantized.onnx' && ++sawWeights === 3) abort.abort();
      },
    });
    await assert.rejects(download, HubDownloadCancelledError);
    assert.equal(sawWeights, 3, 'no progress after the abort');
    assert.deepEqual(leftovers(), []);
  });

  it('a model the engine cannot run (DeBERTa, SentencePiece) is refused from its description files, before the weights, and removed', async () => {
    const deberta = mkdtempSync(path.join(tmpdir(), 'biolens-deberta-'));
    try {
      writeFileSync(path.join(deberta, 'config.json'), JSON.stringify({ model_type: 'deberta-v2', id2label: { 0: 'O', 1: 'B-PROBLEM', 2: 'I-PROBLEM' } }));
      writeFileSync(path.join(deberta, 'tokenizer.json'), JSON.stringify({ model: { type: 'Unigram', vocab: [['▁the', -1]] } }));
      writeFileSync(path.join(deberta, 'tokenizer_config.json'), '{}');
      cpSync(path.join(MODEL_DIR, 'onnx'), path.join(deberta, 'onnx'), { recursive: true });
      hub = await startLocalHub({ 'someone/Medical-NER-ONNX': deberta });
      await assert.rejects(downloadHubModel({ modelId: 'someone/Medical-NER-ONNX', host: hub.host, modelsRoot: root }), (e: HubDownloadError) => {
        assert.equal(
          e.message,
          'someone/Medical-NER-ONNX cannot run in BioLens: config.json: model_type is "deberta-v2"; BioLens runs BERT token classifiers ("bert"); ' +
            'config.json: id2label has none of the entity types BioLens shows (labels: O, B-PROBLEM, I-PROBLEM); ' +
            'tokenizer.json is not a WordPiece tokenizer with a vocabulary (its model is "Unigram"); BioLens runs BERT WordPiece tokenizers',
        );
        return true;
      });
      assert.ok(!hub.requests.some((r) => r.path.includes('/onnx/')), 'the weights were never asked for');
      assert.deepEqual(leftovers(), []);
    } finally {
      rmSync(deberta, { recursive: true, force: true });
    }
  });

  it('says when a model has only fp32 weights', async () => {
    hub = await startLocalHub({ [ID]: MODEL_DIR }, { missing: ['onnx/model_quantized.onnx'] });
    await assert.rejects(downloadHubModel({ modelId: ID, host: hub.host, modelsRoot: root }), /answered HTTP 404 .*; the model has only onnx\/model\.onnx \(fp32\), and BioLens runs int8 weights/);
    assert.deepEqual(leftovers(), []);
  });

  it('refuses ids and revisions that are not hub ids, before any request', async () => {
    hub = await startLocalHub({ [ID]: MODEL_DIR });
    for (const [modelId, revision] of [['../../etc', 'main'], ['a/b/c', 'main'], ['owner--x/y', 'main'], [ID, '../x'], [ID, 'a/../../b']]) {
      await assert.rejects(downloadHubModel({ modelId, revision, host: hub.host, modelsRoot: root }), HubDownloadError, `${modelId}@${revision}`);
    }
    assert.deepEqual(hub.requests, []);
  });
});

describe("the hub URLs are transformers.js's", function () {
  this.timeout(60_000);
  let saved: typeof env;
  let root: string;
  before(() => (saved = { ...env }));
  let hub: LocalHub | undefined;
  beforeEach(() => (root = mkdtempSync(path.join(tmpdir(), 'biolens-hub-'))));
  afterEach(async () => {
    Object.assign(env, { remoteHost: saved.remoteHost, remotePathTemplate: saved.remotePathTemplate, allowRemoteModels: saved.allowRemoteModels, allowLocalModels: saved.allowLocalModels, cacheDir: saved.cacheDir, useFSCache: saved.useFSCache });
    await hub?.close();
    hub = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  for (const [pathTemplate, revision] of [
    [undefined, 'main'],
    ['mirror/{model}/{revision}/', 'refs/pr/1'],
  ] as const) {
    it(`requests the same paths as transformers.js's pipeline() (template ${pathTemplate ?? 'default'}, revision ${revision})`, async () => {
      hub = await startLocalHub({ [ID]: MODEL_DIR }, { pathTemplate });
      Object.assign(env, { remoteHost: hub.host + '/', remotePathTemplate: pathTemplate ?? saved.remotePathTemplate, allowRemoteModels: true, allowLocalModels: false, cacheDir: path.join(root, 'tjs-cache'), useFSCache: true });
      const ner = await pipeline('token-classification', ID, { dtype: 'q8', revision });
      await ner.dispose();
      const theirs = new Set(hub.requests.map((r) => r.path));
      hub.requests.length = 0;

      await downloadHubModel({ modelId: ID, revision, host: hub.host, pathTemplate, modelsRoot: root });
      const ours = hub.requests.filter((r) => r.method === 'GET').map((r) => r.path);
      for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']) {
        const url = new URL(hubFileUrl({ host: hub.host, pathTemplate }, { modelId: ID, revision }, file));
        assert.ok(theirs.has(url.pathname), `transformers.js asked for ${url.pathname}; it asked for ${[...theirs].join(', ')}`);
        assert.ok(ours.includes(url.pathname), `we asked for ${url.pathname}`);
      }
      assert.ok(existsSync(localModelDir(root, { modelId: ID, revision })));
    });
  }
});
