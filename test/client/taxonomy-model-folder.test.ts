import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseFromWebview } from '../../src/client/taxonomy/messages';
import { checkModelFolder, readModelCard } from '../../src/client/taxonomy/modelFolder';

const BUNDLED = path.resolve(__dirname, '../../models/biolens-ner-mini');

describe('checking a local model folder before it is used', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'biolens-folder-'));
    for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']) cpSync(path.join(BUNDLED, f), path.join(dir, f));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts a copy of the bundled model and lists its entity types', () => {
    assert.deepEqual(checkModelFolder(dir), { ok: true, problems: [], entityTypes: ['Chemical', 'Disease', 'Gene', 'Species', 'CellLine', 'CellType'] });
  });

  it('names each missing file', () => {
    rmSync(path.join(dir, 'tokenizer.json'));
    rmSync(path.join(dir, 'onnx', 'model_quantized.onnx'));
    writeFileSync(path.join(dir, 'onnx', 'model.onnx'), 'x');
    const check = checkModelFolder(dir);
    assert.equal(check.ok, false);
    assert.deepEqual(check.problems, ['tokenizer.json is missing', 'onnx/model_quantized.onnx is missing (only onnx/model.onnx is there: BioLens runs the int8 file; quantise it first)']);
  });

  it('says what is wrong with config.json: corrupt, no labels, bad labels, wrong model type', () => {
    writeFileSync(path.join(dir, 'config.json'), '{"model_type": "bert",');
    assert.match(checkModelFolder(dir).problems[0], /^config\.json is not valid JSON/);
    writeFileSync(path.join(dir, 'config.json'), '{"model_type": "bert"}');
    assert.deepEqual(checkModelFolder(dir).problems, ['config.json: no id2label (the entity labels); is this a token-classification model?']);
    writeFileSync(path.join(dir, 'config.json'), '{"model_type": "bert", "id2label": {"0": "O", "1": "Chemical"}}');
    assert.match(checkModelFolder(dir).problems[0], /^config\.json: id2label: label "Chemical" is neither 'O' nor B-\/I-<type>/);
    writeFileSync(path.join(dir, 'config.json'), '{"model_type": "gpt2", "id2label": {"0": "O", "1": "B-Disease", "2": "I-Disease"}}');
    assert.match(checkModelFolder(dir).problems[0], /model_type is "gpt2"/);
  });

  it('rejects a truncated ONNX file and a path that is not a folder', () => {
    writeFileSync(path.join(dir, 'onnx', 'model_quantized.onnx'), '');
    assert.deepEqual(checkModelFolder(dir).problems, ['onnx/model_quantized.onnx is empty or truncated']);
    assert.match(checkModelFolder(path.join(dir, 'config.json')).problems[0], /is not a folder/);
  });
});

describe('model card numbers for the comparison', () => {
  it('reads strict dev F1 per corpus and type, and the int8 speed, from the bundled card', () => {
    const card = readModelCard(BUNDLED)!;
    const f1 = Object.fromEntries(card.scores.map((s) => [s.name, s.strictF1]));
    assert.equal(f1['BC5CDR Chemical + Disease'], 78.47);
    assert.equal(f1['BC5CDR Chemical + Disease — Disease'], 74.38);
    assert.equal(f1['NCBI-disease'], 71.94);
    assert.equal(f1['JNLPBA — CellType'], 69.58);
    assert.equal(card.tokensPerSecond, 25787);
  });

  it('is null for a folder without a card', () => {
    assert.equal(readModelCard(os.tmpdir()), null);
  });
});

describe('messages from the taxonomy webview', () => {
  const ids = new Set(['biolens-ner-mini', 'biobert']);
  it('passes known messages and ids', () => {
    assert.deepEqual(parseFromWebview({ type: 'use', id: 'biolens-ner-mini' }, ids), { type: 'use', id: 'biolens-ner-mini' });
    assert.deepEqual(parseFromWebview({ type: 'useLocal', extra: 1 }, ids), { type: 'useLocal' });
  });
  it('drops anything else', () => {
    for (const bad of [null, 'use', {}, { type: 'use', id: 'evil' }, { type: 'use', id: 3 }, { type: 'exec', command: 'rm' }, { type: 'ui', facet: 'x' }]) {
      assert.equal(parseFromWebview(bad, ids), undefined, JSON.stringify(bad));
    }
  });
  it('cleans filter values', () => {
    assert.deepEqual(parseFromWebview({ type: 'ui', facet: 'training', filter: { yearFrom: 2019.5, yearTo: 2022, text: 7, runnableOnly: 'yes' }, selected: 'nope' }, ids), {
      type: 'ui',
      facet: 'training',
      filter: { runnableOnly: false, yearFrom: undefined, yearTo: 2022, text: undefined },
      selected: null,
    });
  });
});
