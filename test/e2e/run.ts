// End-to-end tests in a real VS Code extension host (npm run test:e2e; part of npm test).
// @vscode/test-electron runs each suite, but instead of downloading VS Code (unreachable
// offline) it starts scripts/code-server-test-host.js: code-server's VS Code 1.139 server with
// its Node extension host, driven by headless Chromium. Before that this runner
//   - bundles the suites (test/e2e/<suite>/*.test.ts) for the extension host,
//   - lays out fresh workspace folders under .vscode-test/workspaces,
//   - records what the engine itself finds in the example note, the expectation the painted
//     decorations are checked against.
// Screenshots and the workbench logs end up in test-artifacts/e2e/.
// BIOLENS_E2E_SUITE=trusted runs one suite; BIOLENS_E2E_GREP=<pattern> only the matching tests.
import { runTests } from '@vscode/test-electron';
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { writeExpectedEntities } from './expectedEntities';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'out', 'e2e');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'e2e');
const WORKSPACES = path.join(ROOT, '.vscode-test', 'workspaces');
const FIXTURES = path.join(__dirname, 'fixtures');

interface Suite {
  name: string;
  /** Workspace trust on, so the folder opens untrusted. */
  untrusted: boolean;
  /** Fixture folder laid out as the workspace, plus the examples. */
  workspace: string;
}

const SUITES: Suite[] = [
  { name: 'trusted', untrusted: false, workspace: 'trusted-workspace' },
  { name: 'untrusted', untrusted: true, workspace: 'untrusted-workspace' },
];

async function bundle(suite: Suite): Promise<string> {
  const dir = path.join(__dirname, suite.name);
  const entries = ['index.ts', ...readdirSync(dir).filter((f) => f.endsWith('.test.ts'))].map((f) => path.join(dir, f));
  const outdir = path.join(OUT, suite.name);
  rmSync(outdir, { recursive: true, force: true });
  await build({ entryPoints: entries, outdir, bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline', external: ['vscode', 'mocha'], logLevel: 'warning' });
  return path.join(outdir, 'index.js');
}

function layOutWorkspace(suite: Suite): string {
  const folder = path.join(WORKSPACES, suite.name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  cpSync(path.join(FIXTURES, suite.workspace), folder, { recursive: true });
  cpSync(path.join(ROOT, 'examples'), path.join(folder, 'examples'), { recursive: true });
  return folder;
}

async function main(): Promise<void> {
  const started = Date.now();
  mkdirSync(ARTIFACTS, { recursive: true });
  if (!existsSync(path.join(ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run npm run build first');
  const expectedFile = path.join(OUT, 'expected-entities.json');
  mkdirSync(OUT, { recursive: true });
  await writeExpectedEntities(path.join(ROOT, 'examples', 'clinical-note.txt'), expectedFile);
  // Drug and symptom names a model may mistype (the terminology layer then gives the vocabulary's type).
  const drugNamesFile = path.join(OUT, 'expected-drug-names.json');
  await writeExpectedEntities(path.join(__dirname, 'fixtures', 'trusted-workspace', 'drug-names.txt'), drugNamesFile);
  // A drug named again in later paragraphs, where the model alone does not find it.
  const repeatedNamesFile = path.join(OUT, 'expected-repeated-names.json');
  await writeExpectedEntities(path.join(__dirname, 'fixtures', 'trusted-workspace', 'repeated-names.txt'), repeatedNamesFile);
  console.log(`expected entities computed by the engine (${elapsed(started)})`);
  const failed: string[] = [];
  const resultsFile = path.join(OUT, 'results.jsonl');
  rmSync(resultsFile, { force: true });
  const suites = SUITES.filter((s) => !process.env.BIOLENS_E2E_SUITE || s.name === process.env.BIOLENS_E2E_SUITE);
  for (const suite of suites) {
    const testsPath = await bundle(suite);
    const workspace = layOutWorkspace(suite);
    const userData = path.join(ROOT, '.vscode-test', `user-data-${suite.name}`);
    rmSync(userData, { recursive: true, force: true });
    const suiteStarted = Date.now();
    console.log(`\n=== e2e suite: ${suite.name} (workspace ${path.relative(ROOT, workspace)}) ===`);
    try {
      await runTests({
        vscodeExecutablePath: process.execPath,
        launchArgs: [path.join(ROOT, 'scripts', 'code-server-test-host.js'), workspace, `--user-data-dir=${userData}`],
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: testsPath,
        extensionTestsEnv: {
          BIOLENS_E2E_ROOT: ROOT,
          BIOLENS_E2E_ARTIFACTS: ARTIFACTS,
          BIOLENS_E2E_EXPECTED: expectedFile,
          BIOLENS_E2E_EXPECTED_DRUG_NAMES: drugNamesFile,
          BIOLENS_E2E_EXPECTED_REPEATED_NAMES: repeatedNamesFile,
          BIOLENS_E2E_FIXTURES: FIXTURES,
          BIOLENS_E2E_GREP: process.env.BIOLENS_E2E_GREP ?? '',
          BIOLENS_E2E_RESULTS: resultsFile,
          VSCODE_TEST_WORKSPACE_TRUST: suite.untrusted ? '1' : '',
          VSCODE_TEST_TIMEOUT_MS: process.env.VSCODE_TEST_TIMEOUT_MS ?? '240000',
        },
      });
    } catch {
      failed.push(suite.name);
    } finally {
      const log = path.join(userData, 'test-host-workbench.log');
      if (existsSync(log)) cpSync(log, path.join(ARTIFACTS, `workbench-${suite.name}.log`));
      console.log(`=== ${suite.name}: ${elapsed(suiteStarted)} (editor start-up included) ===`);
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  writeFileSync(path.join(ARTIFACTS, 'summary.txt'), `suites: ${suites.length}, failed: ${failed.join(', ') || 'none'}, ${seconds} s\n`);
  console.log(`\n${suites.length - failed.length} of ${suites.length} suites passed (${seconds} s); artefacts in ${path.relative(ROOT, ARTIFACTS)}/`);
  // The closing line CI reads: tests, not suites. A suite that never reported (the editor did not
  // start) counts as one failure.
  const counts = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
  const passed = counts.reduce((n, c) => n + c.passes, 0);
  const failures = counts.reduce((n, c) => n + c.failures, 0) + Math.max(0, failed.length - counts.filter((c) => c.failures).length);
  const skipped = counts.reduce((n, c) => n + c.pending, 0);
  console.log(`e2e: ${passed} passed, ${failures} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (failed.length) process.exit(1);
}

function elapsed(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
