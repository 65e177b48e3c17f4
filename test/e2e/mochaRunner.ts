// Runs the *.test.js files next to the suite's index.js with mocha, inside the extension host
// (the entry @vscode/test-electron calls). Files run in name order: the numbered prefixes tell
// the story of a session, and later tests (a killed server, a broken model) would disturb earlier ones.
import { appendFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export function runSuite(dir: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', grep: process.env.BIOLENS_E2E_GREP || undefined });
  // The chat side bar only takes room in screenshots.
  mocha.suite.beforeAll(() => vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar').then(undefined, () => undefined));
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, file));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => (failures ? reject(new Error(`${failures} end-to-end tests failed`)) : resolve()));
    // Counts for the runner's closing line (test/e2e/run.ts), one JSON line per suite.
    runner.on('end', () => {
      const { passes, failures, pending } = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      if (process.env.BIOLENS_E2E_RESULTS) appendFileSync(process.env.BIOLENS_E2E_RESULTS, JSON.stringify({ passes, failures, pending }) + '\n');
    });
  });
}
