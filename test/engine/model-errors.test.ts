// A broken model folder must end in a ModelLoadError that names the file at fault, whether the
// model loads in this thread or in the worker. Each case links the real model's files into a
// temporary folder and breaks one of them.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createEngine, EngineOptions, ModelLoadError } from '../../src/engine';
import { MODEL_DIR } from './testModel';

const temporaryDirs: string[] = [];

/** A folder whose files link to the real model's, with `breakIt` applied (it must replace, not write through, links). */
function brokenModel(breakIt: (dir: string) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'biolens-broken-'));
  temporaryDirs.push(dir);
  const link = (from: string, to: string) => {
    for (const name of readdirSync(from)) {
      const source = path.join(from, name);
      if (statSync(source).isDirectory()) {
        mkdirSync(path.join(to, name));
        link(source, path.join(to, name));
      } else symlinkSync(source, path.join(to, name));
    }
  };
  link(path.resolve(MODEL_DIR), dir);
  breakIt(dir);
  return dir;
}

const remove = (file: string) => (dir: string) => rmSync(path.join(dir, file));
const replace = (file: string, content: (original: Buffer) => Buffer | string) => (dir: string) => {
  const target = path.join(dir, file);
  const original = readFileSync(target);
  rmSync(target); // drop the link first: the real model file must stay untouched
  writeFileSync(target, content(original));
};
const editConfig = (edit: (config: Record<string, unknown>) => void) =>
  replace('config.json', (original) => {
    const config = JSON.parse(original.toString('utf8'));
    edit(config);
    return JSON.stringify(config);
  });

const biolensOf = (config: Record<string, unknown>) => (config.biolens ??= {}) as { typeHeads?: string[][] };
const withoutTypeHeads = (config: Record<string, unknown>) => delete biolensOf(config).typeHeads;

async function loadError(opts: EngineOptions): Promise<ModelLoadError> {
  try {
    const engine = await createEngine({ inWorker: false, ...opts });
    await engine.dispose();
  } catch (e) {
    assert.ok(e instanceof ModelLoadError, `expected a ModelLoadError, got ${(e as Error).stack}`);
    return e;
  }
  assert.fail('the model loaded');
}

describe('model folder errors', function () {
  this.timeout(30_000);
  after(() => temporaryDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  const cases: Array<[name: string, breakIt: (dir: string) => void, file: string, message: RegExp, opts?: EngineOptions]> = [
    ['a missing config.json', remove('config.json'), 'config.json', /missing/],
    ['a config.json that is not JSON', replace('config.json', () => '{"model_type": "bert",'), 'config.json', /corrupt/],
    ['a config.json without id2label', editConfig((c) => delete c.id2label), 'config.json', /id2label/],
    ['labels that are not BIO', editConfig((c) => (c.id2label = { 0: 'O', 1: 'S-Gene' })), 'config.json', /neither 'O' nor B-\/I-/],
    ['a missing tokenizer.json', remove('tokenizer.json'), 'tokenizer.json', /missing/],
    ['a truncated tokenizer.json', replace('tokenizer.json', (b) => b.subarray(0, b.length / 2)), 'tokenizer.json', /corrupt/],
    ['a missing tokenizer_config.json', remove('tokenizer_config.json'), 'tokenizer_config.json', /missing/],
    ['a missing q8 ONNX file', remove('onnx/model_quantized.onnx'), 'onnx/model_quantized.onnx', /missing/],
    ['a missing fp32 ONNX file', remove('onnx/model.onnx'), 'onnx/model.onnx', /missing/, { dtype: 'fp32' }],
    ['a truncated ONNX file', replace('onnx/model_quantized.onnx', (b) => b.subarray(0, b.length / 3)), 'onnx/model_quantized.onnx', /corrupt/],
    ['an ONNX file of garbage', replace('onnx/model_quantized.onnx', () => Buffer.from('<html>404 Not Found</html>'.repeat(100))), 'onnx/model_quantized.onnx', /corrupt/],
    ['an empty ONNX file', replace('onnx/model_quantized.onnx', () => ''), 'onnx/model_quantized.onnx', /corrupt/],
    ['a model with more labels than config.json', editConfig((c) => ((c.id2label = { 0: 'O', 1: 'B-Gene', 2: 'I-Gene' }), withoutTypeHeads(c))), 'onnx/model_quantized.onnx', /outputs \d+ labels but config.json's id2label has 3/],
    ['type heads naming a type without labels', editConfig((c) => (biolensOf(c).typeHeads = [['Chemical', 'Disease', 'Gene', 'Species', 'CellLine', 'CellType', 'Mutation']])), 'config.json', /typeHeads name "Mutation", which id2label has no labels for/],
    ['type heads leaving a type out', editConfig((c) => (biolensOf(c).typeHeads = [['Chemical', 'Disease', 'Gene', 'Species', 'CellLine']])), 'config.json', /typeHeads leave out "CellType"/],
    ['type heads naming a type twice', editConfig((c) => (biolensOf(c).typeHeads = [['Chemical', 'Disease', 'Gene'], ['Gene', 'Species', 'CellLine', 'CellType']])), 'config.json', /"Gene" in more than one group/],
    ['type heads the ONNX model does not have', editConfig((c) => (biolensOf(c).typeHeads = [['Chemical', 'Disease', 'Gene'], ['Species'], ['CellLine', 'CellType']])), 'onnx/model_quantized.onnx', /type_logits/],
    ['a missing gazetteer', remove('gazetteer.tsv'), 'gazetteer.tsv', /missing/],
  ];

  for (const [name, breakIt, file, message, opts] of cases) {
    it(`names the file for ${name}`, async () => {
      const dir = brokenModel(breakIt);
      const error = await loadError({ modelDir: dir, ...opts });
      assert.equal(error.file, path.join(dir, file));
      assert.match(error.message, message);
      assert.ok(error.message.includes(path.join(dir, file)), error.message);
    });
  }

  it('names the folder when it does not exist', async () => {
    const dir = path.join(tmpdir(), 'biolens-no-such-model');
    const error = await loadError({ modelDir: dir });
    assert.equal(error.file, dir);
    assert.match(error.message, /model folder not found/);
  });

  it('rejects options no engine can honour before loading anything', async () => {
    await assert.rejects(createEngine({ threads: 0 }), /threads must be a positive integer/);
    await assert.rejects(createEngine({ batchSize: 2.5, inWorker: false }), RangeError);
    await assert.rejects(createEngine({ dtype: 'int4' as 'q8' }), /dtype must be 'fp32' or 'q8'/);
  });

  it('reports a corrupt ONNX file found by the worker as a ModelLoadError too', async () => {
    // Long enough to pass the folder check's size test: only onnxruntime, in the worker, finds it.
    const dir = brokenModel(replace('onnx/model_quantized.onnx', (b) => b.subarray(0, 100_000)));
    const error = await loadError({ modelDir: dir, inWorker: true });
    assert.equal(error.file, path.join(dir, 'onnx/model_quantized.onnx'));
  });
});
