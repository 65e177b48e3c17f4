// What the client receives for a document version: the entities that pass the user's filters,
// and diagnostics for standardisation suggestions only (entity highlights are decorations: a
// Problems panel full of "Disease" entries would drown the actionable items).
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Annotation } from '../engine';
import { DIAGNOSTIC_SOURCE, type DocumentAnnotations, type ServerSettings, type SuggestionData } from '../protocol';
import type { TrackedDocument } from './analysisScheduler';

export function visibleEntities(entities: readonly Annotation[], settings: ServerSettings): Annotation[] {
  const types = new Set(settings.entityTypes);
  return entities.filter((a) => types.has(a.type) && a.score >= settings.minConfidence);
}

export function documentAnnotations(doc: TrackedDocument, settings: ServerSettings): DocumentAnnotations {
  return {
    uri: doc.document.uri,
    version: doc.document.version,
    state: doc.state,
    annotations: visibleEntities(doc.entities, settings).map(withConceptSummary),
    ...(doc.skipped && { skipped: doc.skipped }),
    ...(doc.stats && { stats: doc.stats }),
  };
}

/**
 * The concept cut to what the client shows (id, vocabulary, preferred term): definitions,
 * synonyms and cross-references stay in the server, which renders hovers. Sent on every
 * keystroke, the full concepts of a long note would be hundreds of kilobytes.
 */
function withConceptSummary(a: Annotation): Annotation {
  if (!a.concept) return a;
  const { id, vocabulary, preferred } = a.concept;
  return { ...a, concept: { id, vocabulary, preferred, xrefs: [] } };
}

/** Entities with a suggestion the user has not chosen to ignore. */
export function actionableSuggestions(doc: TrackedDocument, settings: ServerSettings): Annotation[] {
  const ignored = new Set(settings.ignoredTerms);
  return visibleEntities(doc.entities, settings).filter(
    (a) => a.suggestion && a.suggestion.replacement !== a.text && !ignored.has(a.text.toLowerCase()),
  );
}

export function suggestionDiagnostics(doc: TrackedDocument, settings: ServerSettings): Diagnostic[] {
  return actionableSuggestions(doc, settings).map((a) => {
    const suggestion = a.suggestion!;
    const data: SuggestionData = { term: a.text, replacement: suggestion.replacement };
    return {
      range: { start: doc.document.positionAt(a.start), end: doc.document.positionAt(a.end) },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      code: a.type,
      // Reasons read as "lay term for", "abbreviation of", "trade name of": the replacement completes them.
      message: `"${a.text}": ${suggestion.reason} "${suggestion.replacement}", the preferred term`,
      data,
    };
  });
}
