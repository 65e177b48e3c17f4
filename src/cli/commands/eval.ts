// `biolens eval`: scores the model against a gold corpus file.
import { basename, resolve } from 'node:path';
import { choiceOption, numberOption, parsedOption, stringOption } from '../args';
import type { Command } from '../command';
import { loadEngine } from '../engine';
import { CliError, UsageError } from '../errors';
import { readTextFile, type CliIo } from '../io';
import { progressReporter } from '../progress';
import { renderReportTable } from '../render/report-table';
import { evaluate, goldTypes } from '../../engine/eval';
import {
  EntityTypeMapper, FormatError, parseEntityTypes, parseTypeMap, readBioC, readConll, readJsonl, readPubTator, type Document,
} from '../../engine/formats';

const GOLD_FORMATS = ['pubtator', 'conll', 'bioc', 'jsonl'] as const;
type GoldFormat = (typeof GOLD_FORMATS)[number];

export const evalCommand: Command = {
  name: 'eval',
  summary: 'score the model on a gold corpus (strict and lenient P/R/F1)',
  options: { gold: 'string', format: 'string', types: 'string', 'type-map': 'string', json: 'boolean', model: 'string', limit: 'string', help: 'boolean' },
  help: `Usage: biolens eval --gold FILE --format pubtator|conll [options]

Annotates every document of a gold corpus and prints precision, recall and F1 per entity type
and micro-averaged: strict (same start, end and type) and lenient (overlapping, same type).
Only the types present in the gold file are scored, unless --types is given.

Options:
  --gold FILE        the gold corpus
  --format F         pubtator (title|t, abstract|a, mention lines), conll (token<TAB>IOB2 label;
                     the text is the tokens joined by single spaces, one document per sentence
                     or per -DOCSTART- block), bioc or jsonl
  --types T,...      score only these types (e.g. Chemical,Disease)
  --type-map M       map gold type names: GENE:Gene,protein:Gene,DNA:- (- ignores a type).
                     Built in: NCBI-disease's SpecificDisease, DiseaseClass, Modifier and
                     CompositeMention -> Disease; the six type names in any case/spelling.
  --json             print the report as one JSON object (scores are fractions 0..1):
                     {"micro":{precision,recall,f1},"byType":{T:{precision,recall,f1,tp,fp,fn}},
                      "lenient":{"micro":…,"byType":…},"documents":N,"tokensPerSecond":N}
  --limit N          only the first N documents
  --model DIR        model folder (default: the bundled model)
  -h, --help         show this help

The table shows percentages. tokens/s counts model tokens per second of annotation time.`,

  async run(args, io) {
    const goldPath = stringOption(args, 'gold');
    if (!goldPath) throw new UsageError('eval needs --gold FILE');
    const format = choiceOption(args, 'format', GOLD_FORMATS);
    const limit = numberOption(args, 'limit', { min: 1, integer: true });
    if (args.positionals.length) throw new UsageError(`eval takes no arguments besides options, got '${args.positionals[0]}'`);
    const mapper = new EntityTypeMapper(parsedOption(args, 'type-map', parseTypeMap));
    const askedTypes = parsedOption(args, 'types', parseEntityTypes);

    const content = await readTextFile(resolve(io.cwd, goldPath), 'gold file');
    const documents = readGold(content, format, mapper, goldPath).slice(0, limit);
    warnUnmapped(mapper, io);
    const types = askedTypes ?? goldTypes(documents);
    if (documents.length === 0) throw new CliError(`no documents in gold file '${goldPath}' (is --format ${format} right?)`);
    if (types.length === 0) throw new CliError('the gold documents have no mentions of BioLens types: give --types, or map their types with --type-map');

    const engine = await loadEngine({ model: stringOption(args, 'model'), cwd: io.cwd });
    try {
      const missing = types.filter((t) => !engine.info.entityTypes.includes(t));
      if (missing.length) io.stderr.write(`eval: model ${engine.info.id} does not predict ${missing.join(', ')}; those scores will be 0\n`);
      const report = await evaluate(engine, documents, { types, onProgress: progressReporter(io.stderr, 'eval') });
      const heading = `gold: ${basename(goldPath)} (${format}) · model: ${engine.info.id} (${engine.info.dtype})`;
      io.stdout.write(args.options.json ? `${JSON.stringify(report)}\n` : renderReportTable(report, heading));
    } finally {
      await engine.dispose();
    }
    return 0;
  },
};

function readGold(content: string, format: GoldFormat, types: EntityTypeMapper, path: string): Document[] {
  try {
    switch (format) {
      case 'pubtator':
        return readPubTator(content, types);
      case 'conll':
        return readConll(content, { types });
      case 'bioc':
        return readBioC(content, types);
      case 'jsonl':
        return readJsonl(content, types);
    }
  } catch (error) {
    if (error instanceof FormatError) throw new CliError(`gold file '${path}' is not valid ${format}: ${error.message}`);
    throw error;
  }
}

function warnUnmapped(mapper: EntityTypeMapper, io: CliIo): void {
  if (mapper.unmapped.size === 0) return;
  const list = [...mapper.unmapped].map(([type, n]) => `${type || '(empty)'} (${n})`).join(', ');
  const [example] = mapper.unmapped.keys();
  io.stderr.write(`eval: ignoring gold mentions of types BioLens does not know: ${list}; map them with e.g. --type-map ${example}:Gene or ${example}:-\n`);
}
