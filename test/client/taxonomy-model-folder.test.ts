import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseFromWebview } from '../../src/client/taxonomy/messages';
import { readModelCard } from '../../src/client/taxonomy/modelCard';
import { checkModelFolder } from '../../src/engine/modelFolder';

const BUNDLED = path.resolve(__dirname, '../../models/biolens-ner-mini');

describe('checking a local model folder before it is used (the engine\'s own check)', () => {
  let dir: string;
  const messages = () => checkModelFolder(dir).problems.map((p) => p.message);
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'biolens-folder-'));
    for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'gazetteer.tsv', 'onnx/model_quantized.onnx']) cpSync(path.join(BUNDLED, f), path.join(dir, f));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts a copy of the bundled model and lists its entity types', () => {
    const check = checkModelFolder(dir);
    assert.deepEqual(check.problems, []);
    assert.deepEqual(check.entityTypes, ['Chemical', 'Disease', 'Gene', 'Species', 'CellLine', 'CellType']);
    assert.equal(check.folder?.info.dir, dir);
  });

  it('names each missing file, the gazetteer config.json names included', () => {
    rmSync(path.join(dir, 'tokenizer.json'));
    rmSync(path.join(dir, 'gazetteer.tsv'));
    rmSync(path.join(dir, 'onnx', 'model_quantized.onnx'));
    writeFileSync(path.join(dir, 'onnx', 'model.onnx'), 'x');
    const check = checkModelFolder(dir);
    assert.equal(check.folder, null);
    assert.deepEqual(check.problems, [
      { file: 'onnx/model_quantized.onnx', message: 'onnx/model_quantized.onnx is missing (only onnx/model.onnx is there: BioLens runs the int8 file; quantise it first)' },
      { file: 'tokenizer.json', message: 'tokenizer.json is missing' },
      { file: 'gazetteer.tsv', message: "gazetteer.tsv is missing (the gazetteer that config.json's biolens.gazetteer names)" },
    ]);
  });

  it('says what is wrong with config.json: corrupt, no labels, bad labels, wrong model type', () => {
    writeFileSync(path.join(dir, 'config.json'), '{"model_type": "bert",');
    assert.match(messages()[0], /^config\.json is corrupt \(not valid JSON/);
    writeFileSync(path.join(dir, 'config.json'), '{"model_type": "bert"}');
    assert.deepEqual(messages(), ['config.json has no id2label (the entity labels): is this a token-classification model?']);
    writeFileSync(path.join(dir, 'config.json'), '{"model_type": "bert", "id2label": {"0": "O", "1": "Chemical"}}');
    assert.match(messages()[0], /^config\.json: id2label: label "Chemical" is neither 'O' nor B-\/I-<type>/);
    writeFileSync(path.join(dir, 'config.json'), '{"model_type": "gpt2", "id2label": {"0": "O", "1": "B-Disease", "2": "I-Disease"}}');
    assert.match(messages()[0], /model_type is "gpt2"/);
    writeFileSync(path.join(dir, 'config.json'), '{"model_type": "bert", "id2label": {"0": "O", "1": "B-PROBLEM", "2": "I-PROBLEM"}}');
    assert.deepEqual(messages(), ['config.json: id2label has none of the entity types BioLens shows (labels: O, B-PROBLEM, I-PROBLEM)']);
  });

  it('refuses a tokenizer that is not WordPiece (what a DeBERTa or RoBERTa checkpoint has)', () => {
    writeFileSync(path.join(dir, 'tokenizer.json'), JSON.stringify({ model: { type: 'Unigram', vocab: [['▁a', -1]] } }));
    assert.deepEqual(messages(), ['tokenizer.json is not a WordPiece tokenizer with a vocabulary (its model is "Unigram"); BioLens runs BERT WordPiece tokenizers']);
  });

  it('rejects a truncated ONNX file and a path that is not a folder', () => {
    writeFileSync(path.join(dir, 'onnx', 'model_quantized.onnx'), '');
    assert.deepEqual(messages(), ['corrupt or unreadable ONNX model onnx/model_quantized.onnx: empty or truncated (0 bytes)']);
    assert.match(checkModelFolder(path.join(dir, 'config.json')).problems[0].message, /is not a folder/);
  });
});

describe('model card numbers for the comparison', () => {
  it('reads strict dev F1 per corpus and type, and the int8 speed, from the bundled card', () => {
    const card = readModelCard(BUNDLED)!;
    const f1 = Object.fromEntries(card.scores.map((s) => [s.name, s.strictF1]));
    assert.equal(f1['BC5CDR Chemical + Disease'], 87.34);
    assert.equal(f1['BC5CDR Chemical + Disease — Disease'], 82.85);
    assert.equal(f1['NCBI-disease'], 84.96);
    assert.equal(f1['JNLPBA — CellType'], 73.99);
    assert.equal(card.tokensPerSecond, 25863);
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
  it('passes a downloaded model only when it is in the list of downloads', () => {
    const downloads = new Set(['someone/ner@main']);
    assert.deepEqual(parseFromWebview({ type: 'useDownloaded', modelId: 'someone/ner', revision: 'main' }, ids, downloads), { type: 'useDownloaded', modelId: 'someone/ner', revision: 'main' });
    assert.deepEqual(parseFromWebview({ type: 'deleteDownloaded', modelId: 'someone/ner', revision: 'main' }, ids, downloads), { type: 'deleteDownloaded', modelId: 'someone/ner', revision: 'main' });
    for (const bad of [{ modelId: 'someone/ner', revision: 'v2' }, { modelId: '../../x', revision: 'main' }, { modelId: 'someone/ner' }, { modelId: 1, revision: 'main' }]) {
      assert.equal(parseFromWebview({ type: 'deleteDownloaded', ...bad }, ids, downloads), undefined, JSON.stringify(bad));
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
