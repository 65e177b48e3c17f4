// `biolens bench`: annotation throughput of the int8 and fp32 models on one thread. A benchmark
// to run by hand, not a test: the numbers depend on the machine.
import { basename, join, resolve } from 'node:path';
import { readdir } from 'node:fs/promises';
import { numberOption, stringOption } from '../args';
import type { Command } from '../command';
import { loadEngine } from '../engine';
import { packageRoot, readTextFile, type CliIo } from '../io';

const DTYPES = ['q8', 'fp32'] as const;

export const benchCommand: Command = {
  name: 'bench',
  summary: 'measure tokens/s of the q8 and fp32 models on one thread',
  options: { model: 'string', seconds: 'string', help: 'boolean' },
  help: `Usage: biolens bench [FILE...] [options]

Annotates the files (default: the example notes in examples/) repeatedly with the int8 (q8) and
the fp32 model, one thread each, and prints model tokens per second. Paragraphs are sent as one
batch, as the editor does.

Options:
  --model DIR     model folder (default: the bundled model)
  --seconds S     time spent measuring each model (default 3)
  -h, --help      show this help`,

  async run(args, io) {
    const seconds = numberOption(args, 'seconds', { min: 0.1, max: 600 }) ?? 3;
    const files = args.positionals.length ? args.positionals.map((p) => resolve(io.cwd, p)) : await exampleFiles();
    const paragraphs: string[] = [];
    for (const file of files) paragraphs.push(...(await readTextFile(file)).split(/\n\s*\n/).filter((p) => p.trim()));
    io.stdout.write(`bench: ${files.map((f) => basename(f)).join(', ')} (${paragraphs.length} paragraph${paragraphs.length === 1 ? "" : "s"}), 1 thread, ${seconds} s per model\n`);
    for (const dtype of DTYPES) io.stdout.write(`${await measure(dtype, paragraphs, seconds, stringOption(args, 'model'), io)}\n`);
    return 0;
  },
};

async function measure(dtype: (typeof DTYPES)[number], paragraphs: string[], seconds: number, model: string | undefined, io: CliIo): Promise<string> {
  const engine = await loadEngine({ model, dtype, threads: 1, cwd: io.cwd });
  try {
    let tokens = 0;
    for (const p of paragraphs) tokens += await engine.countTokens(p);
    await engine.annotateBatch(paragraphs); // warm-up: first runs allocate and are slower
    let runs = 0;
    const started = performance.now();
    while (performance.now() - started < seconds * 1000) {
      await engine.annotateBatch(paragraphs);
      runs++;
    }
    const elapsed = (performance.now() - started) / 1000;
    const rate = Math.round((tokens * runs) / elapsed).toLocaleString('en-US');
    return `${dtype.padEnd(5)} ${rate.padStart(9)} tokens/s  (${tokens} tokens × ${runs} runs in ${elapsed.toFixed(1)} s, model ${engine.info.id})`;
  } finally {
    await engine.dispose();
  }
}

async function exampleFiles(): Promise<string[]> {
  const dir = join(packageRoot(), 'examples');
  return (await readdir(dir)).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => join(dir, f));
}
