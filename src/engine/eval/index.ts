// Mention-level evaluation: strict and lenient precision/recall/F1 per type and micro-averaged.
export { evaluate, type AnnotatingEngine, type EvalReport, type EvaluateOptions } from './evaluate';
export { scoreCorpus, goldTypes, type CorpusScores } from './score';
export { countMatches, type Counts, type Matching } from './match';
export { prf, type Prf, type Scores, type TypeScore } from './metrics';
