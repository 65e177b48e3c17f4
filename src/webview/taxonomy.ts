/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The model taxonomy webview (bundled by scripts/build.mjs into dist/taxonomy-view.js, runs in
// the webview's browser context). It renders what the extension sends; facet logic is the
// shared pure module. State (facet, filters, selection, expanded groups) survives via setState.
import { FACET_LABELS, SURVEY_LABELS, VALUE_LABELS, tree, yearRange, type Facet, type Filter, type Taxonomy, type TaxonomyEntry } from '../client/taxonomy/facets';
import type { DownloadedModel, FromWebview, ToWebview, ViewState } from '../client/taxonomy/messages';

interface UiState {
  facet: Facet;
  filter: Filter;
  selected: string | null;
  collapsed: string[];
}

declare function acquireVsCodeApi(): { postMessage(m: FromWebview): void; getState(): UiState | undefined; setState(s: UiState): void };

const vscode = acquireVsCodeApi();
let taxonomy: Taxonomy | undefined;
let view: ViewState | undefined;
let ui: UiState = vscode.getState() ?? { facet: 'modality', filter: {}, selected: null, collapsed: [] };

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const facetSelect = $<HTMLSelectElement>('facet');
const search = $<HTMLInputElement>('search');
const runnable = $<HTMLInputElement>('runnable');
const yearFrom = $<HTMLInputElement>('yearFrom');
const yearTo = $<HTMLInputElement>('yearTo');
const treeEl = $<HTMLUListElement>('tree');
const details = $<HTMLElement>('details');

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

function save(): void {
  vscode.setState(ui);
  vscode.postMessage({ type: 'ui', facet: ui.facet, filter: ui.filter, selected: ui.selected });
}

function readControls(): void {
  const num = (i: HTMLInputElement) => (i.value ? Number(i.value) : undefined);
  ui.facet = facetSelect.value as Facet;
  ui.filter = { text: search.value, runnableOnly: runnable.checked, yearFrom: num(yearFrom), yearTo: num(yearTo) };
}

function writeControls(): void {
  facetSelect.value = ui.facet;
  search.value = ui.filter.text ?? '';
  runnable.checked = !!ui.filter.runnableOnly;
  if (taxonomy) {
    const [min, max] = yearRange(taxonomy.models);
    for (const i of [yearFrom, yearTo]) {
      i.min = String(min);
      i.max = String(max);
    }
    yearFrom.placeholder = String(min);
    yearTo.placeholder = String(max);
  }
  yearFrom.value = ui.filter.yearFrom ? String(ui.filter.yearFrom) : '';
  yearTo.value = ui.filter.yearTo ? String(ui.filter.yearTo) : '';
}

function isActive(e: TaxonomyEntry): boolean {
  return !!view && view.activeId === e.id;
}

/** The downloaded copy of a hub entry, if any (the first revision). */
function downloadOf(e: TaxonomyEntry): DownloadedModel | undefined {
  return e.hfId ? view?.downloads.find((d) => d.modelId === e.hfId) : undefined;
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** "Use this model" and "Delete" for a downloaded hub model (in its details and in the downloads list). */
function downloadButtons(d: DownloadedModel, label: string): HTMLElement {
  const active = view?.activeDir === d.dir;
  const use = el('button', { class: 'use-download', 'data-model': d.modelId, 'data-revision': d.revision, 'aria-label': `Use ${label}`, text: active ? 'In use' : 'Use this model' });
  if (active || view?.switching) use.setAttribute('disabled', '');
  const remove = el('button', { class: 'secondary delete-download', 'data-model': d.modelId, 'data-revision': d.revision, 'aria-label': `Delete the download of ${label}`, text: 'Delete' });
  if (view?.switching) remove.setAttribute('disabled', '');
  return el('span', { class: 'buttons' }, use, ' ', remove);
}

function renderActive(): void {
  const box = $('active');
  box.replaceChildren();
  if (!view) return;
  const state = view.switching ? `switching to ${view.switching}…` : view.serverState;
  box.append(el('span', { class: 'dot ' + (view.serverState === 'error' ? 'err' : view.serverState === 'ready' ? 'ok' : 'busy'), 'aria-hidden': 'true' }));
  const where = !view.activeDir ? '' : view.downloads.some((d) => d.dir === view!.activeDir) ? ' (downloaded)' : ' (local folder)';
  box.append(el('span', { text: `Running: ${view.activeName}${where} — ${state}` }));
  if (view.serverMessage && view.serverState === 'error') box.append(el('div', { class: 'error', text: view.serverMessage }));
}

function renderTree(): void {
  if (!taxonomy) return;
  const groups = tree(taxonomy, ui.facet, ui.filter);
  const total = groups.reduce((n, g) => n + g.entries.length, 0);
  $('count').textContent = `${new Set(groups.flatMap((g) => g.entries.map((e) => e.id))).size} of ${taxonomy.models.length} models, grouped by ${FACET_LABELS[ui.facet].toLowerCase()}`;
  treeEl.replaceChildren();
  treeEl.setAttribute('data-facet', ui.facet);
  let focusable: HTMLElement | undefined;
  for (const g of groups) {
    const key = `${g.facet}:${g.value}`;
    const expanded = !ui.collapsed.includes(key);
    const label = el('span', { class: 'group-label' }, el('span', { class: 'twisty', 'aria-hidden': 'true', text: expanded ? '▾' : '▸' }), `${g.label} `, el('span', { class: 'badge', text: String(g.entries.length) }));
    const item = el('li', { role: 'treeitem', 'aria-expanded': String(expanded), 'aria-level': '1', 'data-group': key, tabindex: '-1', class: 'group' }, label);
    const list = el('ul', { role: 'group' });
    if (expanded) {
      for (const e of g.entries) {
        const tags: Array<Node | string> = [el('span', { class: 'name', text: e.name }), el('span', { class: 'year', text: e.year ? ` ${e.year}` : '' })];
        if (isActive(e)) tags.push(el('span', { class: 'tag active-tag', text: 'active' }));
        else if (e.runnable.kind === 'bundled') tags.push(el('span', { class: 'tag', text: 'bundled' }));
        else if (e.runnable.kind === 'hub-onnx') tags.push(el('span', { class: 'tag', text: downloadOf(e) ? 'downloaded' : 'hub' }));
        const ariaLabel = `${e.name}${e.year ? `, ${e.year}` : ''}${isActive(e) ? ', active model' : ''}${e.runnable.kind !== 'none' ? ', runnable' : ''}`;
        const child = el('li', { role: 'treeitem', 'aria-level': '2', 'aria-selected': String(ui.selected === e.id), 'data-id': e.id, tabindex: '-1', class: 'model' + (isActive(e) ? ' is-active' : ''), 'aria-label': ariaLabel }, ...tags);
        list.append(child);
        if (ui.selected === e.id && !focusable) focusable = child;
      }
    }
    item.append(list);
    treeEl.append(item);
  }
  if (!groups.length) treeEl.append(el('li', { class: 'hint', role: 'none', text: `No model matches (${total}).` }));
  (focusable ?? treeEl.querySelector<HTMLElement>('[role=treeitem]'))?.setAttribute('tabindex', '0');
}

function row(label: string, value: string | Node | null | undefined): HTMLElement | string {
  if (value === null || value === undefined || value === '') return '';
  return el('div', { class: 'kv' }, el('dt', { text: label }), el('dd', {}, value));
}

function renderDetails(): void {
  const e = taxonomy?.models.find((m) => m.id === ui.selected);
  details.replaceChildren();
  if (!e || !view) {
    details.append(el('p', { class: 'hint', text: 'Select a model to see its details.' }));
    return;
  }
  details.append(el('h2', { text: e.name }));
  if (isActive(e)) details.append(el('p', { class: 'active-line', text: '● This model is running now.' }));
  details.append(
    el(
      'dl',
      {},
      row('Year', e.year ? String(e.year) : 'unknown'),
      row('Paper', e.paperTitle),
      row('Venue', e.venue),
      row('Modality', VALUE_LABELS[e.modality]),
      row('Training', e.training.map((t) => VALUE_LABELS[t]).join(' + ')),
      row('How', e.trainingDetail),
      row('Architecture', `${VALUE_LABELS[e.architecture]} — ${e.architectureDetail}`),
      row('Size', e.params),
      row('Pre-training corpus', e.corpus),
      row('Language', e.language === 'none' ? 'n/a (sequences)' : e.language),
      row('Hugging Face', e.hfId),
      row('Survey', `${SURVEY_LABELS[e.survey]} — ${e.surveyNote}`),
      row('Sources', e.sources.join('; ')),
    ),
  );
  const run = el('div', { class: 'run' });
  run.append(el('p', { text: e.runnable.note }));
  if (e.runnable.kind === 'bundled') {
    const b = el('button', { id: 'useModel', 'data-id': e.id, text: isActive(e) ? 'In use' : 'Use this model' });
    if (isActive(e) || view.switching) b.setAttribute('disabled', '');
    run.append(b);
  } else if (e.runnable.kind === 'hub-onnx') {
    const download = downloadOf(e);
    if (download) {
      run.append(el('p', { text: `Downloaded (${download.revision}, ${mb(download.bytes)} from ${hostName(download.host)}): it runs offline.` }));
      run.append(downloadButtons(download, e.name));
    } else if (!view.allowRemoteModels) {
      run.append(el('p', { class: 'warn', text: 'Downloads are off: BioLens never contacts a server unless you turn on the setting "biolens.allowRemoteModels".' }));
      run.append(el('button', { id: 'openSettings', class: 'secondary', text: 'Open the setting' }));
    } else {
      run.append(el('p', { text: `BioLens fetches ${e.hfId}'s config.json and tokenizer first (small) and stops there if its engine cannot run the model; only then the int8 weights, into BioLens's storage on this machine. Cancel from the notification; a failed download leaves nothing.` }));
      const b = el('button', { id: 'useModel', 'data-id': e.id, text: view.downloading === e.hfId ? 'Downloading…' : 'Download and use' });
      if (view.downloading || view.switching) b.setAttribute('disabled', '');
      run.append(b);
    }
  } else {
    run.append(el('p', { class: 'muted', text: 'Not runnable in BioLens.' }));
  }
  details.append(run);
}

function hostName(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Every downloaded hub model, from the taxonomy or not, with its buttons. */
function renderDownloads(): void {
  const box = $('downloads');
  box.replaceChildren();
  if (!view?.downloads.length && !view?.downloading) return;
  box.append(el('h2', { text: 'Downloaded models' }));
  const list = el('ul', { class: 'downloads' });
  for (const d of view.downloads) {
    const label = `${d.modelId}${d.revision === 'main' ? '' : `@${d.revision}`}`;
    list.append(el('li', {}, el('span', { class: 'name', text: label }), el('span', { class: 'muted', text: ` ${mb(d.bytes)}${view.activeDir === d.dir ? ' · active' : ''} ` }), downloadButtons(d, label)));
  }
  if (view.downloading) list.append(el('li', { class: 'muted', text: `Downloading ${view.downloading}…` }));
  box.append(list);
}

function renderCompare(): void {
  const box = $('compare');
  box.replaceChildren();
  if (!view?.cards.length) return;
  box.append(el('h2', { text: 'Compare: measured dev F1 and speed' }));
  const names = [...new Set(view.cards.flatMap((c) => c.scores.map((s) => s.name)))];
  const head = el('tr', {}, el('th', { scope: 'col', text: 'dev split (strict F1)' }), ...view.cards.map((c) => el('th', { scope: 'col', text: c.model })));
  const body = names.map((n) =>
    el('tr', { class: n.includes('—') ? 'sub' : '' }, el('th', { scope: 'row', text: n }), ...view!.cards.map((c) => el('td', { text: c.scores.find((s) => s.name === n)?.strictF1.toFixed(2) ?? '–' }))),
  );
  const speed = el('tr', { class: 'speed' }, el('th', { scope: 'row', text: 'speed (tokens/s, int8, 1 thread)' }), ...view.cards.map((c) => el('td', { text: c.tokensPerSecond?.toLocaleString('en') ?? '–' })));
  box.append(el('table', { 'aria-label': 'Measured dev F1 per corpus and type, and speed, from the model cards' }, el('thead', {}, head), el('tbody', {}, ...body, speed)));
  box.append(el('p', { class: 'muted', text: 'From each model folder\'s MODEL_CARD.md (measured on dev splits, not test).' }));
}

function render(): void {
  renderActive();
  renderTree();
  renderDetails();
  renderDownloads();
  renderCompare();
}

function select(id: string): void {
  ui.selected = id;
  save();
  renderTree();
  renderDetails();
  treeEl.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)?.focus();
}

function toggleGroup(key: string, expand?: boolean): void {
  const collapsed = ui.collapsed.includes(key);
  const wantCollapsed = expand === undefined ? !collapsed : !expand;
  ui.collapsed = wantCollapsed ? [...ui.collapsed.filter((k) => k !== key), key] : ui.collapsed.filter((k) => k !== key);
  save();
  renderTree();
  treeEl.querySelector<HTMLElement>(`[data-group="${CSS.escape(key)}"]`)?.focus();
}

treeEl.addEventListener('click', (ev) => {
  const target = (ev.target as HTMLElement).closest<HTMLElement>('[role=treeitem]');
  if (!target) return;
  if (target.dataset.id) select(target.dataset.id);
  else if (target.dataset.group) toggleGroup(target.dataset.group);
});

treeEl.addEventListener('focusin', (ev) => {
  for (const i of treeEl.querySelectorAll<HTMLElement>('[tabindex="0"]')) if (i !== ev.target) i.setAttribute('tabindex', '-1');
  (ev.target as HTMLElement).setAttribute('tabindex', '0');
});

treeEl.addEventListener('keydown', (ev) => {
  const items = [...treeEl.querySelectorAll<HTMLElement>('[role=treeitem]')];
  const current = (document.activeElement as HTMLElement).closest<HTMLElement>('[role=treeitem]');
  const i = current ? items.indexOf(current) : -1;
  const focus = (n: number) => items[Math.max(0, Math.min(items.length - 1, n))]?.focus();
  switch (ev.key) {
    case 'ArrowDown':
      focus(i + 1);
      break;
    case 'ArrowUp':
      focus(i - 1);
      break;
    case 'Home':
      focus(0);
      break;
    case 'End':
      focus(items.length - 1);
      break;
    case 'ArrowRight':
      if (current?.dataset.group) toggleGroup(current.dataset.group, true);
      break;
    case 'ArrowLeft':
      if (current?.dataset.group) toggleGroup(current.dataset.group, false);
      else current?.parentElement?.closest<HTMLElement>('[role=treeitem]')?.focus();
      break;
    case 'Enter':
    case ' ':
      if (current?.dataset.id) select(current.dataset.id);
      else if (current?.dataset.group) toggleGroup(current.dataset.group);
      break;
    default:
      return;
  }
  ev.preventDefault();
});

for (const control of [facetSelect, search, runnable, yearFrom, yearTo]) {
  control.addEventListener(control === search ? 'input' : 'change', () => {
    readControls();
    save();
    renderTree();
  });
}

document.addEventListener('click', (ev) => {
  const t = ev.target as HTMLElement;
  if (t.id === 'useModel' && t.dataset.id) vscode.postMessage({ type: 'use', id: t.dataset.id });
  else if (t.id === 'useLocal') vscode.postMessage({ type: 'useLocal' });
  else if (t.id === 'openSettings') vscode.postMessage({ type: 'openSettings' });
  else if (t.classList.contains('use-download') || t.classList.contains('delete-download')) {
    const type = t.classList.contains('use-download') ? 'useDownloaded' : 'deleteDownloaded';
    if (t.dataset.model && t.dataset.revision) vscode.postMessage({ type, modelId: t.dataset.model, revision: t.dataset.revision });
  }
});

window.addEventListener('message', (ev: MessageEvent<ToWebview>) => {
  const m = ev.data;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'init') {
    taxonomy = m.taxonomy;
    view = m.state;
    $('note').textContent = `After "${taxonomy.survey.title}" (${taxonomy.survey.authors}; ${taxonomy.survey.venue}). ${taxonomy.note}`;
    writeControls();
    render();
  } else if (m.type === 'state') {
    view = m.state;
    render();
  }
});

writeControls();
vscode.postMessage({ type: 'ready' });
