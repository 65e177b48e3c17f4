// When documents are analysed and what is published for which version. The analysis here is a
// stand-in whose timing the test controls (the model itself is covered by incrementalAnnotator
// tests); entities are found by a regular expression so that they depend on the text.
import { strict as assert } from 'node:assert';
import type { Annotation } from '../../src/engine';
import type { DocumentAnnotations } from '../../src/protocol';
import { AnalysisScheduler } from '../../src/server/analysisScheduler';
import { documentAnnotations } from '../../src/server/publication';
import { DEFAULT_SETTINGS } from '../../src/server/settings';

const URI = 'file:///note.txt';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function drugs(text: string): Annotation[] {
  return [...text.matchAll(/aspirin|metformin/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0], type: 'Chemical', score: 0.9 }));
}

function setUp(settings = { ...DEFAULT_SETTINGS, debounceMs: 30 }, analysisMs = 20) {
  const published: DocumentAnnotations[] = [];
  const analysed: string[] = [];
  const failures: unknown[] = [];
  const scheduler = new AnalysisScheduler({
    settings: () => settings,
    publish: (doc) => published.push(documentAnnotations(doc, settings)),
    failed: (_doc, error) => failures.push(error),
    async analyse(text, signal) {
      analysed.push(text);
      await sleep(analysisMs);
      signal.throwIfAborted();
      return { annotations: drugs(text), stats: { analysedParagraphs: 1, reusedParagraphs: 0, ms: analysisMs } };
    },
  });
  return { scheduler, published, analysed, failures };
}

const texts = (d: DocumentAnnotations) => d.annotations.map((a) => a.text);

describe('AnalysisScheduler', () => {
  it('analyses a document as soon as it opens and publishes it complete, with its version', async () => {
    const { scheduler, published } = setUp();
    scheduler.open(URI, 'plaintext', 1, 'Took aspirin.');
    await sleep(80);
    assert.deepEqual(published.map((p) => [p.version, p.state, texts(p)]), [[1, 'complete', ['aspirin']]]);
    scheduler.dispose();
  });

  it('publishes the shifted entities at once on each edit, and analyses once typing pauses', async () => {
    const { scheduler, published, analysed } = setUp();
    scheduler.open(URI, 'plaintext', 1, 'Took aspirin.');
    await sleep(80);
    analysed.length = 0;
    published.length = 0;

    scheduler.change(URI, 2, 'X Took aspirin.');
    scheduler.change(URI, 3, 'XY Took aspirin.');
    scheduler.change(URI, 4, 'XY Took aspirin and metformin.');
    assert.deepEqual(published.map((p) => [p.version, p.state]), [[2, 'pending'], [3, 'pending'], [4, 'pending']]);
    assert.deepEqual(published[2].annotations.map((a) => [a.start, a.text]), [[8, 'aspirin']], 'moved with the text, metformin not yet known');

    await sleep(120);
    assert.deepEqual(analysed, ['XY Took aspirin and metformin.'], 'one analysis, of the last version');
    assert.deepEqual(published.slice(3).map((p) => [p.version, p.state, texts(p)]), [[4, 'complete', ['aspirin', 'metformin']]]);
    scheduler.dispose();
  });

  it('never publishes the result of an analysis overtaken by an edit', async () => {
    const { scheduler, published } = setUp({ ...DEFAULT_SETTINGS, debounceMs: 0 }, 50);
    scheduler.open(URI, 'plaintext', 1, 'aspirin');
    await sleep(10); // analysis of v1 in flight
    scheduler.change(URI, 2, 'metformin');
    await sleep(150);
    assert.deepEqual(published.map((p) => [p.version, p.state, texts(p)]), [
      [2, 'pending', []],
      [2, 'complete', ['metformin']],
    ]);
    scheduler.dispose();
  });

  it('skips a document above the size limit and says why, for each version', async () => {
    const { scheduler, published, analysed } = setUp({ ...DEFAULT_SETTINGS, maxFileSize: 10 });
    scheduler.open(URI, 'plaintext', 1, 'aspirin and metformin');
    scheduler.change(URI, 2, 'aspirin and metformin!');
    await sleep(80);
    assert.deepEqual(analysed, []);
    assert.deepEqual(published.map((p) => [p.version, p.state, p.skipped]), [
      [1, 'skipped', { reason: 'tooLarge', size: 21, limit: 10 }],
      [2, 'skipped', { reason: 'tooLarge', size: 22, limit: 10 }],
    ]);
    scheduler.dispose();
  });

  it('forgets a closed document: nothing is published for it afterwards', async () => {
    const { scheduler, published } = setUp();
    scheduler.open(URI, 'plaintext', 1, 'aspirin');
    scheduler.close(URI);
    await sleep(80);
    assert.deepEqual(published, []);
    assert.equal(scheduler.get(URI), undefined);
  });

  it('hands failures other than cancellation to its owner', async () => {
    const settings = { ...DEFAULT_SETTINGS, debounceMs: 0 };
    const failures: unknown[] = [];
    const scheduler = new AnalysisScheduler({
      settings: () => settings,
      publish: () => undefined,
      failed: (_doc, error) => failures.push(error),
      analyse: async () => {
        throw new Error('model gone');
      },
    });
    scheduler.open(URI, 'plaintext', 1, 'aspirin');
    await sleep(30);
    assert.deepEqual(failures.map((e) => (e as Error).message), ['model gone']);
  });
});
