// npm run package: minified bundles, then `vsce package --target linux-x64` into
// biolens-<version>-linux-x64.vsix (.vscodeignore keeps only what runs). vsce 4 needs Node >= 22,
// so it runs on the Node 24 of the local VS Code host (scripts/setup-vscode-host.sh installs it).
// Then it checks the package: unpacked into a temporary folder, its own server must load its own
// model and find entities in a note. Prints the size and the largest parts.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ServerSession } from '../test/server/serverSession';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { paths } = require('./vscode-host') as { paths: { node24: string } };

const ROOT = path.resolve(__dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const target = process.env.BIOLENS_VSIX_TARGET ?? 'linux-x64';
const out = path.join(ROOT, `${manifest.name}-${manifest.version}-${target}.vsix`);
const build = (...args: string[]) => execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), ...args], { stdio: 'ignore', cwd: ROOT });

function packageVsix(): void {
  if (!existsSync(paths.node24)) execFileSync('bash', [path.join(ROOT, 'scripts', 'setup-vscode-host.sh')], { stdio: 'inherit' });
  build('--production');
  const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const result = spawnSync(paths.node24, [vsce, 'package', '--target', target, '--out', out, '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PATH: `${path.dirname(paths.node24)}:${process.env.PATH}` },
  });
  build(); // dist/ back to the development build (source maps)
  if (result.status !== 0) throw new Error(`vsce failed (exit ${result.status})`);
}

function printParts(): void {
  const parts = new Map<string, number>();
  for (const line of execFileSync('unzip', ['-l', out], { encoding: 'utf8' }).split('\n')) {
    const m = /^\s*(\d+)\s+\S+\s+\S+\s+extension\/(.+)$/.exec(line);
    if (!m) continue;
    const [top, second] = m[2].split('/');
    const key = top === 'node_modules' || top === 'models' ? `${top}/${second}` : top;
    parts.set(key, (parts.get(key) ?? 0) + Number(m[1]));
  }
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  console.log(`${path.basename(out)}: ${mb(statSync(out).size)}; unpacked, by part:`);
  for (const [part, bytes] of [...parts].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${mb(bytes).padStart(9)}  ${part}`);
}

/** The packaged server, run from the unpacked package alone, finds entities with the packaged model. */
async function checkUnpacked(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'biolens-vsix-'));
  try {
    execFileSync('unzip', ['-q', out, '-d', dir]);
    const server = await ServerSession.start({}, path.join(dir, 'extension', 'dist', 'server.js'));
    try {
      const ready = await server.waitForStatus((s) => s.state !== 'loading');
      if (ready.state !== 'ready') throw new Error(`the packaged server did not load its model: ${ready.message}`);
      const note = readFileSync(path.join(ROOT, 'examples', 'clinical-note.txt'), 'utf8');
      const published = server.nextAnnotations('file:///check.txt', (a) => a.state === 'complete');
      server.open('file:///check.txt', note);
      const { annotations } = await published;
      if (!annotations.length) throw new Error('the packaged server found no entities');
      console.log(`check: the unpacked package's server loaded ${ready.model} and found ${annotations.length} entities in examples/clinical-note.txt`);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

(async () => {
  packageVsix();
  printParts();
  await checkUnpacked();
})().catch((error) => {
  console.error(`package: ${(error as Error).message}`);
  process.exit(1);
});
