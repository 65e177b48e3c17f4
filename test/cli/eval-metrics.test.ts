// Mention-level scoring on hand-made cases whose arithmetic is worked out in the comments.
import { strict as assert } from 'node:assert';
import type { Annotation, EntityType } from '../../src/engine/types';
import type { Document } from '../../src/engine/formats';
import { countMatches, evaluate, prf, scoreCorpus, type AnnotatingEngine } from '../../src/engine/eval';

const TEXT = 'Aspirin and ibuprofen relieve migraine headache but may cause gastric ulcer in mice.';
const span = (mention: string, type: EntityType, from = 0): Annotation => {
  const start = TEXT.indexOf(mention, from);
  assert.ok(start >= 0, mention);
  return { start, end: start + mention.length, text: mention, type, score: 1 };
};
const doc = (annotations: Annotation[]): Document => ({ id: 'd', text: TEXT, annotations });

const aspirin = span('Aspirin', 'Chemical');
const ibuprofen = span('ibuprofen', 'Chemical');
const migraineHeadache = span('migraine headache', 'Disease');
const gastricUlcer = span('gastric ulcer', 'Disease');
const gold = doc([aspirin, ibuprofen, migraineHeadache, gastricUlcer]);

describe('mention-level evaluation', () => {
  it('2 TP, 1 FP, 1 FN gives P = R = F1 = 2/3', () => {
    // Gold Chemicals: Aspirin, ibuprofen, mice. Predicted: Aspirin ✓, ibuprofen ✓, gastric ✗.
    // tp 2, fp 1 (gastric), fn 1 (mice) → P = 2/3, R = 2/3, F1 = 2/3.
    const goldChemicals = doc([aspirin, ibuprofen, span('mice', 'Chemical')]);
    const predicted = [aspirin, ibuprofen, span('gastric', 'Chemical')];
    const { strict } = scoreCorpus([goldChemicals], [predicted]);
    assert.deepEqual(strict.byType.Chemical, { precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, tp: 2, fp: 1, fn: 1 });
    assert.deepEqual(strict.micro, { precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 });
  });

  it('counts a boundary mismatch as FP + FN when strict and as TP when lenient', () => {
    const predicted = [aspirin, ibuprofen, span('headache', 'Disease'), gastricUlcer];
    const { strict, lenient } = scoreCorpus([gold], [predicted]);
    // strict Disease: gastric ulcer tp; "headache" ≠ "migraine headache": fp 1 and fn 1.
    assert.deepEqual(strict.byType.Disease, { precision: 1 / 2, recall: 1 / 2, f1: 1 / 2, tp: 1, fp: 1, fn: 1 });
    assert.deepEqual(lenient.byType.Disease, { precision: 1, recall: 1, f1: 1, tp: 2, fp: 0, fn: 0 });
    // micro strict: tp 3, fp 1, fn 1 → P = R = 3/4.
    assert.deepEqual(strict.micro, { precision: 3 / 4, recall: 3 / 4, f1: 3 / 4 });
  });

  it('needs the same type even when lenient', () => {
    const { lenient } = scoreCorpus([gold], [[{ ...migraineHeadache, type: 'Chemical' }]]);
    assert.deepEqual(lenient.byType.Disease, { precision: 0, recall: 0, f1: 0, tp: 0, fp: 0, fn: 2 });
    assert.deepEqual(lenient.byType.Chemical, { precision: 0, recall: 0, f1: 0, tp: 0, fp: 1, fn: 2 });
  });

  it('matches one to one: two predictions inside one gold mention are one TP and one FP when lenient', () => {
    const counts = countMatches([migraineHeadache], [span('migraine', 'Disease'), span('headache', 'Disease')], 'lenient');
    assert.deepEqual(counts.get('Disease'), { tp: 1, fp: 1, fn: 0 });
  });

  it('scores empty predictions as zero precision and recall, not NaN', () => {
    const { strict } = scoreCorpus([gold], [[]]);
    assert.deepEqual(strict.byType.Chemical, { precision: 0, recall: 0, f1: 0, tp: 0, fp: 0, fn: 2 });
    assert.deepEqual(strict.micro, { precision: 0, recall: 0, f1: 0 });
    assert.deepEqual(prf({ tp: 0, fp: 0, fn: 0 }), { precision: 0, recall: 0, f1: 0 });
  });

  it('breaks scores down by the types present in the gold and ignores predictions of other types', () => {
    const predicted = [aspirin, gastricUlcer, span('mice', 'Species')];
    const { strict, types } = scoreCorpus([gold], [predicted]);
    assert.deepEqual(types, ['Chemical', 'Disease']);
    assert.deepEqual(Object.keys(strict.byType), ['Chemical', 'Disease']);
    // Chemical tp 1 fn 1; Disease tp 1 fn 1; the Species prediction is not a false positive.
    assert.deepEqual(strict.byType.Chemical, { precision: 1, recall: 1 / 2, f1: 2 / 3, tp: 1, fp: 0, fn: 1 });
    assert.deepEqual(strict.micro, { precision: 1, recall: 1 / 2, f1: 2 / 3 });
  });

  it('scores only the types asked for, including ones the gold lacks', () => {
    const { strict } = scoreCorpus([gold], [[aspirin, span('mice', 'Species')]], ['Chemical', 'Species']);
    assert.deepEqual(Object.keys(strict.byType), ['Chemical', 'Species']);
    assert.deepEqual(strict.byType.Species, { precision: 0, recall: 0, f1: 0, tp: 0, fp: 1, fn: 0 });
    // micro: tp 1, fp 1, fn 1 (ibuprofen) → P = R = 1/2; Disease mentions are not scored.
    assert.deepEqual(strict.micro, { precision: 1 / 2, recall: 1 / 2, f1: 1 / 2 });
  });

  it('pools counts over documents before dividing (micro average)', () => {
    const second: Document = { id: 'e', text: TEXT, annotations: [aspirin] };
    // doc 1: tp 4; doc 2: tp 1 (aspirin), fp 1 (ibuprofen). Pooled: tp 5, fp 1 → P = 5/6, R = 1,
    // F1 = 2·(5/6)/(11/6) = 10/11. (Averaging per-document P would give (1 + 1/2)/2 = 3/4.)
    const { strict } = scoreCorpus([gold, second], [gold.annotations, [aspirin, ibuprofen]]);
    assert.deepEqual(strict.micro, { precision: 5 / 6, recall: 1, f1: 10 / 11 });
  });

  it('evaluate() runs an engine in batches and reports the documented shape', async () => {
    // Not a model: an engine that answers with fixed predictions, to check the plumbing only.
    const answers = new Map([[TEXT, [aspirin, migraineHeadache]]]);
    const engine: AnnotatingEngine = {
      annotateBatch: async (texts) => texts.map((t) => answers.get(t) ?? []),
      countTokens: async (t) => t.split(' ').length,
    };
    const progress: number[] = [];
    const report = await evaluate(engine, [gold, gold, gold], { batchSize: 2, onProgress: (done) => progress.push(done) });
    assert.deepEqual(progress, [2, 3]);
    assert.deepEqual(Object.keys(report), ['micro', 'byType', 'lenient', 'documents', 'tokensPerSecond']);
    assert.deepEqual(Object.keys(report.lenient), ['micro', 'byType']);
    assert.equal(report.documents, 3);
    assert.deepEqual(report.micro, { precision: 1, recall: 1 / 2, f1: 2 / 3 });
    assert.ok(report.tokensPerSecond > 0);
  });

  it('evaluate() with enrich scores what the terminology layer made of every type the model found', async () => {
    // The model calls aspirin a species; enrich() gives it the vocabulary's type.
    const asked: (readonly string[] | undefined)[] = [];
    const engine: AnnotatingEngine = {
      annotateBatch: async (texts, opts) => {
        asked.push(opts?.types);
        return texts.map(() => [{ ...aspirin, type: 'Species' as const }, migraineHeadache]);
      },
      countTokens: async (t) => t.split(' ').length,
    };
    const retype = (_text: string, found: Annotation[]) => found.map((a) => (a.text === 'Aspirin' ? { ...a, type: 'Chemical' as const, modelType: a.type } : a));
    const modelOnly = await evaluate(engine, [gold], { types: ['Chemical'] });
    const enriched = await evaluate(engine, [gold], { types: ['Chemical'], enrich: retype, keepPredictions: true });
    assert.deepEqual(asked, [['Chemical'], undefined], 'with enrich the model is asked for every type');
    assert.equal(modelOnly.byType.Chemical!.tp, 0);
    assert.equal(enriched.byType.Chemical!.tp, 1);
    assert.deepEqual(enriched.predictions, [[{ ...aspirin, modelType: 'Species' }]], 'the kept predictions are the scored types only');
  });
});
