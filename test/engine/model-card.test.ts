// The shipped model must still reach the F1 its model card records on fixed dev samples: this is
// what stops a broken export, a bad quantisation or a runtime regression from landing.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createEngine, NerEngine } from '../../src/engine';
import { evaluate } from '../../src/engine/eval';
import { readPubTator } from '../../src/engine/formats';
import { MODEL_DIR } from './testModel';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const SAMPLES: Record<string, string> = {
  'bc5cdr-dev-20': path.join(FIXTURES, 'formats', 'BC5CDR-dev-sample.PubTator.txt'),
  'ncbi-disease-dev-20': path.join(FIXTURES, 'model', 'NCBI-disease-dev-sample.PubTator.txt'),
};
/** Floating-point differences between machines may move a mention or two; nothing more. */
const TOLERANCE = 0.005;

/** The card keeps its CI numbers in a comment: <!-- ci-sample-f1 {"bc5cdr-dev-20": 0.78, …} --> */
function cardScores(): Record<string, number> {
  const card = readFileSync(path.join(MODEL_DIR, 'MODEL_CARD.md'), 'utf8');
  const m = /<!--\s*ci-sample-f1\s*(\{[^}]*\})\s*-->/.exec(card);
  assert.ok(m, 'MODEL_CARD.md records its fixed-sample F1 in a ci-sample-f1 comment');
  return JSON.parse(m[1]);
}

describe('the shipped model against its model card', function () {
  this.timeout(120000);
  let engine: NerEngine;
  before(async () => { engine = await createEngine({ modelDir: MODEL_DIR, inWorker: false }); });
  after(async () => engine?.dispose());

  for (const [name, file] of Object.entries(SAMPLES)) {
    it(`reaches the card's strict micro F1 on ${name}`, async () => {
      const expected = cardScores()[name];
      assert.equal(typeof expected, 'number', `the card records ${name}`);
      const report = await evaluate(engine, readPubTator(readFileSync(file, 'utf8')));
      assert.ok(report.micro.f1 >= expected - TOLERANCE,
        `${name}: strict micro F1 ${report.micro.f1.toFixed(4)} is below the card's ${expected}`);
    });
  }
});
