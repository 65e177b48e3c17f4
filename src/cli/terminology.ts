// The terminology layer for `annotate` and `eval`: their shared options (--no-link,
// --preferred-vocabulary, --vocab), checked before the model loads, and the loaded layer whose
// warnings go to standard error. The bundled vocabulary is loaded once per process: main() may
// run several commands in one process (the tests do), and it never changes while running.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { listOption, numberOption, stringOption, type OptionSpec, type ParsedArgs } from './args';
import { CliError, UsageError } from './errors';
import type { CliIo } from './io';
import type { Annotation } from '../engine/types';
import type { Document } from '../engine/formats';
import { createTerminology, DEFAULT_MIN_SCORE_WITHOUT_CONCEPT, DEFAULT_VOCABULARY_ORDER, goldIds, KnowledgeBase, type Terminology, type TerminologyOptions } from '../engine/terminology';
import { vocabularyOf, vocabularyPrefix } from '../engine/terminology/vocabularies';

export const TERMINOLOGY_OPTIONS: OptionSpec = { 'no-link': 'boolean', 'preferred-vocabulary': 'string', vocab: 'list', 'min-score-without-concept': 'string' };

export const TERMINOLOGY_HELP = `  --preferred-vocabulary V,...
                    vocabularies whose id and name lead, in order: MeSH (default), DO,
                    HPO, ChEBI, HGNC, NCBITaxon, SYMP, ICD-10-CM
  --vocab FILE      add a vocabulary of your own (.tsv, .obo or a term list); repeatable
  --min-score-without-concept X
                    drop entities that link to no concept and are scored below X
                    (default ${DEFAULT_MIN_SCORE_WITHOUT_CONCEPT}; 0 keeps them all)
  --no-link         skip the terminology layer (no concepts; faster)`;

/** The terminology settings a command line asks for; undefined for --no-link. Throws on bad values. */
export function terminologyOptions(args: ParsedArgs, io: CliIo): TerminologyOptions | undefined {
  if (args.options['no-link']) {
    if (args.options['preferred-vocabulary'] !== undefined || args.options.vocab !== undefined || args.options['min-score-without-concept'] !== undefined) {
      throw new UsageError('--no-link leaves out the terminology layer: it cannot be combined with --preferred-vocabulary, --vocab or --min-score-without-concept');
    }
    return undefined;
  }
  const preferred = (stringOption(args, 'preferred-vocabulary') ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  for (const name of preferred) {
    if (!vocabularyPrefix(name)) {
      const known = DEFAULT_VOCABULARY_ORDER.filter((p) => p !== 'USER').join(', ');
      throw new UsageError(`--preferred-vocabulary: unknown vocabulary '${name}' (known: ${known})`);
    }
  }
  const userVocabularies = listOption(args, 'vocab').map((file) => resolve(io.cwd, file));
  for (const file of userVocabularies) {
    let isFile: boolean;
    try {
      isFile = statSync(file).isFile();
    } catch {
      throw new CliError(`cannot read vocabulary file '${file}': no such file`);
    }
    if (!isFile) throw new CliError(`cannot read vocabulary file '${file}': it is not a file`);
  }
  const minScoreWithoutConcept = numberOption(args, 'min-score-without-concept', { min: 0, max: 1 });
  return { preferredVocabularies: preferred, userVocabularies, ...(minScoreWithoutConcept !== undefined && { minScoreWithoutConcept }) };
}

let bundled: KnowledgeBase | undefined;

/** Loads the terminology layer; its warnings (a missing vocabulary, a bad user file) go to stderr. */
export function loadTerminology(options: TerminologyOptions, io: CliIo, command: string): Terminology {
  // User vocabularies are added to the knowledge base itself, so only a plain one is shared.
  const shared = !options.vocabDir && !options.userVocabularies?.length;
  const knowledgeBase = shared ? (bundled ??= tryLoad()) : undefined;
  const terminology = createTerminology({ ...options, ...(knowledgeBase && { knowledgeBase }) });
  for (const warning of terminology.warnings) io.stderr.write(`${command}: warning: ${warning}\n`);
  return terminology;
}

/** The bundled vocabulary, or undefined when it cannot be read (createTerminology then warns). */
function tryLoad(): KnowledgeBase | undefined {
  try {
    return KnowledgeBase.load();
  } catch {
    return undefined;
  }
}

/**
 * The vocabulary of a gold corpus's concept ids (MESH for BC5CDR's bare D/C numbers): the
 * prefix most of its ids carry, if BioLens knows that vocabulary; undefined when the gold has none.
 */
export function goldVocabulary(documents: readonly { annotations: Annotation[] }[]): string | undefined {
  const counts = new Map<string, number>();
  for (const d of documents) {
    for (const a of d.annotations) {
      for (const id of goldIds(a)) {
        const prefix = vocabularyOf(id)?.prefix;
        if (prefix) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
      }
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}
