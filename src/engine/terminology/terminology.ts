// The one entry point that enriches NER output: createTerminology() loads the knowledge base
// once; enrich(text, annotations) then adds, to each annotation, its concept (linking with the
// document's own abbreviation definitions), its context (negated / uncertain / historical /
// family) and a standardisation suggestion. Each piece is also usable alone (KnowledgeBase,
// Linker, findAbbreviations, detectContext, suggest, hoverMarkdown), as in scispaCy.
import type { Annotation } from '../types';
import { documentAbbreviations, type DocumentAbbreviations } from './abbreviations';
import { DEFAULT_VOCABULARY_ORDER, toConcept } from './concepts';
import { detectContext } from './context';
import { applyDrugInduced } from './drugInduced';
import { abbreviationsOfOtherThings, DEFAULT_MIN_SCORE_WITHOUT_CONCEPT, shortFormsOfNonEntities, isClinicalModifier, isUnknownWord, isUnsureWithoutConcept } from './unknownWords';
import { retypeByVocabulary, retypeCoordinatedSymbols } from './vocabularyTypes';
import { joinVocabularyNames } from './vocabularyBoundaries';
import { nestedDiseases } from './nestedDiseases';
import { nestedGenes } from './nestedGenes';
import { listedConditions } from './listedConditions';
import { isClinicalShorthand } from './clinicalShorthand';
import { withCuratedAbbreviationMentions } from './curatedMentions';
import { clinicalSenses, isClinicalNote, withOtherSenses, type NoteOptions } from './clinicalNote';
import { SpanIndex } from '../spanIndex';
import { hoverMarkdown } from './hover';
import { KnowledgeBase, VocabularyLoadError } from './knowledgeBase';
import { Linker, type LinkerOptions } from './linker';
import { protectedRanges } from './protectedRanges';
import { Suggester } from './suggestions';
import { vocabularyPrefix } from './vocabularies';

export interface TerminologyOptions {
  /** Compiled vocabulary folder; default: the bundled models/vocab. */
  vocabDir?: string;
  /** An already loaded knowledge base (shared between documents or engines). */
  knowledgeBase?: KnowledgeBase;
  /** User vocabulary files (.tsv, .obo, term lists) to add. */
  userVocabularies?: string[];
  /** Linker settings: fuzzy threshold, corpus-name weight, target vocabularies. */
  linker?: LinkerOptions;
  /**
   * Vocabularies in order of preference for the leading id and the preferred term, by prefix
   * or name: "MESH" or "MeSH", "DOID" or "DO", "HP" or "HPO", ... (default MeSH first).
   */
  preferredVocabularies?: string[];
  /** Terms (as written) or concept ids that never get a suggestion. */
  ignore?: string[];
  /** Default true each. */
  context?: boolean;
  suggestions?: boolean;
  /**
   * Default true: a plain name the vocabulary gives another type than the model's takes the
   * vocabulary's (vocabularyTypes.ts). False where the types are given, as for gold mentions.
   */
  vocabularyTypes?: boolean;
  /**
   * A mention the model found that links to no concept is left out below this confidence
   * (default DEFAULT_MIN_SCORE_WITHOUT_CONCEPT, 0.7; 0 keeps every one). Not applied to given
   * mentions (`vocabularyTypes: false`) nor without a vocabulary (nothing could be confirmed).
   */
  minScoreWithoutConcept?: number;
}

export interface Terminology {
  readonly kb: KnowledgeBase;
  readonly linker: Linker;
  /** Problems met while loading (e.g. a missing vocabulary): the terminology still works, degraded. */
  readonly warnings: string[];
  /**
   * Copies of `annotations` with concept, context and suggestion added. Offsets unchanged; a
   * plain name the vocabulary types otherwise takes that type (`modelType` keeps the model's),
   * and the name of a body part alone is left out (vocabularyTypes.ts). The clinical
   * abbreviations the model left out are added first (withVocabularyMentions).
   */
  enrich(text: string, annotations: Annotation[], options?: NoteOptions): Annotation[];
  /**
   * `annotations` (a whole document's, in document order) with the entities the vocabulary alone
   * finds: the curated clinical abbreviations a note writes bare ("Hx of DVT", and in a clinical
   * note "r/o PE"; curatedMentions.ts).
   * `abbreviations` are those of `text`, passed by a caller that already found them.
   */
  withVocabularyMentions(text: string, annotations: Annotation[], abbreviations?: DocumentAbbreviations, options?: NoteOptions): Annotation[];
  /**
   * enrich(), per annotation what it became: none when left out or joined into the mention before
   * or after it, itself (perhaps widened to a name it was part of), then the diseases and genes
   * named inside it. `abbreviations` are those of `text`, passed by a caller that already found them;
   * `documentAnnotations`, all of the document's entities when `annotations` are only some of
   * them (the server enriches changed paragraphs alone): whether the model took an abbreviation's
   * long form for an entity is a fact about the whole document.
   */
  enrichEach(text: string, annotations: Annotation[], abbreviations?: DocumentAbbreviations, documentAnnotations?: readonly Annotation[], options?: NoteOptions): Annotation[][];
  /** The hover Markdown of an enriched annotation (vocabulary versions filled in). */
  hoverMarkdown(annotation: Annotation): string;
}

export function createTerminology(opts: TerminologyOptions = {}): Terminology {
  const warnings: string[] = [];
  let kb = opts.knowledgeBase;
  if (!kb) {
    try {
      kb = KnowledgeBase.load(opts.vocabDir);
    } catch (e) {
      kb = emptyAfterLoadError(e, warnings);
    }
  }
  return withKnowledgeBase(kb, opts, warnings);
}

/** createTerminology() with the vocabulary read off the event loop (KnowledgeBase.loadAsync). */
export async function loadTerminology(opts: TerminologyOptions = {}): Promise<Terminology> {
  const warnings: string[] = [];
  const kb = opts.knowledgeBase ?? (await KnowledgeBase.loadAsync(opts.vocabDir).catch((e) => emptyAfterLoadError(e, warnings)));
  return withKnowledgeBase(kb, opts, warnings);
}

function withKnowledgeBase(kb: KnowledgeBase, opts: TerminologyOptions, warnings: string[]): Terminology {
  for (const file of opts.userVocabularies ?? []) {
    try {
      kb.addUserVocabulary(file);
    } catch (e) {
      warnings.push((e as Error).message);
    }
  }
  const linker = new Linker(kb, opts.linker);
  const preferred = (opts.preferredVocabularies ?? []).map(vocabularyPrefix).filter((p): p is string => !!p);
  // A workspace's own terms lead unless the setting places USER elsewhere.
  const order = [...new Set([...(preferred.includes('USER') ? [] : ['USER']), ...preferred, ...DEFAULT_VOCABULARY_ORDER])];
  const versions = Object.fromEntries((kb.manifest?.sources ?? []).map((s) => [s.prefix, s.version]));
  // MeSH alone is the default order, not a choice: lay terms then keep HPO's pairing.
  const chose = preferred.some((p) => p !== 'MESH');
  const suggester = new Suggester(kb, { preferredVocabularies: order, userChoseVocabularies: chose, ignore: opts.ignore });

  const minScoreWithoutConcept = opts.minScoreWithoutConcept ?? DEFAULT_MIN_SCORE_WITHOUT_CONCEPT;
  const enrichEach = (text: string, modelAnnotations: Annotation[], { definitions, linking: defined } = documentAbbreviations(text), documentAnnotations: readonly Annotation[] = modelAnnotations, options: NoteOptions = {}): Annotation[][] => {
    const byVocabulary = opts.vocabularyTypes !== false;
    // A clinical note's ambiguous abbreviations mean the curated list's first sense, as if the
    // note had defined them (clinicalNote.ts).
    const clinical = byVocabulary && isClinicalNote(text, options);
    const senses = clinical ? clinicalSenses(kb, definitions) : undefined;
    const linking = senses?.size ? new Map([...senses, ...defined]) : defined;
    const typed = byVocabulary ? retypeCoordinatedSymbols(text, linker, retypeByVocabulary(linker, modelAnnotations, linking, clinical ? text : undefined)) : modelAnnotations;
    // What each model annotation became, with the index it came from: the vocabulary joins names
    // the model cut in two and adds the diseases named inside gene and cell mentions, the genes
    // named inside disease and cell mentions and the conditions listed beside a disease.
    let items = typed.flatMap((a, from) => (a ? [{ a, from }] : []));
    if (byVocabulary) {
      const joined = joinVocabularyNames(text, items.map((x) => x.a), linker);
      items = items.flatMap((x, k) => (joined[k] ? [{ a: joined[k]!, from: x.from }] : []));
      const found = items.map((x) => x.a);
      const index = new SpanIndex(found);
      const diseases = nestedDiseases(text, found, linker, index);
      const genes = nestedGenes(text, found, linker, index);
      const listed = listedConditions(text, found, linker, index);
      items = items.flatMap((x, k) => [x, ...[...diseases[k], ...genes[k], ...listed[k]].map((a) => ({ a, from: x.from }))]);
    }
    const annotations = items.map((x) => x.a);
    const contexts = opts.context === false ? [] : detectContext(text, annotations);
    const guarded = opts.suggestions === false ? [] : protectedRanges(text);
    const links = applyDrugInduced(linker, text, annotations, annotations.map((a) => withOtherSenses(linker, a, linker.link(a.text, a.type, linking), senses)));
    const abbreviatesOtherThing = abbreviationsOfOtherThings(shortFormsOfNonEntities(definitions, documentAnnotations), linker, kb);
    const result: Annotation[][] = modelAnnotations.map(() => []);
    annotations.forEach((a, i) => {
      if (byVocabulary && (abbreviatesOtherThing(a) || isClinicalShorthand(a, text))) return;
      if (byVocabulary && (isUnknownWord(a, links[i]) || isClinicalModifier(a, links[i], kb) || (kb.size > 0 && isUnsureWithoutConcept(a, links[i], minScoreWithoutConcept)))) return;
      const enriched: Annotation = { ...a };
      const link = links[i];
      if (link) enriched.concept = toConcept(kb, link, order);
      if (contexts[i]) enriched.context = contexts[i];
      if (link && opts.suggestions !== false) {
        const suggestion = suggester.suggest(a, link, { text, definitions, protectedRanges: guarded });
        if (suggestion) enriched.suggestion = suggestion;
      }
      result[items[i].from].push(enriched);
    });
    return result;
  };

  const withVocabularyMentions = (text: string, annotations: Annotation[], abbreviations = documentAbbreviations(text), options: NoteOptions = {}) =>
    opts.vocabularyTypes === false ? annotations : withCuratedAbbreviationMentions(text, annotations, kb, abbreviations.definitions, isClinicalNote(text, options));
  return {
    kb,
    linker,
    warnings,
    enrich: (text, annotations, options) => {
      const abbreviations = documentAbbreviations(text);
      const note = { clinicalNote: isClinicalNote(text, options) }; // told once for both steps
      const all = withVocabularyMentions(text, annotations, abbreviations, note);
      return enrichEach(text, all, abbreviations, all, note).flat();
    },
    enrichEach,
    withVocabularyMentions,
    hoverMarkdown: (annotation) => hoverMarkdown(annotation, { versions }),
  };
}

/** A vocabulary that cannot load leaves the terminology working on user vocabularies alone. */
function emptyAfterLoadError(e: unknown, warnings: string[]): KnowledgeBase {
  if (!(e instanceof VocabularyLoadError)) throw e;
  warnings.push(`${e.message}; concepts come from user vocabularies only`);
  return KnowledgeBase.empty();
}
