// The language server as its own process, spoken to over LSP like an editor does, with the
// bundled model (dist/server.js: run `npm run build` first; npm test does).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { WorkspaceReportRequest, type Annotation } from '../../src/protocol';
import { ServerSession } from './serverSession';

const ROOT = path.resolve(__dirname, '..', '..');
const NOTE = readFileSync(path.join(ROOT, 'examples', 'clinical-note.txt'), 'utf8');
const URI = 'file:///notes/clinical-note.txt';

describe('The language server process', function () {
  this.timeout(120_000);
  let server: ServerSession;

  before(async () => {
    server = await ServerSession.start({ debounceMs: 20 });
  });
  after(() => server.stop());

  it('reports loading, then ready with the model name and its process id', async () => {
    const ready = await server.waitForStatus((s) => s.state === 'ready');
    assert.equal(ready.model, 'biolens-ner-mini');
    assert.equal(ready.pid, server.pid);
  });

  // What the server published for the opened note: the hover test checks its ranges against them.
  let opened: { start: number; end: number; text: string; type: string }[] = [];

  it('publishes the entities of an opened document, stamped with its version, offsets slicing the text', async () => {
    const published = server.nextAnnotations(URI);
    server.open(URI, NOTE, 7);
    const result = await published;
    opened = result.annotations;
    assert.equal(result.version, 7);
    assert.equal(result.state, 'complete');
    assert.ok(result.annotations.length > 5);
    for (const a of result.annotations) {
      assert.equal(NOTE.slice(a.start, a.end), a.text);
      assert.ok(a.score >= server.settings.minConfidence);
    }
  });

  it('answers a hover on an entity with its type, over exactly its range', async () => {
    // Whether the model keeps "paroxysmal" in "paroxysmal atrial fibrillation" depends on the
    // weights; the hover must cover exactly the mention the server published, whichever it is.
    const at = NOTE.indexOf('paroxysmal atrial fibrillation') + 'paroxysmal atrial '.length;
    const mention = opened.find((a) => a.start <= at && at < a.end);
    assert.ok(mention && /fibrillation/.test(mention.text) && mention.type === 'Disease', JSON.stringify(mention));
    const position = (offset: number) => ({ line: NOTE.slice(0, offset).split('\n').length - 1, character: offset - NOTE.lastIndexOf('\n', offset - 1) - 1 });
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: position(at + 3) })) as Hover;
    assert.match(JSON.stringify(hover.contents), /Disease/);
    assert.deepEqual(hover.range, { start: position(mention.start), end: position(mention.end) });
  });

  it('after an edit publishes the moved entities at once, then re-analyses only the changed paragraph', async () => {
    const edited = NOTE.replace('Mild ankle swelling', 'Mild ankle swelling and gout');
    const pending = server.nextAnnotations(URI, (a) => a.state === 'pending');
    const complete = server.nextAnnotations(URI, (a) => a.state === 'complete');
    server.change(URI, 8, edited);
    const shifted = await pending;
    assert.equal(shifted.version, 8);
    for (const a of shifted.annotations) assert.equal(edited.slice(a.start, a.end), a.text);
    const done = await complete;
    assert.equal(done.version, 8);
    assert.equal(done.stats?.analysedParagraphs, 1);
    assert.ok(done.stats!.reusedParagraphs > 5);
  });

  it('reads an abbreviation defined in another paragraph as the entity it stands for', async () => {
    // The model sees a paragraph at a time: alone, "RENF stable." reads to it like a disease. The
    // definition two paragraphs up makes it the drug renoxafen.
    const uri = 'file:///notes/abbreviations.txt';
    const text = 'Started renoxafen (RENF) 20 mg daily in 2015.\n\nWeight stable.\n\nRENF stable.\n';
    const published = server.nextAnnotations(uri, (a) => a.state === 'complete');
    server.open(uri, text);
    const { annotations } = await published;
    const longForm = annotations.find((a) => a.text === 'renoxafen');
    assert.equal(longForm?.type, 'Chemical', JSON.stringify(annotations));
    const later = annotations.find((a) => a.start === text.lastIndexOf('RENF'));
    assert.deepEqual(later && { text: later.text, type: later.type }, { text: 'RENF', type: 'Chemical' }, JSON.stringify(annotations));
    server.close(uri);
  });

  it('skips a document above maxFileSize and says how large it is', async () => {
    const uri = 'file:///notes/huge.txt';
    const published = server.nextAnnotations(uri);
    server.open(uri, 'x'.repeat(server.settings.maxFileSize + 1));
    const result = await published;
    assert.equal(result.state, 'skipped');
    assert.deepEqual(result.skipped, { reason: 'tooLarge', size: server.settings.maxFileSize + 1, limit: server.settings.maxFileSize });
    server.close(uri);
  });

  it('filters by entity type and confidence when the settings change, without re-analysing', async () => {
    const published = server.nextAnnotations(URI);
    server.configure({ entityTypes: ['Disease'] });
    const result = await published;
    assert.ok(result.annotations.length > 0);
    assert.ok(result.annotations.every((a) => a.type === 'Disease'));
    server.configure({ entityTypes: ['Chemical', 'Disease', 'Gene', 'Species', 'CellLine', 'CellType'] });
  });

  it('shows unsure entities without a concept only when the user lowers minConfidenceWithoutConcept', async () => {
    const uri = 'file:///notes/research-note.md';
    const text = readFileSync(path.join(ROOT, 'examples', 'research-note.md'), 'utf8');
    const unsure = (annotations: Annotation[]) => annotations.filter((a) => !a.concept && a.score < 0.7 && a.type !== 'CellLine' && a.type !== 'CellType');
    const first = server.nextAnnotations(uri);
    server.open(uri, text, 1, 'markdown');
    const byDefault = (await first).annotations;
    assert.deepEqual(unsure(byDefault), [], 'the default (0.7) leaves them out');
    const lowered = server.nextAnnotations(uri);
    server.configure({ minConfidenceWithoutConcept: 0 });
    const all = (await lowered).annotations;
    assert.ok(unsure(all).length > 0, `the research note has unsure entities without a concept (bundled model): ${all.map((a) => a.text).join(', ')}`);
    assert.deepEqual(all.filter((a) => !unsure(all).includes(a)).map((a) => a.text), byDefault.map((a) => a.text), 'only those are added');
    const back = server.nextAnnotations(uri);
    server.configure({ minConfidenceWithoutConcept: 0.7 });
    assert.deepEqual((await back).annotations.map((a) => a.text), byDefault.map((a) => a.text));
    server.close(uri);
  });

  it('turns standardisation suggestions, and nothing else, into diagnostics with quick fixes', async function () {
    const ready = await server.waitForStatus((s) => s.state === 'ready' && s.terminology);
    assert.ok(ready.terminology);
    const uri = 'file:///notes/lay-terms.txt';
    const text = 'He had a heart attack in 2019.\n\nRisk of heart attack and stroke is high.\n\nHe has high blood pressure and a heart attack.\n';
    const diagnostics = new Promise<Diagnostic[]>((resolve) =>
      server.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
        if (p.uri === uri && p.diagnostics.length) resolve(p.diagnostics);
      }),
    );
    server.open(uri, text);
    const found = (await diagnostics).filter((d) => /^"heart attack"/.test(d.message));
    assert.ok(found.length >= 2, `the model finds the lay term at least twice: ${JSON.stringify(await diagnostics)}`);
    const [first] = found;
    assert.match(first.message, /"heart attack": lay term for.*"myocardial infarction"/);
    assert.equal(first.severity, 3 /* Information */);

    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: first.range,
      context: { diagnostics: [first] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), [
      'Replace with "myocardial infarction"',
      `Replace all ${found.length} "heart attack" in this document with "myocardial infarction"`,
      'Ignore "heart attack" in this workspace',
    ]);
    assert.deepEqual(actions[0].edit!.changes![uri], [{ range: first.range, newText: 'myocardial infarction' }]);
    assert.equal(actions[1].edit!.changes![uri].length, found.length);
    assert.deepEqual(actions[2].command!.arguments, ['heart attack']);

    const cleared = new Promise<void>((resolve) =>
      server.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
        if (p.uri === uri && !p.diagnostics.length) resolve();
      }),
    );
    server.configure({ ignoredTerms: ['heart attack'] });
    await cleared;
    server.configure({ ignoredTerms: [] });
    server.close(uri);
  });

  it('writes a report of the concepts in files on disk, with counts', async () => {
    const files = ['clinical-note.txt', 'microbiology-consult.txt'].map((f) => path.join(ROOT, 'examples', f));
    const report = await server.connection.sendRequest(WorkspaceReportRequest, { files: [...files, '/no/such/file.txt'], format: 'jsonl' });
    assert.equal(report.analysedFiles, 2);
    assert.deepEqual(report.skippedFiles, ['/no/such/file.txt']);
    const rows = report.content.trim().split('\n').map((line) => JSON.parse(line));
    assert.equal(rows.reduce((n, r) => n + r.mentions, 0), report.mentions);
    // "Atrial fibrillation" (MeSH) and "paroxysmal atrial fibrillation" (HPO's more specific concept)
    const af = rows.filter((r) => /atrial fibrillation/i.test(r.preferred));
    assert.ok(af.length > 0, 'atrial fibrillation is among the concepts');
    assert.ok(af.every((r) => r.id), JSON.stringify(af));
    assert.ok(af.reduce((n, r) => n + r.mentions, 0) >= 2, JSON.stringify(af));
  });

  it('goes to the error state with a corrupt model folder, publishes no entities, and recovers', async () => {
    const cleared = server.nextAnnotations(URI, (a) => a.annotations.length === 0);
    server.configure({ modelDir: path.join(ROOT, 'test', 'e2e', 'fixtures', 'corrupt-model') });
    const error = await server.waitForStatus((s) => s.state === 'error');
    assert.match(error.message!, /corrupt or unreadable ONNX model .*model_quantized\.onnx/);
    await cleared;

    const back = server.nextAnnotations(URI, (a) => a.state === 'complete' && a.annotations.length > 0);
    server.configure({ modelDir: null });
    await server.waitForStatus((s) => s.state === 'ready');
    await back;
  });
});

describe('The language server and its vocabulary', function () {
  this.timeout(120_000);
  let server: ServerSession;

  before(async () => {
    server = await ServerSession.start({ debounceMs: 20 });
  });
  after(() => server.stop());

  const standaloneAF = (annotations: Annotation[]) => annotations.find((a) => /^atrial fibrillation$/i.test(a.text));

  it('hovers show the definition with its source and that source\'s version', async () => {
    await server.waitForStatus((s) => s.terminology);
    const linked = server.nextAnnotations(URI, (a) => a.state === 'complete' && !!standaloneAF(a.annotations)?.concept);
    server.open(URI, NOTE, 1);
    const af = standaloneAF((await linked).annotations)!;
    const before = NOTE.slice(0, af.start);
    const position = { line: before.split('\n').length - 1, character: af.start - before.lastIndexOf('\n') - 1 + 2 };
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position })) as Hover;
    const markdown = (hover.contents as { value: string }).value;
    assert.match(markdown, / — \*(Human Disease Ontology 2024-01-31|MeSH 2024|Human Phenotype Ontology 2023-01-27), /);
  });

  it('re-links with the vocabulary the user prefers when that setting changes', async () => {
    const relinked = server.nextAnnotations(URI, (a) => a.state === 'complete' && !!standaloneAF(a.annotations)?.concept?.id.startsWith('DOID:'));
    server.configure({ preferredVocabulary: 'DO' });
    const af = standaloneAF((await relinked).annotations)!;
    assert.equal(af.concept!.id, 'DOID:0060224');
    const back = server.nextAnnotations(URI, (a) => a.state === 'complete' && !!standaloneAF(a.annotations)?.concept?.id.startsWith('MESH:'));
    server.configure({ preferredVocabulary: 'MeSH' });
    assert.equal(standaloneAF((await back).annotations)!.concept!.id, 'MESH:D001281');
  });
});
