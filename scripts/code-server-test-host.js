#!/usr/bin/env node
// Stand-in for the VS Code executable, for @vscode/test-electron's runTests({ vscodeExecutablePath }):
// use it as `vscodeExecutablePath: process.execPath, launchArgs: [thisFile, folder]`. It takes the
// argv test-electron gives VS Code, starts code-server (scripts/vscode-host.js), opens the
// workbench in headless Chromium with the extension-development/test payload, forwards the
// extension host's console and exits with the extension tests' exit code.
// Adapted from ../shared/recipes/vscode-e2e (PROBE-REPORT.md).
//
// Environment:
//   VSCODE_TEST_TIMEOUT_MS        whole-run limit (default 300000) -> exit 124
//   VSCODE_TEST_WORKSPACE_TRUST=1 keep workspace trust on (the folder opens untrusted)
//   VSCODE_TEST_SCREENSHOT=file   screenshot of the workbench when the run ends
// A test asks for a screenshot by logging "[e2e:screenshot] <absolute .png path>", optionally
// followed by " hover=<text>" to rest the mouse on that text in the editor first (hovers need a
// real pointer); the file appears (written whole, by rename) once taken.
// Exit codes: 90 host not installed, 91 start-up failed, 92 code-server exited early, 124 timeout.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { paths, missingHostFiles, startCodeServer, remoteUri, xdgEnv } = require('./vscode-host');

const env = process.env;
const timeoutMs = Number(env.VSCODE_TEST_TIMEOUT_MS || 300_000);
const missing = missingHostFiles();
if (missing.length) {
  console.error(`[test-host] missing ${missing.join(', ')}: run scripts/setup-vscode-host.sh`);
  process.exit(90);
}

// ---- the VS Code style argv that test-electron passes (Electron-only flags are ignored)
const devPaths = [];
const positional = [];
let testsPath;
let userDataDir = path.resolve('.vscode-test/user-data');
let extensionsDir = path.resolve('.vscode-test/extensions');
let disableExtensions = false;
for (const arg of process.argv.slice(2)) {
  const m = /^--([^=]+)(?:=(.*))?$/.exec(arg);
  if (!m) positional.push(arg);
  else if (m[1] === 'extensionDevelopmentPath') devPaths.push(path.resolve(m[2]));
  else if (m[1] === 'extensionTestsPath') testsPath = path.resolve(m[2]);
  else if (m[1] === 'user-data-dir') userDataDir = path.resolve(m[2]);
  else if (m[1] === 'extensions-dir') extensionsDir = path.resolve(m[2]);
  else if (m[1] === 'disable-extensions') disableExtensions = true;
}
const target = positional[0] ? path.resolve(positional[0]) : undefined;
fs.mkdirSync(userDataDir, { recursive: true });
const logFile = path.join(userDataDir, 'test-host-workbench.log');
const logStream = fs.createWriteStream(logFile);

// Workbench noise on the channel that also carries the extension host's console.
const NOISE = [
  /^\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)\]/,
  /connection token/,
  /^Creating a socket/,
  /^Updating additional builtin extensions cache/,
  /ENOTFOUND/,
  /^Started local extension host/,
];
const SCREENSHOT_REQUEST = /^\[e2e:screenshot\] (.+?\.png)(?: hover=(.+))?$/;

/** In the page: the centre of the first occurrence of `text` in a visible editor line (spaces render as U+00A0). */
function textCentre(text) {
  const wanted = text.replace(/ /g, '\u00a0');
  for (const line of document.querySelectorAll('.monaco-editor .view-line')) {
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = node.textContent.replace(/ /g, '\u00a0').indexOf(wanted);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + wanted.length);
      const box = range.getBoundingClientRect();
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
  }
  return null;
}

(async () => {
  let server;
  let browser;
  let exitCode = 1;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  };
  process.on('SIGINT', async () => (await cleanup(), process.exit(130)));
  process.on('SIGTERM', async () => (await cleanup(), process.exit(143)));
  try {
    server = await startCodeServer({
      userDataDir,
      extensionsDir,
      workspaceTrust: env.VSCODE_TEST_WORKSPACE_TRUST === '1',
      smokeTestDriver: true,
      log: (text) => logStream.write('[code-server] ' + text),
    });
    const { chromium } = require('playwright-core');
    browser = await chromium.launch({
      executablePath: paths.chromium,
      env: { ...env, ...xdgEnv(userDataDir) },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // A headless page never has window focus, and the editor then ignores focus-dependent
    // commands (editor.action.showHover for the hover screenshot). Pretend it has focus.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
    const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
    for (const d of devPaths) payload.push(['extensionDevelopmentPath', remoteUri(server.host, d)]);
    if (testsPath) payload.push(['extensionTestsPath', remoteUri(server.host, testsPath)]);
    if (disableExtensions) payload.push(['disableExtensions', 'true']);

    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    server.child.on('exit', (code, signal) => finish(`code-server exited early (${code ?? signal})`));
    await page.exposeFunction('codeAutomationLog', async (type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      logStream.write(`[${type}] ${line}\n`);
      const shot = SCREENSHOT_REQUEST.exec(line);
      if (shot) {
        if (shot[2]) {
          const at = await page.evaluate(textCentre, shot[2]);
          if (at) await page.mouse.move(at.x, at.y);
          else logStream.write(`[screenshot] no "${shot[2]}" on screen to hover\n`);
          await page.waitForTimeout(1500);
        }
        const partial = shot[1] + '.partial';
        await page.screenshot({ path: partial, type: 'png' }).then(() => fs.renameSync(partial, shot[1]), (e) => logStream.write(`[screenshot] ${e}\n`));
        return;
      }
      if (NOISE.some((r) => r.test(line))) return;
      (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(line + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    page.on('pageerror', (e) => logStream.write('[pageerror] ' + e.message + '\n'));
    const open = target ? `${fs.statSync(target).isDirectory() ? 'folder' : 'workspace'}=${encodeURIComponent(target)}` : 'ew=true';
    const url = `http://${server.host}/?${open}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    logStream.write('[test-host] opening ' + url + '\n');
    const response = await page.goto(url);
    if (!response || response.status() >= 400) {
      throw new Error(`workbench page answered HTTP ${response && response.status()}: ${response && (await response.text()).slice(0, 300)}`);
    }
    const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
    const result = await Promise.race([finished, timer]);
    if (result === 'timeout') {
      console.error(`[test-host] timed out after ${timeoutMs} ms; workbench log: ${logFile}`);
      exitCode = 124;
    } else if (typeof result === 'number') {
      exitCode = result;
    } else {
      console.error('[test-host]', result, '; workbench log:', logFile);
      exitCode = 92;
    }
    if (env.VSCODE_TEST_SCREENSHOT) await page.screenshot({ path: env.VSCODE_TEST_SCREENSHOT }).catch(() => undefined);
  } catch (e) {
    console.error('[test-host] failed:', (e && e.stack) || e, '\nworkbench log:', logFile);
    exitCode = 91;
  } finally {
    await cleanup();
    logStream.end();
  }
  process.exit(exitCode);
})();
