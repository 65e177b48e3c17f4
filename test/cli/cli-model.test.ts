// The CLI end to end with the real engine and the bundled model.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_TYPES } from '../../src/engine/types';
import { runCli } from './run-cli';

const fixtures = join('test', 'fixtures', 'formats');
const notePath = join(fixtures, 'ward-round-note.txt');
const note = readFileSync(notePath, 'utf8');

describe('biolens with the bundled model', function () {
  this.timeout(120000);

  it('annotate --format jsonl prints one JSON document per file with offsets that slice to the text', async () => {
    const result = await runCli(['annotate', '--format', 'jsonl', notePath, join(fixtures, 'brat', 'cisplatin.txt')]);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(lines.map((d) => d.id), ['ward-round-note.txt', 'cisplatin.txt']);
    assert.equal(lines[0].text, note);
    assert.ok(lines[0].annotations.length > 0, 'the note mentions several drugs and diseases');
    for (const document of lines) {
      for (const a of document.annotations) {
        assert.equal(document.text.slice(a.start, a.end), a.text);
        assert.ok(ENTITY_TYPES.includes(a.type), a.type);
        assert.ok(a.score >= 0 && a.score <= 1);
      }
    }
  });

  it('annotate marks entities as [text]{Type} when not writing to a terminal, keeping the text', async () => {
    const result = await runCli(['annotate', '-', '--types', 'Chemical'], { stdin: 'Started metformin and atorvastatin for diabetes.' });
    assert.equal(result.code, 0, result.stderr);
    const [header, body, summary] = result.stdout.trimEnd().split('\n');
    assert.equal(header, '── stdin ──');
    assert.doesNotMatch(result.stdout, /\x1b\[/, 'no colour codes');
    assert.equal(body.replace(/\[([^\]]*)\]\{[^}]*\}/g, '$1'), 'Started metformin and atorvastatin for diabetes.');
    assert.doesNotMatch(body, /\{Disease/, '--types Chemical leaves diseases out');
    assert.match(summary, /^\d+ entit(y|ies)/);
    // Each mention carries its concept id; a legend line per concept gives the preferred name.
    assert.match(body, /\[metformin\]\{Chemical MESH:D008687\}/);
    assert.match(result.stdout, /\n {2}MESH:D008687 Metformin\n/);
  });

  it('annotate colours entities on a terminal unless NO_COLOR is set', async () => {
    const input = { stdin: 'Aspirin reduces the risk of myocardial infarction.', tty: true };
    assert.match((await runCli(['annotate', '-'], input)).stdout, /\x1b\[[\d;]+m/);
    assert.doesNotMatch((await runCli(['annotate', '-'], { ...input, env: { NO_COLOR: '1' } })).stdout, /\x1b\[/);
  });

  it('eval --json on 20 BC5CDR dev abstracts prints the documented report, with linking since the gold has MeSH ids', async () => {
    const result = await runCli(['eval', '--gold', join(fixtures, 'BC5CDR-dev-sample.PubTator.txt'), '--format', 'pubtator', '--json']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /eval: 20\/20 documents/);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(report), ['micro', 'byType', 'lenient', 'documents', 'tokensPerSecond', 'linking']);
    assert.equal(report.documents, 20);
    assert.ok(report.tokensPerSecond > 0);
    const prfKeys = ['precision', 'recall', 'f1'];
    for (const scores of [report, report.lenient]) {
      assert.deepEqual(Object.keys(scores.micro), prfKeys);
      assert.deepEqual(Object.keys(scores.byType), ['Chemical', 'Disease'], 'only the types in the gold file');
      for (const s of Object.values(scores.byType) as Record<string, number>[]) {
        assert.deepEqual(Object.keys(s), [...prfKeys, 'tp', 'fp', 'fn']);
        for (const key of prfKeys) assert.ok(s[key] >= 0 && s[key] <= 1, `${key} is a fraction`);
      }
    }
    // The sample has 187 Chemical and 148 Disease gold mentions (counted from the file).
    assert.equal(report.byType.Chemical.tp + report.byType.Chemical.fn, 187);
    assert.equal(report.byType.Disease.tp + report.byType.Disease.fn, 148);
    assert.ok(report.lenient.micro.f1 >= report.micro.f1, 'lenient matching never scores lower');

    assert.equal(report.linking.vocabulary, 'MESH');
    assert.deepEqual(Object.keys(report.linking.byType).sort(), ['Chemical', 'Disease']);
    for (const s of [...Object.values(report.linking.byType), report.linking.overall] as Record<string, number>[]) {
      assert.deepEqual(Object.keys(s), ['mentions', 'accuracy', 'precision', 'recall', 'f1']);
      assert.ok(s.mentions > 0);
      for (const key of ['accuracy', 'precision', 'recall', 'f1']) assert.ok(s[key] >= 0 && s[key] <= 1, `linking ${key} is a fraction`);
    }
    // Well above chance: 88% of these mentions were linked right when this test was written.
    assert.ok(report.linking.overall.accuracy > 0.7, `linking accuracy ${report.linking.overall.accuracy}`);
  });

  it('eval --no-link prints only the NER report', async () => {
    const result = await runCli(['eval', '--gold', join(fixtures, 'BC5CDR-dev-sample.PubTator.txt'), '--format', 'pubtator', '--json', '--no-link', '--limit', '2']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(Object.keys(JSON.parse(result.stdout)), ['micro', 'byType', 'lenient', 'documents', 'tokensPerSecond']);
  });

  it('eval reads CoNLL gold, scores only --types and prints a table', async () => {
    const result = await runCli(['eval', '--gold', join(fixtures, 'BC5CDR-IOB-dev-sample.tsv'), '--format', 'conll', '--types', 'Chemical', '--limit', '10']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /\ntype\s+P\s+R\s+F1\s+P\s+R\s+F1\s+TP\s+FP\s+FN\n/);
    assert.match(result.stdout, /\nChemical\s+[\d.]+/);
    assert.match(result.stdout, /\nmicro\s+[\d.]+/);
    assert.doesNotMatch(result.stdout, /\nDisease/);
    assert.match(result.stdout, /documents: 10\s+tokens\/s: [\d,]+\n$/, 'CoNLL gold has no concept ids: no linking section');
  });

  it('a bad model folder ends in one error line', async () => {
    const result = await runCli(['annotate', '--model', join(fixtures, 'brat'), notePath]);
    assert.equal(result.code, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^biolens: error: cannot load model: [^\n]+\n$/);
  });
});
