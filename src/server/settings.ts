// The server's settings: defaults that work offline, and a merge that ignores malformed values
// (a client of another editor may send anything as initializationOptions).
import { ENTITY_TYPES, type EntityType } from '../engine';
import { DEFAULT_MIN_SCORE_WITHOUT_CONCEPT } from '../engine/terminology';
import type { ServerSettings } from '../protocol';

export const DEFAULT_SETTINGS: ServerSettings = {
  modelDir: null,
  entityTypes: [...ENTITY_TYPES],
  minConfidence: 0.3,
  minConfidenceWithoutConcept: DEFAULT_MIN_SCORE_WITHOUT_CONCEPT,
  maxFileSize: 1_000_000,
  debounceMs: 75,
  preferredVocabulary: 'MESH',
  ignoredTerms: [],
  incremental: true,
};

export function mergeSettings(base: ServerSettings, raw: unknown): ServerSettings {
  if (!raw || typeof raw !== 'object') return base;
  const given = raw as Partial<Record<keyof ServerSettings, unknown>>;
  const number = (v: unknown, min: number, max: number) => (typeof v === 'number' && v >= min && v <= max ? v : undefined);
  return {
    modelDir: 'modelDir' in given ? (typeof given.modelDir === 'string' && given.modelDir ? given.modelDir : null) : base.modelDir,
    entityTypes: Array.isArray(given.entityTypes)
      ? given.entityTypes.filter((t): t is EntityType => ENTITY_TYPES.includes(t as EntityType))
      : base.entityTypes,
    minConfidence: number(given.minConfidence, 0, 1) ?? base.minConfidence,
    minConfidenceWithoutConcept: number(given.minConfidenceWithoutConcept, 0, 1) ?? base.minConfidenceWithoutConcept,
    maxFileSize: number(given.maxFileSize, 0, Number.MAX_SAFE_INTEGER) ?? base.maxFileSize,
    debounceMs: number(given.debounceMs, 0, 10_000) ?? base.debounceMs,
    preferredVocabulary: typeof given.preferredVocabulary === 'string' ? given.preferredVocabulary : base.preferredVocabulary,
    ignoredTerms: Array.isArray(given.ignoredTerms)
      ? given.ignoredTerms.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase())
      : base.ignoredTerms,
    incremental: typeof given.incremental === 'boolean' ? given.incremental : base.incremental,
  };
}
