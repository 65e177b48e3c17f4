// The taxonomy webview's page (the same HTML, script and stylesheet the extension serves),
// rendered in headless Chromium with a stand-in for the webview API: the tree, the facet switch,
// filters, search, the details pane, keyboard navigation, the comparison table and the CSP.
// Screenshot: test-artifacts/taxonomy-webview.png.
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Taxonomy } from '../../src/client/taxonomy/facets';
import { taxonomyHtml } from '../../src/client/taxonomy/html';
import type { ViewState } from '../../src/client/taxonomy/messages';
import { readModelCard } from '../../src/client/taxonomy/modelCard';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const CHROMIUM = '/usr/bin/chromium';
const taxonomy: Taxonomy = JSON.parse(readFileSync(path.join(ROOT, 'models', 'taxonomy.json'), 'utf8'));

const THEME: Record<string, string> = {
  '--vscode-font-family': 'sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-foreground': '#cccccc',
  '--vscode-sideBar-background': '#252526',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-input-background': '#3c3c3c',
  '--vscode-input-foreground': '#cccccc',
  '--vscode-button-background': '#0e639c',
  '--vscode-button-foreground': '#ffffff',
  '--vscode-badge-background': '#4d4d4d',
  '--vscode-badge-foreground': '#ffffff',
  '--vscode-list-activeSelectionBackground': '#04395e',
  '--vscode-list-activeSelectionForeground': '#ffffff',
  '--vscode-panel-border': '#444444',
  '--vscode-charts-green': '#89d185',
  '--vscode-focusBorder': '#007fd4',
};

/**
 * Posts a message to the view as the extension would, and returns once the view has handled it:
 * a message event is a task of its own, so reading the DOM right after postMessage races the
 * render. A listener added after the view's runs after it (its render is synchronous).
 */
async function postToView(page: Page, message: unknown): Promise<void> {
  await page.evaluate(
    (m) =>
      new Promise<void>((resolve) => {
        window.addEventListener('message', () => setTimeout(resolve, 0), { once: true });
        window.postMessage(m, '*');
      }),
    message,
  );
}

function state(over: Partial<ViewState> = {}): ViewState {
  return {
    activeId: 'biolens-ner-mini',
    activeName: 'biolens-ner-mini',
    activeDir: null,
    serverState: 'ready',
    allowRemoteModels: false,
    cards: [readModelCard(path.join(ROOT, 'models', 'biolens-ner-mini'))!],
    switching: null,
    downloads: [],
    downloading: null,
    ...over,
  };
}

describe('taxonomy webview in headless Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let page: Page;
  let dir: string;
  const problems: string[] = [];
  const requests: string[] = [];

  before(async function () {
    if (!existsSync(CHROMIUM)) this.skip();
    dir = mkdtempSync(path.join(os.tmpdir(), 'biolens-webview-'));
    await build({ entryPoints: [path.join(ROOT, 'src', 'webview', 'taxonomy.ts')], outfile: path.join(dir, 'taxonomy-view.js'), bundle: true, platform: 'browser', format: 'iife', target: 'es2020', logLevel: 'warning' });
    copyFileSync(path.join(ROOT, 'media', 'taxonomy.css'), path.join(dir, 'taxonomy.css'));
    writeFileSync(path.join(dir, 'index.html'), taxonomyHtml({ cspSource: 'file:', scriptUri: 'taxonomy-view.js', styleUri: 'taxonomy.css' }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    page = await browser.newPage({ viewport: { width: 420, height: 1100 } });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    // The stand-in for VS Code's webview API: records what the page posts, keeps its state.
    // (A string: tsx would wrap a function in helpers the page does not have.)
    await page.addInitScript(`
      window.__name = (f) => f;
      window.__posted = [];
      window.__state = undefined;
      window.acquireVsCodeApi = () => ({
        postMessage: (m) => window.__posted.push(m),
        getState: () => window.__state,
        setState: (s) => { window.__state = s; },
      });
    `);
    await page.goto('file://' + path.join(dir, 'index.html'));
    await page.evaluate((theme) => {
      for (const [k, v] of Object.entries(theme)) document.documentElement.style.setProperty(k, v);
    }, THEME);
    await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some((m) => m.type === 'ready'), undefined, { timeout: 10_000 }).catch((e) => {
      throw new Error(`the page never said ready: ${e.message}; page errors: ${problems.join(' | ')}`);
    });
    await postToView(page, { type: 'init', taxonomy, state: state() });
    await page.waitForSelector('#tree [role=treeitem]');
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const groupLabels = () => page.$$eval('#tree > [role=treeitem]', (items) => items.map((i) => (i.querySelector('.group-label')?.textContent ?? '').replace(/[▾▸]/g, '').trim()));

  it('shows the tree grouped by modality, with every model, and the bundled one marked active', async () => {
    const groups = await groupLabels();
    assert.match(groups[0], /^Biomedical literature \d+$/);
    assert.ok(groups.some((g) => g.startsWith('Protein sequences')));
    const models = await page.$$eval('#tree [data-id]', (items) => items.map((i) => i.getAttribute('data-id')));
    assert.equal(models.length, taxonomy.models.length);
    const active = await page.$$eval('#tree .is-active', (items) => items.map((i) => ({ id: i.getAttribute('data-id'), label: i.getAttribute('aria-label') })));
    assert.deepEqual(active.map((a) => a.id), ['biolens-ner-mini']);
    assert.match(active[0].label ?? '', /active model/);
    assert.match(await page.textContent('#active') ?? '', /Running: biolens-ner-mini — ready/);
    assert.equal(await page.getAttribute('#tree', 'role'), 'tree');
  });

  it('regroups when the facet switches to training approach, then architecture', async () => {
    await page.selectOption('#facet', 'training');
    let groups = await groupLabels();
    assert.match(groups[0], /^Continual pre-training/);
    assert.ok(groups.some((g) => g.startsWith('Knowledge-enhanced')));
    // Ours is in two training groups: from scratch and knowledge-enhanced.
    assert.equal(await page.$$eval('#tree [data-id="biolens-ner-mini"]', (i) => i.length), 2);
    await page.selectOption('#facet', 'architecture');
    groups = await groupLabels();
    assert.deepEqual(groups.map((g) => g.replace(/ \d+$/, '')), ['Encoder', 'Decoder', 'Encoder–decoder', 'Other (ELMo, Flair, image–text, KG)']);
    const posted = await page.evaluate(() => (window as unknown as { __state: { facet: string } }).__state.facet);
    assert.equal(posted, 'architecture', 'the facet is kept in the webview state');
    await page.selectOption('#facet', 'modality');
  });

  it('filters by runnable and by year, and searches', async () => {
    await page.check('#runnable');
    let ids = await page.$$eval('#tree [data-id]', (i) => i.map((x) => x.getAttribute('data-id')));
    assert.deepEqual(ids.sort(), ['biolens-ner-mini', 'medical-ner']);
    await page.uncheck('#runnable');
    await page.fill('#yearFrom', '2023');
    await page.dispatchEvent('#yearFrom', 'change');
    const years = await page.$$eval('#tree .model .year', (i) => i.map((x) => Number(x.textContent)));
    assert.ok(years.length > 5 && years.every((y) => y >= 2023), years.join(','));
    await page.fill('#yearFrom', '');
    await page.dispatchEvent('#yearFrom', 'change');
    await page.fill('#search', 'mimic');
    ids = await page.$$eval('#tree [data-id]', (i) => i.map((x) => x.getAttribute('data-id')));
    assert.ok(ids.includes('clinicalbert-bio-clinicalbert') && !ids.includes('biolens-ner-mini'));
    assert.match(await page.textContent('#count') ?? '', /of 74 models/);
    await page.fill('#search', '');
  });

  it('shows a model in the details pane, with recalled survey membership said as such', async () => {
    await page.click('#tree [data-id="biobert"]');
    const text = (await page.textContent('#details')) ?? '';
    assert.match(text, /BioBERT/);
    assert.match(text, /BioBERT: a pre-trained biomedical language representation model/);
    assert.match(text, /In the survey \(recalled, not verified\)/);
    assert.match(text, /dmis-lab\/biobert-base-cased-v1\.2/);
    assert.match(text, /must first be fine-tuned for NER/);
    assert.equal(await page.$('#details #useModel'), null, 'no "Use" button for a model that cannot run');
    assert.equal(await page.getAttribute('#tree [data-id="biobert"]', 'aria-selected'), 'true');
  });

  it('moves with the keyboard and selects with Enter', async () => {
    await page.focus('#tree [data-id="biobert"]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const selected = await page.$eval('#tree [aria-selected=true]', (e) => e.getAttribute('data-id'));
    assert.notEqual(selected, 'biobert');
    assert.match((await page.textContent('#details')) ?? '', new RegExp(taxonomy.models.find((m) => m.id === selected)!.name.replace(/[()]/g, '.')));
  });

  it('hub entries say what to do while downloads are off; the bundled entry offers "Use this model" to the extension', async () => {
    await page.click('#tree [data-id="medical-ner"]');
    assert.match((await page.textContent('#details')) ?? '', /turn on the setting "biolens\.allowRemoteModels"/);
    await postToView(page, { type: 'state', state: state({ activeId: null, activeName: 'my-model', activeDir: '/tmp/my-model' }) });
    await page.click('#tree [data-id="biolens-ner-mini"]');
    await page.click('#useModel');
    const posted = await page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted);
    assert.deepEqual(posted[posted.length - 1], { type: 'use', id: 'biolens-ner-mini' });
    await postToView(page, { type: 'state', state: state() });
    assert.equal(await page.textContent('#useModel'), 'In use');
  });

  it('with downloads allowed a hub entry offers "Download and use"; a downloaded model is marked, listed, and can be used or deleted', async () => {
    const lastPosted = async () => (await page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted)).at(-1);
    await postToView(page, { type: 'state', state: state({ allowRemoteModels: true }) });
    await page.click('#tree [data-id="medical-ner"]');
    assert.match((await page.textContent('#details')) ?? '', /config\.json and tokenizer first .* stops there if its engine cannot run the model/);
    assert.equal(await page.textContent('#useModel'), 'Download and use');
    await page.click('#useModel');
    assert.deepEqual(await lastPosted(), { type: 'use', id: 'medical-ner' });

    await postToView(page, { type: 'state', state: state({ allowRemoteModels: true, downloading: 'onnx-community/Medical-NER-ONNX' }) });
    assert.equal(await page.textContent('#useModel'), 'Downloading…');
    assert.equal(await page.getAttribute('#useModel', 'disabled'), '');

    const d = { modelId: 'onnx-community/Medical-NER-ONNX', revision: 'main', dir: '/storage/models/onnx-community--Medical-NER-ONNX/main', bytes: 12_345_678, host: 'https://huggingface.co/' };
    const other = { modelId: 'someone/other-ner', revision: 'v2', dir: '/storage/models/someone--other-ner/v2', bytes: 7_500_000, host: 'http://127.0.0.1:8080/' };
    await postToView(page, { type: 'state', state: state({ allowRemoteModels: false, downloads: [d, other], activeId: null, activeDir: other.dir, activeName: 'someone/other-ner@v2' }) });
    assert.equal(await page.textContent('#tree [data-id="medical-ner"] .tag'), 'downloaded');
    assert.match((await page.textContent('#details')) ?? '', /Downloaded \(main, 12\.3 MB from huggingface\.co\): it runs offline/);
    assert.deepEqual(await page.$$eval('#downloads li .name', (l) => l.map((e) => e.textContent)), ['onnx-community/Medical-NER-ONNX', 'someone/other-ner@v2']);
    assert.match((await page.textContent('#downloads')) ?? '', /7\.5 MB · active/);
    assert.match((await page.textContent('#active')) ?? '', /Running: someone\/other-ner@v2 \(downloaded\)/);
    await page.click('#details .use-download');
    assert.deepEqual(await lastPosted(), { type: 'useDownloaded', modelId: d.modelId, revision: 'main' });
    await page.click('#downloads li:nth-child(2) .delete-download');
    assert.deepEqual(await lastPosted(), { type: 'deleteDownloaded', modelId: other.modelId, revision: 'v2' });
    await postToView(page, { type: 'state', state: state() });
  });

  it('compares measured dev F1 per type and speed from the model card', async () => {
    const rows = await page.$$eval('#compare tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    assert.ok(rows.some((r) => r[0] === 'BC5CDR Chemical + Disease — Chemical' && r[1] === '90.88'));
    assert.ok(rows.some((r) => r[0] === 'JNLPBA — CellLine' && r[1] === '63.70'));
    assert.ok(rows.some((r) => /speed/.test(r[0] ?? '') && r[1] === '25,863'));
  });

  it('loads nothing remote and breaks no Content-Security-Policy rule; screenshot', async () => {
    await page.click('#tree [data-id="biolens-ner-mini"]');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'taxonomy-webview.png'), fullPage: true });
    assert.deepEqual(requests.filter((u) => !u.startsWith('file://')), []);
    assert.deepEqual(problems, []);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.match(csp ?? '', /default-src 'none'; .*script-src 'nonce-[A-Za-z0-9]+'/);
  });
});
