// `biolens eval`: scores the model against a gold corpus file.
import { basename, resolve } from 'node:path';
import { choiceOption, numberOption, parsedOption, stringOption } from '../args';
import type { Command } from '../command';
import { loadEngine } from '../engine';
import { CliError, UsageError } from '../errors';
import { readTextFile, type CliIo } from '../io';
import { progressReporter } from '../progress';
import { renderReportTable } from '../render/report-table';
import { linkingSection } from '../linking';
import { goldVocabulary, loadTerminology, TERMINOLOGY_OPTIONS, terminologyOptions } from '../terminology';
import { evaluate, goldTypes } from '../../engine/eval';
import type { Annotation } from '../../engine/types';
import { createTerminology, DEFAULT_MIN_SCORE_WITHOUT_CONCEPT, type Terminology } from '../../engine/terminology';
import {
  EntityTypeMapper, FormatError, parseEntityTypes, parseTypeMap, readBioC, readConll, readJsonl, readPubTator, type Document,
} from '../../engine/formats';

const GOLD_FORMATS = ['pubtator', 'conll', 'bioc', 'jsonl'] as const;
type GoldFormat = (typeof GOLD_FORMATS)[number];

export const evalCommand: Command = {
  name: 'eval',
  summary: 'score the model on a gold corpus (strict and lenient P/R/F1, concept linking)',
  options: {
    gold: 'string', format: 'string', types: 'string', 'type-map': 'string', json: 'boolean', model: 'string', limit: 'string',
    'no-link': TERMINOLOGY_OPTIONS['no-link'], vocab: TERMINOLOGY_OPTIONS.vocab,
    'min-score-without-concept': TERMINOLOGY_OPTIONS['min-score-without-concept'], help: 'boolean',
  },
  help: `Usage: biolens eval --gold FILE --format pubtator|conll [options]

Annotates every document of a gold corpus and prints precision, recall and F1 per entity type
and micro-averaged: strict (same start, end and type) and lenient (overlapping, same type).
Only the types present in the gold file are scored, unless --types is given.
When the gold mentions carry concept ids (PubTator's id column, BRAT N lines, BioC identifier
infons), a linking section follows: per type, the accuracy@1 of the concept BioLens links each
predicted mention to, on the predicted mentions whose span matches a gold mention, and the
document-level id precision/recall/F1 of BioCreative V CDR. Linking is restricted to concepts
with an id of the gold's vocabulary (MeSH for BC5CDR); older ids count as their current ones.

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
                      "lenient":{"micro":…,"byType":…},"documents":N,"tokensPerSecond":N,
                      "linking":{"vocabulary":"MESH","byType":{T:{mentions,accuracy,precision,
                      recall,f1}},"overall":{…}}}   (linking only when it ran)
  --limit N          only the first N documents
  --model DIR        model folder (default: the bundled model)
  --vocab FILE       add a vocabulary of your own (.tsv, .obo or a term list); repeatable
  --min-score-without-concept X
                     leave out entities that link to no concept and are scored below X, as
                     annotate does (default ${DEFAULT_MIN_SCORE_WITHOUT_CONCEPT}; 0 keeps them all)
  --no-link          the model's output alone: no terminology layer, no linking section
  -h, --help         show this help

The table shows percentages. tokens/s counts model tokens per second of annotation time (model
and terminology layer). The scores are of what annotate prints: the terminology layer may retype
a plain name the vocabulary gives another type (\`--no-link\`: the model's output alone).`,

  async run(args, io) {
    const goldPath = stringOption(args, 'gold');
    if (!goldPath) throw new UsageError('eval needs --gold FILE');
    const format = choiceOption(args, 'format', GOLD_FORMATS);
    const limit = numberOption(args, 'limit', { min: 1, integer: true });
    if (args.positionals.length) throw new UsageError(`eval takes no arguments besides options, got '${args.positionals[0]}'`);
    const mapper = new EntityTypeMapper(parsedOption(args, 'type-map', parseTypeMap));
    const askedTypes = parsedOption(args, 'types', parseEntityTypes);
    const linking = terminologyOptions(args, io);

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
      // The terminology layer runs whenever it may, as in annotate: the entities scored are those a
      // user gets (retyped or left out by it). Linking is scored only against gold ids, so those
      // entities are then linked again by a linker restricted to the gold's own vocabulary.
      const vocabulary = linking && goldVocabulary(documents);
      const terminology = linking && loadTerminology({ ...linking, context: false, suggestions: false }, io, 'eval');
      const { predictions, ...report } = await evaluate(engine, documents, {
        types, onProgress: progressReporter(io.stderr, 'eval'), keepPredictions: !!vocabulary, enrich: terminology ? (text, found) => terminology.enrich(text, found) : undefined,
      });
      const section = terminology && vocabulary && predictions ? scoreLinking(terminology, documents, predictions, vocabulary) : undefined;
      const heading = `gold: ${basename(goldPath)} (${format}) · model: ${engine.info.id} (${engine.info.dtype})`;
      if (args.options.json) {
        const withLinking = section ? { ...report, linking: { vocabulary, ...section.json } } : report;
        io.stdout.write(`${JSON.stringify(withLinking)}\n`);
      } else {
        io.stdout.write(renderReportTable(report, heading) + (section ? `\n${section.text}` : ''));
      }
    } finally {
      await engine.dispose();
    }
    return 0;
  },
};

/** The linking section of the predicted mentions (as `terminology` gave them), linked within `vocabulary` alone. */
function scoreLinking(terminology: Terminology, documents: Document[], predicted: Annotation[][], vocabulary: string) {
  const restricted = createTerminology({
    knowledgeBase: terminology.kb, linker: { restrictTo: [vocabulary] }, vocabularyTypes: false, minScoreWithoutConcept: 0, context: false, suggestions: false,
  });
  const linked = predicted.map((found, i) => restricted.enrich(documents[i].text, found.map(({ concept: _other, ...a }) => a)));
  const { byType: { all: overall, ...byType }, text } = linkingSection(restricted, documents, linked, vocabulary);
  return { json: { byType, overall }, text };
}

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
