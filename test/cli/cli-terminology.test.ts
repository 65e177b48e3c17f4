// `biolens annotate` with the terminology layer: every output format carries the concept. The
// bundled vocabulary is loaded once for the whole process (src/cli/terminology.ts).
import { strict as assert } from 'node:assert';
import type { Annotation } from '../../src/engine/types';
import { vocabularyOf } from '../../src/engine/terminology';
import { runCli } from './run-cli';

const SENTENCE = 'Aspirin reduces the risk of heart attack. No evidence of pneumonia.';

describe('biolens annotate with concepts', function () {
  this.timeout(120000);

  it('jsonl carries each entity\'s concept with a vocabulary-prefixed id, and its context', async () => {
    const result = await runCli(['annotate', '-', '--format', 'jsonl'], { stdin: SENTENCE });
    assert.equal(result.code, 0, result.stderr);
    const [document] = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { annotations: Annotation[] });
    const byText = new Map(document.annotations.map((a) => [a.text, a]));
    const aspirin = byText.get('Aspirin');
    assert.equal(aspirin?.concept?.id, 'MESH:D001241');
    assert.equal(aspirin?.concept?.preferred, 'Aspirin');
    const pneumonia = byText.get('pneumonia');
    assert.equal(pneumonia?.concept?.id, 'MESH:D011014');
    assert.equal(pneumonia?.context?.negated, true, '"No evidence of" negates pneumonia');
    for (const a of document.annotations) {
      if (a.concept) assert.ok(vocabularyOf(a.concept.id), `${a.concept.id} has a known vocabulary prefix`);
    }
  });

  it('reads a .note file as a clinical note, whatever its shape', async () => {
    // The e2e fixture: two lines, no headings or shorthand. As a note, "CP" beside "SOB" is chest pain.
    const cp = async (file: string) => {
      const result = await runCli(['annotate', file, '--format', 'jsonl']);
      assert.equal(result.code, 0, result.stderr);
      return (JSON.parse(result.stdout) as { annotations: Annotation[] }).annotations.find((a) => a.text === 'CP');
    };
    const note = await cp('test/e2e/fixtures/trusted-workspace/short-visit.note');
    assert.ok(note, 'the bundled model finds "CP"');
    assert.equal(note.concept?.id, 'MESH:D002637'); // Chest Pain
    const asText = await runCli(['annotate', '-', '--format', 'jsonl'], { stdin: 'Walk-in clinic\n\nPresents with SOB and CP for two days.\n' });
    const plain = (JSON.parse(asText.stdout) as { annotations: Annotation[] }).annotations.find((a) => a.text === 'CP');
    assert.equal(plain?.concept?.id, 'MESH:D002547'); // Cerebral Palsy, the same text from standard input
  });

  it('gives the vocabulary\'s type to a drug the model calls a species, before --types filters', async () => {
    // The bundled model (session 4) calls "apixaban" a species here; --no-link shows the model alone.
    const text = 'Continue apixaban and bisoprolol.';
    const types = async (...extra: string[]) => {
      const result = await runCli(['annotate', '-', '--format', 'jsonl', ...extra], { stdin: text });
      assert.equal(result.code, 0, result.stderr);
      return (JSON.parse(result.stdout) as { annotations: Annotation[] }).annotations.map((a) => `${a.type}:${a.text}${a.modelType ? ` (model: ${a.modelType})` : ''}`);
    };
    const model = await types('--no-link');
    const apixaban = model.includes('Species:apixaban') ? 'Chemical:apixaban (model: Species)' : 'Chemical:apixaban';
    assert.deepEqual(await types('--types', 'Chemical'), [apixaban, 'Chemical:bisoprolol'], `the model alone: ${model.join(', ')}`);
  });

  it('leaves out unsure entities that link to no concept unless --min-score-without-concept says otherwise', async () => {
    const note = 'examples/research-note.md';
    const annotations = async (...extra: string[]) => {
      const result = await runCli(['annotate', note, '--format', 'jsonl', ...extra]);
      assert.equal(result.code, 0, result.stderr);
      return (JSON.parse(result.stdout) as { annotations: Annotation[] }).annotations;
    };
    const unsure = (list: Annotation[]) => list.filter((a) => !a.concept && a.score < 0.7 && a.type !== 'CellLine' && a.type !== 'CellType');
    const byDefault = await annotations();
    assert.deepEqual(unsure(byDefault), []);
    const all = await annotations('--min-score-without-concept', '0');
    assert.ok(unsure(all).length > 0, 'the bundled model is unsure of some names in the research note that no vocabulary has');
    assert.equal(all.length, byDefault.length + unsure(all).length);
  });

  it('pubtator fills the concept id column; --no-link leaves it empty', async () => {
    const idColumn = (stdout: string) => new Map(stdout.split('\n').filter((l) => l.includes('\t')).map((l) => l.split('\t')).map((f) => [f[3], f[5]]));
    const linked = await runCli(['annotate', '-', '--format', 'pubtator'], { stdin: SENTENCE });
    assert.equal(linked.code, 0, linked.stderr);
    assert.equal(idColumn(linked.stdout).get('Aspirin'), 'MESH:D001241');
    assert.equal(idColumn(linked.stdout).get('pneumonia'), 'MESH:D011014');
    const plain = await runCli(['annotate', '-', '--format', 'pubtator', '--no-link'], { stdin: SENTENCE });
    assert.equal(plain.code, 0, plain.stderr);
    assert.deepEqual(new Set(idColumn(plain.stdout).values()), new Set(['-']));
  });

  it('pretty marks the concept id and flags inline, then names each concept and the suggestions', async () => {
    const result = await runCli(['annotate', '-'], { stdin: 'No evidence of pneumonia; known hypertension and HTN.' });
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.match(lines[1], /\[pneumonia\]\{Disease MESH:D011014,negated\}/);
    assert.match(lines[2], / · 1 negated/);
    assert.ok(lines.includes('  MESH:D011014 Pneumonia'), result.stdout);
    assert.ok(lines.includes('  MESH:D006973 Hypertension ← HTN'), result.stdout);
    assert.ok(lines.includes('  suggest: HTN → hypertension (abbreviation of MESH:D006973)'), result.stdout);
  });
});
