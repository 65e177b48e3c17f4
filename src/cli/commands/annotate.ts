// `biolens annotate`: finds entities in plain-text or Markdown notes, one document per file.
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { choiceOption, numberOption, parsedOption, stringOption } from '../args';
import type { Command } from '../command';
import { loadEngine } from '../engine';
import { CliError, UsageError } from '../errors';
import { readTextFile, useColor, type CliIo } from '../io';
import { progressReporter } from '../progress';
import { renderPretty } from '../render/pretty';
import { loadTerminology, TERMINOLOGY_HELP, TERMINOLOGY_OPTIONS, terminologyOptions } from '../terminology';
import { annotateThrough, type Enrich } from '../../engine/annotateThrough';
import { parseEntityTypes, writeBioC, writeBratAnn, writeJsonl, writePubTator, type Document } from '../../engine/formats';
import { noteOptionsOfFile } from '../../engine/terminology';

const FORMATS = ['pretty', 'jsonl', 'pubtator', 'brat', 'bioc'] as const;
type OutputFormat = (typeof FORMATS)[number];
const BATCH = 8;

export const annotateCommand: Command = {
  name: 'annotate',
  summary: 'find entities in text or Markdown notes, with their standard concepts',
  options: { format: 'string', model: 'string', types: 'string', 'min-score': 'string', 'out-dir': 'string', ...TERMINOLOGY_OPTIONS, help: 'boolean' },
  help: `Usage: biolens annotate FILE... | - [options]

Finds chemicals, diseases, genes, species, cell lines and cell types in each FILE (plain text or
Markdown, UTF-8; the whole file is one document named after the file). '-' reads standard input.
Each entity is linked to its concept in the bundled vocabulary (MeSH, DO, HPO, ChEBI, HGNC, NCBI
Taxonomy, ICD-10-CM), marked negated/uncertain/historical/family from its context, and given a
standardisation suggestion when it is a non-preferred name.

Options:
  --format F        pretty (default: coloured text on a terminal, [text]{Type ID} otherwise,
                    then each concept's preferred name), jsonl (everything: concept,
                    context, suggestion), pubtator (concept id column), brat (N lines),
                    bioc (identifier and preferred infons)
  --model DIR       model folder (default: the bundled model)
  --types T,...     only these types: Chemical,Disease,Gene,Species,CellLine,CellType
  --min-score X     drop entities scored below X (0..1)
  --out-dir DIR     brat: write NAME.txt and NAME.ann per document into DIR
                    (needed for brat with more than one input)
${TERMINOLOGY_HELP}
  -h, --help        show this help

Offsets are UTF-16 code units, start inclusive, end exclusive. Colours are off when standard
output is not a terminal or NO_COLOR is set.`,

  async run(args, io) {
    const format = choiceOption(args, 'format', FORMATS, 'pretty');
    const types = parsedOption(args, 'types', parseEntityTypes);
    const minScore = numberOption(args, 'min-score', { min: 0, max: 1 });
    const outDir = stringOption(args, 'out-dir');
    if (args.positionals.length === 0) throw new UsageError("annotate needs at least one FILE (or '-' for standard input)");
    if (format === 'brat' && args.positionals.length > 1 && !outDir) {
      throw new UsageError('brat writes one .ann file per document: give --out-dir DIR for more than one input');
    }
    const linking = terminologyOptions(args, io);
    const inputs = await readInputs(args.positionals, io);

    const engine = await loadEngine({ model: stringOption(args, 'model'), cwd: io.cwd });
    try {
      const terminology = linking && loadTerminology(linking, io, 'annotate');
      const progress = inputs.length > BATCH ? progressReporter(io.stderr, 'annotate') : undefined;
      const color = useColor(io.stdout, io.env);
      const documents: Document[] = [];
      for (let i = 0; i < inputs.length; i += BATCH) {
        const batch = inputs.slice(i, i + BATCH);
        // A .note or .cnote file (the editor's Clinical Note language) is a note whatever its shape.
        const enrich: Enrich | undefined = terminology ? (text, found, j) => terminology.enrich(text, found, noteOptionsOfFile(batch[j].id)) : undefined;
        const results = await annotateThrough(engine, batch.map((d) => d.text), { types, minScore }, enrich);
        documents.push(...batch.map((d, j) => ({ ...d, annotations: results[j] })));
        progress?.(documents.length, inputs.length);
        if (format === 'pretty') for (const d of documents.slice(i)) io.stdout.write(renderPretty(d, color));
      }
      if (format !== 'pretty') await writeOutput(format, documents, io, outDir);
    } finally {
      await engine.dispose();
    }
    return 0;
  },
};

async function readInputs(paths: string[], io: CliIo): Promise<Omit<Document, 'annotations'>[]> {
  if (paths.filter((p) => p === '-').length > 1) throw new UsageError("'-' (standard input) can be given only once");
  const inputs = [];
  for (const path of paths) {
    const text = path === '-' ? await io.readStdin() : await readTextFile(resolve(io.cwd, path));
    inputs.push({ id: path === '-' ? 'stdin' : basename(path), text });
  }
  return inputs;
}

async function writeOutput(format: Exclude<OutputFormat, 'pretty'>, documents: Document[], io: CliIo, outDir?: string): Promise<void> {
  switch (format) {
    case 'jsonl':
      return void io.stdout.write(writeJsonl(documents));
    case 'pubtator':
      return void io.stdout.write(writePubTator(documents));
    case 'bioc':
      return void io.stdout.write(writeBioC(documents));
    case 'brat':
      if (!outDir) return void io.stdout.write(writeBratAnn(documents[0]));
      return writeBratFiles(documents, resolve(io.cwd, outDir));
  }
}

async function writeBratFiles(documents: Document[], dir: string): Promise<void> {
  const names = documents.map((d) => d.id.replace(/\.(txt|md|markdown)$/i, ''));
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) throw new CliError(`two inputs would both be written as '${repeated}.ann' in ${dir}`);
  await mkdir(dir, { recursive: true });
  for (const [i, document] of documents.entries()) {
    await writeFile(join(dir, `${names[i]}.txt`), document.text);
    await writeFile(join(dir, `${names[i]}.ann`), writeBratAnn(document));
  }
}
