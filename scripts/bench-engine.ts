// Engine throughput: word pieces per second for fp32 and q8 at one ORT thread, in one run so
// the two share the machine's state. A script, not a test: timings on shared CI are noise.
//   npx tsx scripts/bench-engine.ts [--docs N] [--model DIR] [--batch N] [--worker] [--corpus FILE]
// Text: BC5CDR development abstracts when ../shared/data is present, else the test fixture
// sentences repeated.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createEngine, type ModelDtype } from '../src/engine';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const ROOT = path.resolve(__dirname, '..');
const CORPUS = option('corpus', path.resolve(ROOT, '../shared/data/corpora/BC5CDR-pubtator/CDR_DevelopmentSet.PubTator.txt'));
const FIXTURE = path.join(ROOT, 'test/fixtures/engine/bc5cdr-sentences.txt');

function documents(count: number): string[] {
  if (existsSync(CORPUS)) {
    // PubTator: "<pmid>|t|title", "<pmid>|a|abstract", annotation lines; documents separated by a blank line.
    return readFileSync(CORPUS, 'utf8')
      .split(/\n\n+/)
      .map((block) => block.split('\n').filter((l) => /^\d+\|[ta]\|/.test(l)).map((l) => l.replace(/^\d+\|[ta]\|/, '')).join('\n'))
      .filter(Boolean)
      .slice(0, count);
  }
  const sentences = readFileSync(FIXTURE, 'utf8').split('\n').filter(Boolean);
  return Array.from({ length: count }, (_, i) => Array.from({ length: 10 }, (_, k) => sentences[(i * 10 + k) % sentences.length]).join(' '));
}

async function measure(dtype: ModelDtype, docs: string[]): Promise<{ tokensPerSecond: number; loadMs: number; tokens: number; entities: number }> {
  const t0 = performance.now();
  const engine = await createEngine({
    modelDir: args.includes('--model') ? option('model', '') : undefined,
    dtype,
    threads: 1,
    inWorker: args.includes('--worker'),
    batchSize: Number(option('batch', '32')),
  });
  const loadMs = performance.now() - t0;
  try {
    await engine.annotateBatch(docs.slice(0, 10)); // warm up allocators and caches
    let tokens = 0;
    for (const doc of docs) tokens += await engine.countTokens(doc);
    const start = performance.now();
    const results = await engine.annotateBatch(docs);
    const seconds = (performance.now() - start) / 1000;
    return { tokensPerSecond: tokens / seconds, loadMs, tokens, entities: results.reduce((n, r) => n + r.length, 0) };
  } finally {
    await engine.dispose();
  }
}

(async () => {
  const docs = documents(Number(option('docs', '200')));
  console.log(`${docs.length} documents, ${docs.reduce((n, d) => n + d.length, 0)} characters, ${existsSync(CORPUS) ? CORPUS : FIXTURE}`);
  const rows: Record<string, Awaited<ReturnType<typeof measure>>> = {};
  for (const dtype of ['fp32', 'q8'] as const) {
    rows[dtype] = await measure(dtype, docs);
    const r = rows[dtype];
    console.log(`${dtype.padEnd(5)} ${Math.round(r.tokensPerSecond).toString().padStart(7)} pieces/s  (${r.tokens} pieces, ${r.entities} entities, load ${r.loadMs.toFixed(0)} ms)`);
  }
  console.log(`q8 / fp32 = ${(rows.q8.tokensPerSecond / rows.fp32.tokensPerSecond).toFixed(2)}x`);
})();
