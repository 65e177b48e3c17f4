#!/usr/bin/env node
// npm start: BioLens in a real editor on examples/.
//   - desktop VS Code (`code` on PATH): opened with this checkout as the extension under development;
//   - otherwise the local code-server (scripts/setup-vscode-host.sh installs it, once), serving
//     the VS Code workbench at a printed http://127.0.0.1 URL, with this checkout linked into its
//     extensions folder. It runs until Ctrl-C.
// PORT=<n> picks the port (default 8080, or a free one when taken); BIOLENS_EDITOR=code-server
// skips the desktop check.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { missingHostFiles, repoRoot, startCodeServer } = require('./vscode-host');

const examples = path.join(repoRoot, 'examples');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

function desktopCode() {
  if (process.env.BIOLENS_EDITOR === 'code-server') return undefined;
  const found = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

async function main() {
  const code = desktopCode();
  if (code) {
    console.log(`Opening examples/ in VS Code (${code}) with BioLens from ${repoRoot}`);
    execFileSync(code, ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, examples], { stdio: 'inherit' });
    return;
  }
  if (missingHostFiles(false).length) {
    console.log('No desktop VS Code here: installing the local code-server once (a few minutes)...');
    execFileSync('bash', [path.join(repoRoot, 'scripts', 'setup-vscode-host.sh')], { stdio: 'inherit' });
  }
  const userDataDir = path.join(repoRoot, '.vscode-test', 'editor');
  const extensionsDir = path.join(userDataDir, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  // The checkout itself is the installed extension: rebuilds show up on reload.
  const link = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  fs.rmSync(link, { force: true, recursive: true });
  fs.symlinkSync(repoRoot, link, 'dir');
  seedUserSettings(userDataDir);
  const log = fs.createWriteStream(path.join(userDataDir, 'code-server.log'));
  const port = await pickPort(Number(process.env.PORT || 8080));
  const server = await startCodeServer({ userDataDir, extensionsDir, port, log: (text) => log.write(text) });
  const url = `http://${server.host}/?folder=${encodeURIComponent(examples)}`;
  console.log(`\nBioLens in VS Code (code-server), on examples/:\n\n    ${url}\n\nOpen it in a browser on this machine. Ctrl-C stops the editor (log: ${path.relative(repoRoot, userDataDir)}/code-server.log).`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', (code) => {
    console.error(`code-server exited (${code}); see ${userDataDir}/code-server.log`);
    process.exit(1);
  });
}

/** First run only: open on the notes, not on code-server's welcome page and chat. */
function seedUserSettings(userDataDir) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  if (fs.existsSync(file)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'git.openRepositoryInParentFolders': 'never',
    'editor.wordWrap': 'on',
  };
  fs.writeFileSync(file, JSON.stringify(settings, null, 2) + '\n');
}

/** `wanted` if it is free, else any free port. */
function pickPort(wanted) {
  return new Promise((resolve) => {
    const probe = require('node:net').createServer();
    probe.once('error', () => resolve(0));
    probe.listen(wanted, '127.0.0.1', () => probe.close(() => resolve(wanted)));
  });
}

main().catch((error) => {
  console.error(`npm start: ${error.message}`);
  process.exit(1);
});
