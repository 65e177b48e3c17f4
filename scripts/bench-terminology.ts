// Terminology layer cost: vocabulary size on disk, load time, resident memory, and enrich() time
// per document (gold BC5CDR mentions of the fixture sample, or of --corpus FILE).
//   npx tsx scripts/bench-terminology.ts [--corpus FILE]
// A script, not a test: timings on shared machines are noise. Memory is the process's RSS,
// tsx and Node included (about 45 MB of it before anything loads). Without tsx, as the
// extension runs it: npx esbuild scripts/bench-terminology.ts --bundle --platform=node
// --outfile=/tmp/bench.js && node --expose-gc /tmp/bench.js --corpus FILE (from the repository root).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { readPubTator } from '../src/engine/formats';
import { createTerminology, defaultVocabDir } from '../src/engine/terminology';

const args = process.argv.slice(2);
const corpus = args.includes('--corpus') ? args[args.indexOf('--corpus') + 1] : path.resolve(__dirname, '../test/fixtures/terminology/bc5cdr-dev-30.PubTator.txt');
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

const dir = defaultVocabDir();
const disk = readdirSync(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
const before = process.memoryUsage().rss;
let started = performance.now();
const terminology = createTerminology();
const loadMs = performance.now() - started;
global.gc?.();
const loaded = process.memoryUsage().rss;

const docs = readPubTator(readFileSync(corpus, 'utf8'));
const mentions = docs.map((d) => d.annotations.map(({ concept: _gold, ...a }) => a));
started = performance.now();
docs.forEach((d, i) => terminology.enrich(d.text, mentions[i]));
const coldMs = (performance.now() - started) / docs.length;
started = performance.now();
docs.forEach((d, i) => terminology.enrich(d.text, mentions[i]));
const warmMs = (performance.now() - started) / docs.length;

console.log(`vocabulary: ${mb(disk)} on disk in ${dir}, ${terminology.kb.size} concepts`);
console.log(`load: ${loadMs.toFixed(0)} ms; RSS ${mb(before)} before, ${mb(loaded)} after (+${mb(loaded - before)})`);
console.log(`enrich: ${coldMs.toFixed(1)} ms per document first time, ${warmMs.toFixed(1)} ms again (${docs.length} documents, ${mentions.flat().length} mentions)`);
global.gc?.();
const m = process.memoryUsage();
console.log(`after enriching: RSS ${mb(m.rss)}, JS heap ${mb(m.heapUsed)}, buffers ${mb(m.arrayBuffers)}`);
// Peak, not current: what the process needed at its worst (garbage not yet collected included).
console.log(`peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
