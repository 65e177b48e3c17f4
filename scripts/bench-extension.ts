// Language-server benchmark: prints numbers, asserts nothing (timings on a shared machine are noise).
//   npm run bench:extension [-- --words 5000 --keys 120]
// Drives dist/server.js over LSP as an editor would, on a synthetic clinical note of ~5,000 words
// made of the example notes' paragraphs, each made unique (so no paragraph is served from cache
// on first analysis). Measures:
//   cold:   server start -> first highlights, and -> every paragraph analysed
//   typing: keystroke -> highlights for that version (entities moved through the edit), p50/p95
//           last keystroke of a word -> re-analysed highlights (debounce included), p50/p95
//   memory: server resident set (worker thread included) after the cold analysis and at the end
//   edits:  analysis time per edit, incremental (changed paragraph only) vs whole document, one run
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DocumentAnnotations } from '../src/protocol';
import { ServerSession } from '../test/server/serverSession';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const WORDS = option('words', 5000);
const KEYS = option('keys', 120);
const URI = 'file:///bench/long-note.txt';
const ROOT = path.resolve(__dirname, '..');

function longNote(words: number): string {
  const source = ['clinical-note.txt', 'microbiology-consult.txt', 'abstract.txt']
    .map((f) => readFileSync(path.join(ROOT, 'examples', f), 'utf8'))
    .join('\n\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length > 8);
  const paragraphs: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const paragraph = `Visit ${i + 1}, day ${(i * 7) % 365}: ${source[i % source.length]}`;
    paragraphs.push(paragraph);
    count += paragraph.split(/\s+/).length;
  }
  return paragraphs.join('\n\n') + '\n';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (v: number) => `${v.toFixed(1)} ms`;

/** Records when each version of URI was first published, and when it was complete. */
function watchVersions(server: ServerSession) {
  const first = new Map<number, number>();
  const complete = new Map<number, DocumentAnnotations & { at: number }>();
  server.onAnnotations((a) => {
    if (a.uri !== URI) return;
    const at = performance.now();
    if (!first.has(a.version)) first.set(a.version, at);
    if (a.state === 'complete') complete.set(a.version, { ...a, at });
  });
  return { first, complete };
}

async function main(): Promise<void> {
  let text = longNote(WORDS);
  console.log(`note: ${text.split(/\s+/).filter(Boolean).length} words, ${text.split(/\n\s*\n/).length} paragraphs, ${text.length} chars`);

  // ---- cold start: a new server process, the note opened right after the handshake
  const t0 = performance.now();
  const server = await ServerSession.start();
  const handshake = performance.now();
  const modelReady = server.waitForStatus((s) => s.state === 'ready').then(() => performance.now());
  const { first, complete } = watchVersions(server);
  const firstHighlights = new Promise<number>((resolve) => {
    const stop = server.onAnnotations((a) => {
      if (a.uri === URI && a.annotations.length) {
        stop();
        resolve(performance.now());
      }
    });
  });
  const allAnalysed = server.nextAnnotations(URI, (a) => a.state === 'complete');
  server.open(URI, text, 1);
  const firstAt = await firstHighlights;
  const cold = await allAnalysed;
  const coldDone = performance.now();
  const ready = server.status;
  const rssCold = server.residentMB();
  console.log(`\ncold start (model ${ready?.model}):`);
  console.log(`  LSP handshake done    ${ms(handshake - t0)}`);
  console.log(`  model loaded          ${ms((await modelReady) - t0)}`);
  console.log(`  first highlights      ${ms(firstAt - t0)} after the server process started`);
  console.log(`  whole note analysed   ${ms(coldDone - t0)} (${cold.annotations.length} entities)`);
  console.log(`  server RSS            ${rssCold.toFixed(0)} MB`);

  // ---- typing: words typed at ~10 keys/s into a paragraph in the middle, a pause after each word
  let version = 1;
  const insertAt = () => text.indexOf('\n\n', Math.floor(text.length / 2));
  const keyLatency: number[] = [];
  const reanalysed: number[] = [];
  const word = ' gout';
  for (let k = 0; k < KEYS; ) {
    let lastSent = 0;
    for (const char of word) {
      const at = insertAt();
      text = text.slice(0, at) + char + text.slice(at);
      version++;
      lastSent = performance.now();
      const sent = lastSent;
      const v = version;
      server.change(URI, v, text);
      k++;
      await sleep(100);
      if (first.has(v)) keyLatency.push(first.get(v)! - sent);
    }
    const lastVersion = version;
    const done = await Promise.race([
      new Promise<number>((resolve) => {
        const poll = () => (complete.has(lastVersion) ? resolve(complete.get(lastVersion)!.at) : setTimeout(poll, 2));
        poll();
      }),
      sleep(5000).then(() => NaN),
    ]);
    if (!Number.isNaN(done)) reanalysed.push(done - lastSent);
    await sleep(200);
  }
  const rssTyping = server.residentMB();
  console.log(`\ntyping (${KEYS} keystrokes, debounce ${server.settings.debounceMs} ms):`);
  console.log(`  keystroke -> highlights for that version   p50 ${ms(percentile(keyLatency, 50))}  p95 ${ms(percentile(keyLatency, 95))}  (n=${keyLatency.length})`);
  console.log(`  last key of a word -> re-analysed          p50 ${ms(percentile(reanalysed, 50))}  p95 ${ms(percentile(reanalysed, 95))}  (n=${reanalysed.length})`);
  console.log(`  server RSS after typing                    ${rssTyping.toFixed(0)} MB`);

  // ---- per-edit analysis time: incremental vs whole document, alternating, same kind of edit
  const editCost = async (incremental: boolean) => {
    server.configure({ incremental, debounceMs: 0 });
    const at = insertAt();
    text = text.slice(0, at) + ' x' + text.slice(at);
    version++;
    const v = version;
    server.change(URI, v, text);
    while (!complete.has(v)) await sleep(2);
    return complete.get(v)!.stats!.ms;
  };
  const incrementalMs: number[] = [];
  const fullMs: number[] = [];
  for (let i = 0; i < 10; i++) {
    incrementalMs.push(await editCost(true));
    fullMs.push(await editCost(false));
  }
  const median = (v: number[]) => percentile(v, 50);
  console.log('\nanalysis per edit (median of 10 each, alternating):');
  console.log(`  incremental (changed paragraph)   ${ms(median(incrementalMs))}`);
  console.log(`  whole document                    ${ms(median(fullMs))}`);
  console.log(`  ratio                             ${(median(fullMs) / median(incrementalMs)).toFixed(1)}x faster incremental`);
  console.log(`\nserver RSS at the end: ${server.residentMB().toFixed(0)} MB`);
  await server.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
