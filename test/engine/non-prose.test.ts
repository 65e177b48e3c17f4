// No entity inside a URL, e-mail address, file path or Markdown code: the names there ("Aspirin"
// of a Wikipedia link, `print("aspirin")`) are not what the note says. With the bundled model, the
// way the CLI and the editor run it.
import { strict as assert } from 'node:assert';
import { createEngine, withDocumentMentions, type Annotation, type NerEngine } from '../../src/engine';
import { nonProseRanges, outsideNonProse } from '../../src/engine/nonProse';
import { MODEL_DIR } from './testModel';

const NOTE = [
  'Started aspirin 75 mg daily for stable angina (see https://en.wikipedia.org/wiki/Aspirin and www.nice.org.uk/guidance/aspirin).',
  'Questions about EGFR testing to egfr.lab@hospital.org; results in /shared/oncology/egfr/osimertinib.csv.',
  'Review [EGFR inhibitors](https://example.org/egfr/osimertinib) before starting osimertinib.',
  'The script `count_drug("aspirin")` tallies doses:',
  '```r',
  'subset(trial, drug == "metformin" & outcome == "lactic acidosis")',
  '```',
  'Metformin was stopped.',
].join('\n');

const texts = (found: Annotation[]) => found.map((a) => `${a.type}:${a.text}`);

describe('entities, addresses and code', function () {
  this.timeout(60_000);
  let engine: NerEngine;
  before(async () => { engine = await createEngine({ modelDir: MODEL_DIR, inWorker: false }); });
  after(() => engine.dispose());

  it('finds what is no prose: URLs, www. links, e-mail addresses, paths, code blocks and inline code', () => {
    // The ranges may overlap (a fenced block is also a run of backticks): each found once here.
    const found = [...new Set(nonProseRanges(NOTE).map((r) => NOTE.slice(r.start, r.end).trim()))];
    assert.deepEqual(found, [
      'https://en.wikipedia.org/wiki/Aspirin',
      'https://example.org/egfr/osimertinib',
      'www.nice.org.uk/guidance/aspirin',
      'egfr.lab@hospital.org',
      '/shared/oncology/egfr/osimertinib.csv.',
      '```r\nsubset(trial, drug == "metformin" & outcome == "lactic acidosis")\n```',
      '`count_drug("aspirin")`',
    ]);
  });

  it("takes LaTeX-style quotes for prose, not code: ``octamer'' ... ``stress''", () => {
    // GENIA abstracts (JNLPBA) quote this way; what lies between two opening quotes is prose.
    const genia = "One element identical to the ``octamer'' motif binds Oct-1, a potential ``stress'' buffer of NK activity.";
    assert.deepEqual(nonProseRanges(genia), []);
  });

  it('reports the names of the prose and none inside an address or code', async () => {
    const found = await engine.annotate(NOTE);
    for (const a of found) {
      assert.ok(!nonProseRanges(NOTE).some((r) => r.start < a.end && a.start < r.end), `${a.text} at ${a.start} is inside an address or code`);
    }
    const names = texts(found);
    for (const expected of ['Chemical:aspirin', 'Disease:stable angina', 'Gene:EGFR', 'Chemical:osimertinib', 'Chemical:Metformin']) assert.ok(names.includes(expected), `${expected} in ${names.join(', ')}`);
    // The Markdown link's text is prose; its target is not.
    assert.ok(found.some((a) => a.text === 'EGFR' && NOTE.slice(a.start - 1, a.start) === '['));
  });

  it('leaves the document-wide step no way back in: a repeated name is not marked inside an address', () => {
    const aspirin = NOTE.indexOf('aspirin');
    const confident: Annotation = { start: aspirin, end: aspirin + 'aspirin'.length, text: 'aspirin', type: 'Chemical', score: 0.99 };
    const all = withDocumentMentions(NOTE, [confident]);
    assert.deepEqual(all.map((a) => a.start), [aspirin], 'the URL\'s, the path\'s and the code\'s "aspirin" stay unmarked');
    assert.deepEqual(outsideNonProse('No address here: aspirin.', [confident]), [confident]);
  });
});
