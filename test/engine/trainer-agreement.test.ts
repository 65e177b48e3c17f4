// The trainer ships reference_outputs.json: for a few texts, the input_ids and gazetteer
// token_type_ids Python built and the logits torch computed. Our TypeScript inputs must be the
// same ids and features, and the fp32 ONNX model must give the same logits on them (and, for a
// model with type heads, the same type_logits).
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { encodeSentences, Gazetteer, readModelFolder, WordPieceEncoder } from '../../src/engine';
import { InputBatch, TokenClassifierSession } from '../../src/engine/onnxSession';
import { MODEL_DIR } from './testModel';

interface Reference {
  text: string;
  input_ids: number[];
  token_type_ids: number[];
  logits: number[][];
  /** Per token, per type group, the group's log-probabilities: models with type heads only. */
  type_logits?: number[][][];
}

const REFERENCE_FILE = path.join(MODEL_DIR, 'reference_outputs.json');

describe('agreement with the Python trainer (reference_outputs.json)', function () {
  this.timeout(30_000);
  let references: Reference[];
  let encoder: WordPieceEncoder;
  let gazetteer: Gazetteer;

  before(async function () {
    if (!existsSync(REFERENCE_FILE)) this.skip();
    references = JSON.parse(readFileSync(REFERENCE_FILE, 'utf8'));
    encoder = await WordPieceEncoder.load(MODEL_DIR);
    const spec = readModelFolder(MODEL_DIR, 'fp32').gazetteer!;
    gazetteer = Gazetteer.parse(readFileSync(spec.file, 'utf8'), spec.maxWords, spec.allowedBits);
  });

  /** The model input the engine builds for a one-sentence text: ids and token types, [CLS]/[SEP] included. */
  function inputsOf(text: string): { ids: number[]; types: number[] } {
    const sentences = [...encodeSentences([text], encoder)];
    assert.equal(sentences.length, 1, 'reference texts are single sentences');
    const { words, pieces } = sentences[0];
    const features = new Int32Array(words.length);
    gazetteer.features(words, 0, words.length, features);
    const ids = [encoder.startId];
    const types = [0];
    words.forEach((_, w) => pieces[w].forEach((id) => (ids.push(id), types.push(features[w]))));
    return { ids: [...ids, encoder.endId], types: [...types, 0] };
  }

  it('builds the same input_ids and gazetteer token_type_ids', () => {
    for (const ref of references) {
      const { ids, types } = inputsOf(ref.text);
      assert.deepEqual(ids, ref.input_ids, ref.text);
      assert.deepEqual(types, ref.token_type_ids, ref.text);
    }
  });

  it('computes the same logits with the fp32 model', async () => {
    const folder = readModelFolder(MODEL_DIR, 'fp32');
    const session = await TokenClassifierSession.open(folder.onnxFile, 1, folder.scheme.labels.length, folder.typeHeads?.length ?? 0);
    try {
      for (const ref of references) {
        const batch = new InputBatch(1, ref.input_ids.length, encoder.padId);
        ref.input_ids.forEach((id, k) => batch.set(0, k, id, ref.token_type_ids[k]));
        const { logits, typeLogits } = await session.scores(batch);
        const L = folder.scheme.labels.length;
        let maxDiff = 0;
        ref.logits.forEach((row, k) => row.forEach((v, y) => (maxDiff = Math.max(maxDiff, Math.abs(v - logits[k * L + y])))));
        assert.ok(maxDiff < 2e-3, `${ref.text}: max |logit difference| ${maxDiff}`);
        assert.equal(Boolean(ref.type_logits), Boolean(typeLogits), 'type_logits in the reference file and the model alike');
        if (!ref.type_logits || !typeLogits) continue;
        const G = folder.typeHeads!.length;
        let maxTypeDiff = 0;
        ref.type_logits.forEach((groups, k) => groups.forEach((row, g) => row.forEach((v, y) => (maxTypeDiff = Math.max(maxTypeDiff, Math.abs(v - typeLogits[(k * G + g) * L + y]))))));
        assert.ok(maxTypeDiff < 2e-3, `${ref.text}: max |type_logits difference| ${maxTypeDiff}`);
      }
    } finally {
      await session.dispose();
    }
  });
});
