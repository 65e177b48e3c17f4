// Terminology: standard concepts, definitions, context and standardisation suggestions for the
// entities the NER model finds. Engine only (no vscode). See terminology.ts for the entry point.
export { createTerminology, loadTerminology, type Terminology, type TerminologyOptions } from './terminology';
export { DEFAULT_MIN_SCORE_WITHOUT_CONCEPT, shortFormsOfNonEntities } from './unknownWords';
export { KnowledgeBase, VocabularyLoadError, defaultVocabDir, type FuzzyName } from './knowledgeBase';
export { Linker, type LinkerOptions, type LinkMethod, type LinkResult } from './linker';
export {
  findAbbreviations,
  abbreviationMap,
  bestLongForm,
  linkingAbbreviations,
  documentAbbreviations,
  type AbbreviationDefinition,
  type DocumentAbbreviations,
} from './abbreviations';
export { binomialAbbreviations } from './binomials';
export { isClinicalNote, isClinicalNoteFile, noteOptionsOfFile, type NoteOptions } from './clinicalNote';
export { ContextDetector, detectContext, type ContextOptions } from './context';
export { DEFAULT_CONTEXT_RULES, type ContextRule, type ContextCategory } from './contextRules';
export { Suggester, type SuggesterOptions } from './suggestions';
export { protectedRanges } from './protectedRanges';
export { hoverMarkdown, type HoverOptions } from './hover';
export { toConcept, preferredTerm, DEFAULT_VOCABULARY_ORDER } from './concepts';
export { normalizeTerm, termKeys, unorderedKey } from './normalize';
export { conceptUrl, vocabularyOf } from './vocabularies';
export { readUserVocabulary, parseUserTsv, parseUserObo, parseTermList, type UserConcept } from './userVocabulary';
export { linkingAccuracy, documentIdScores, goldIds, accuracy, versionEquivalents, type AccuracyOptions, type LinkingReport, type TypeAccuracy } from './linkingEval';
export type { ConceptRecord, NameKind, NameEntry } from './vocabFormat';
