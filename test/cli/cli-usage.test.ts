// Command-line behaviour that needs no model: help, usage errors and unreadable input, each
// ending in one `biolens: error:` line and a non-zero exit code.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from '../../src/cli/args';
import { decodeText } from '../../src/cli/io';
import { runCli, type CliResult } from './run-cli';

const fixtures = join('test', 'fixtures', 'formats');

function assertOneLineError(result: CliResult, pattern: RegExp, code = 2): void {
  assert.equal(result.code, code, result.stderr);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /^biolens: error: [^\n]+\n$/);
  assert.match(result.stderr, pattern);
}

describe('biolens command line', () => {
  it('prints help for --help and for each command', async () => {
    const top = await runCli(['--help']);
    assert.equal(top.code, 0);
    assert.match(top.stdout, /Usage: biolens <command>/);
    assert.match(top.stdout, /annotate .*\n\s+eval .*\n\s+bench /);
    for (const command of ['annotate', 'eval', 'bench']) {
      const help = await runCli([command, '--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, new RegExp(`^Usage: biolens ${command}`));
    }
  });

  it('shows usage on stderr and fails without a command', async () => {
    const result = await runCli([]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^Usage: biolens/);
  });

  it('rejects an unknown command', async () => {
    assertOneLineError(await runCli(['annotat']), /unknown command 'annotat'/);
  });

  it('rejects an unknown option, a missing value and a bad choice', async () => {
    assertOneLineError(await runCli(['annotate', '--colour', 'x.txt']), /unknown option '--colour' for 'annotate'/);
    assertOneLineError(await runCli(['eval', '--gold']), /option '--gold' needs a value/);
    assertOneLineError(await runCli(['annotate', '--format', 'xml', 'x.txt']), /--format must be one of pretty, jsonl, pubtator, brat, bioc, got 'xml'/);
    assertOneLineError(await runCli(['annotate', '--types', 'Chemical,Protein', 'x.txt']), /--types: unknown entity type 'Protein'/);
    assertOneLineError(await runCli(['annotate', '--min-score', '2', 'x.txt']), /--min-score must be a number between 0 and 1/);
    assertOneLineError(await runCli(['eval', '--gold', 'g.txt', '--format', 'pubtator', '--type-map', 'GENE']), /--type-map: bad type map entry 'GENE'/);
  });

  it('checks the terminology options before loading any model', async () => {
    assertOneLineError(await runCli(['annotate', '--preferred-vocabulary', 'MeSH,SNOMED', 'x.txt']), /--preferred-vocabulary: unknown vocabulary 'SNOMED' \(known: MESH, DOID/);
    assertOneLineError(await runCli(['annotate', '--no-link', '--vocab', 'terms.tsv', 'x.txt']), /--no-link .* cannot be combined with --preferred-vocabulary, --vocab or --min-score-without-concept/);
    assertOneLineError(await runCli(['annotate', '--min-score-without-concept', '1.5', 'x.txt']), /--min-score-without-concept must be a number between 0 and 1, got '1.5'/);
    assertOneLineError(await runCli(['annotate', '--vocab', 'no-such-terms.tsv', 'x.txt']), /cannot read vocabulary file '.*no-such-terms\.tsv': no such file/, 1);
    assertOneLineError(await runCli(['eval', '--gold', 'g.txt', '--format', 'pubtator', '--preferred-vocabulary', 'DO']), /unknown option '--preferred-vocabulary' for 'eval'/);
    assert.deepEqual(parseArgs(['--vocab', 'a.tsv', '--vocab=b.obo'], { vocab: 'list' }, 'annotate').options.vocab, ['a.tsv', 'b.obo'], '--vocab repeats');
  });

  it('requires input files for annotate and --gold and --format for eval', async () => {
    assertOneLineError(await runCli(['annotate']), /annotate needs at least one FILE/);
    assertOneLineError(await runCli(['eval', '--format', 'conll']), /eval needs --gold FILE/);
    assertOneLineError(await runCli(['eval', '--gold', 'g.txt']), /--format is required \(pubtator\|conll\|bioc\|jsonl\)/);
  });

  it('reports a missing input file before loading any model', async () => {
    assertOneLineError(await runCli(['annotate', 'no-such-note.txt']), /cannot read file '.*no-such-note\.txt': no such file/, 1);
    assertOneLineError(await runCli(['eval', '--gold', 'missing.PubTator.txt', '--format', 'pubtator']), /cannot read gold file/, 1);
  });

  it('reports an unparsable gold file with the line at fault', async () => {
    const conllAsPubTator = await runCli(['eval', '--gold', join(fixtures, 'BC5CDR-IOB-dev-sample.tsv'), '--format', 'pubtator']);
    assertOneLineError(conllAsPubTator, /gold file '.*' is not valid pubtator: line 1: not a PubTator line/, 1);
    const pubtatorAsConll = await runCli(['eval', '--gold', join(fixtures, 'BC5CDR-dev-sample.PubTator.txt'), '--format', 'conll']);
    assertOneLineError(pubtatorAsConll, /not valid conll: line 1: label 'infant.' is not O, B-Type or I-Type/, 1);
  });

  it('reads UTF-8 without its byte-order mark and refuses UTF-16 and binary input instead of guessing', () => {
    assert.equal(decodeText(Buffer.from('\uFEFFSjögren', 'utf8'), 'a.txt'), 'Sjögren');
    assert.throws(() => decodeText(Buffer.from('\uFEFFnote', 'utf16le'), 'b.txt'), /'b.txt' is UTF-16; BioLens reads UTF-8/);
    assert.throws(() => decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'c.docx'), /'c.docx' looks like a binary file/);
    assert.throws(() => decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'd.txt'), /'d.txt' is not valid UTF-8/);
  });

  it('exits non-zero with one error line as a real process', function () {
    this.timeout(20000);
    const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', join('src', 'cli', 'main.ts'), 'annotate', '--bogus'], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, "biolens: error: unknown option '--bogus' for 'annotate' (see 'biolens annotate --help')\n");
  });
});
