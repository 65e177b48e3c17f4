// Engine throughput: word pieces per second for fp32 and q8 at one ORT thread, in one run so
// the two share the machine's state. A script, not a test: timings on shared CI are noise.
//   npx tsx scripts/bench-engine.ts [--docs N] [--rounds N] [--model DIR] [--batch N] [--worker] [--corpus FILE]
// Rounds alternate fp32 and q8; the best round of each is the least disturbed by other load,
// the median shows how much that load moved it; pieces per CPU-second discounts time spent
// waiting for a core. Text: BC5CDR development abstracts when
// ../shared/data is present, else the test fixture sentences grouped ten to a document.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createEngine, type ModelDtype, type NerEngine } from '../src/engine';
import { readPubTator } from '../src/engine/formats';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const ROOT = path.resolve(__dirname, '..');
const CORPUS = option('corpus', path.resolve(ROOT, '../shared/data/corpora/BC5CDR-pubtator/CDR_DevelopmentSet.PubTator.txt'));
const FIXTURE = path.join(ROOT, 'test/fixtures/engine/bc5cdr-sentences.txt');
const DTYPES: ModelDtype[] = ['fp32', 'q8'];

function documents(count: number): string[] {
  if (existsSync(CORPUS)) return readPubTator(readFileSync(CORPUS, 'utf8')).slice(0, count).map((doc) => doc.text);
  const sentences = readFileSync(FIXTURE, 'utf8').split('\n').filter(Boolean);
  return Array.from({ length: count }, (_, i) => Array.from({ length: 10 }, (_, k) => sentences[(i * 10 + k) % sentences.length]).join(' '));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

(async () => {
  const docs = documents(Number(option('docs', '200')));
  const rounds = Number(option('rounds', '3'));
  console.log(`${docs.length} documents, ${docs.reduce((n, d) => n + d.length, 0)} characters from ${existsSync(CORPUS) ? CORPUS : FIXTURE}`);
  const engines = new Map<ModelDtype, NerEngine>();
  for (const dtype of DTYPES) {
    const t0 = performance.now();
    engines.set(dtype, await createEngine({
      modelDir: args.includes('--model') ? option('model', '') : undefined,
      dtype,
      threads: 1,
      inWorker: args.includes('--worker'),
      batchSize: args.includes('--batch') ? Number(option('batch', '32')) : undefined,
    }));
    console.log(`${dtype} loaded in ${(performance.now() - t0).toFixed(0)} ms`);
  }
  try {
    const first = engines.get('q8')!;
    let pieces = 0;
    for (const doc of docs) pieces += await first.countTokens(doc);
    for (const engine of engines.values()) await engine.annotateBatch(docs.slice(0, 20)); // warm up
    const rates = new Map<ModelDtype, number[]>(DTYPES.map((d) => [d, []]));
    // CPU time of the whole process (worker included): what one core achieves when it runs us,
    // the figure to trust when other jobs share the machine.
    const cpuRates = new Map<ModelDtype, number[]>(DTYPES.map((d) => [d, []]));
    let entities = 0;
    for (let round = 0; round < rounds; round++) {
      for (const dtype of DTYPES) {
        const start = performance.now();
        const cpu = process.cpuUsage();
        const results = await engines.get(dtype)!.annotateBatch(docs);
        const used = process.cpuUsage(cpu);
        rates.get(dtype)!.push(pieces / ((performance.now() - start) / 1000));
        cpuRates.get(dtype)!.push(pieces / ((used.user + used.system) / 1e6));
        entities = results.reduce((n, r) => n + r.length, 0);
      }
    }
    console.log(`${pieces} word pieces, ~${entities} entities per pass, ${rounds} rounds, 1 ORT thread, ${args.includes('--worker') ? 'worker thread' : 'in process'}`);
    for (const dtype of DTYPES) {
      const r = rates.get(dtype)!;
      const c = cpuRates.get(dtype)!;
      console.log(
        `${dtype.padEnd(5)} wall: best ${Math.round(Math.max(...r)).toString().padStart(6)} pieces/s, median ${Math.round(median(r)).toString().padStart(6)}` +
          `   per CPU-second: best ${Math.round(Math.max(...c)).toString().padStart(6)}, median ${Math.round(median(c)).toString().padStart(6)}`,
      );
    }
    const ratio = (of: Map<ModelDtype, number[]>, f: (xs: number[]) => number) => (f(of.get('q8')!) / f(of.get('fp32')!)).toFixed(2);
    const best = (xs: number[]) => Math.max(...xs);
    console.log(`q8 / fp32: wall ${ratio(rates, best)}x best, ${ratio(rates, median)}x median; per CPU-second ${ratio(cpuRates, best)}x best, ${ratio(cpuRates, median)}x median`);
  } finally {
    for (const engine of engines.values()) await engine.dispose();
  }
})();
