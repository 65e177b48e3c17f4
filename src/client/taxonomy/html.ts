// The taxonomy view's HTML shell. Pure (no `vscode`), so the headless-browser test renders the
// very same page. Strict Content-Security-Policy: nothing remote, scripts only with the nonce.
import { randomBytes } from 'node:crypto';

export interface PageResources {
  /** webview.cspSource (or the origin the test serves from). */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce?: string;
}

export function nonce(): string {
  return randomBytes(16).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function taxonomyHtml(r: PageResources): string {
  const n = r.nonce ?? nonce();
  const csp = [
    "default-src 'none'",
    `style-src ${r.cspSource}`,
    `script-src 'nonce-${n}'`,
    `img-src ${r.cspSource}`,
    `font-src ${r.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(r.styleUri)}">
<title>Model taxonomy</title>
</head>
<body>
<header class="toolbar" role="search">
  <div class="row">
    <label for="facet">Group by</label>
    <select id="facet" aria-label="Group the models by">
      <option value="modality">Modality</option>
      <option value="training">Training approach</option>
      <option value="architecture">Architecture</option>
    </select>
  </div>
  <div class="row">
    <input id="search" type="search" placeholder="Search models, corpora, papers" aria-label="Search the models">
  </div>
  <div class="row">
    <label><input id="runnable" type="checkbox"> Bundled or downloadable only</label>
  </div>
  <div class="row">
    <label for="yearFrom">Years</label>
    <input id="yearFrom" type="number" aria-label="From year" class="year">
    <span aria-hidden="true">–</span>
    <input id="yearTo" type="number" aria-label="To year" class="year">
  </div>
  <div class="row">
    <button id="useLocal" class="secondary" title="Pick a folder with config.json, tokenizer.json and onnx/model_quantized.onnx">Use a local model folder…</button>
  </div>
</header>
<div id="active" class="active-model" role="status" aria-live="polite"></div>
<div id="count" class="count" aria-live="polite"></div>
<ul id="tree" role="tree" aria-label="Biomedical pre-trained language models"></ul>
<section id="details" class="details" aria-label="Model details" aria-live="polite"><p class="hint">Select a model to see its details.</p></section>
<section id="downloads" class="compare" aria-label="Downloaded models"></section>
<section id="compare" class="compare" aria-label="Measured comparison"></section>
<footer id="note" class="note"></footer>
<script nonce="${n}" src="${escapeAttr(r.scriptUri)}"></script>
</body>
</html>`;
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
