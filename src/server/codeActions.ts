// Quick fixes for a standardisation diagnostic: replace this mention with the preferred term,
// replace every mention of the same term in the document, or ignore the term in the workspace
// (a client command that adds it to biolens.ignoredTerms).
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE, IGNORE_TERM_COMMAND, type ServerSettings, type SuggestionData } from '../protocol';
import type { TrackedDocument } from './analysisScheduler';
import { actionableSuggestions } from './publication';

export function suggestionFixes(doc: TrackedDocument, diagnostics: readonly Diagnostic[], settings: ServerSettings): CodeAction[] {
  const uri = doc.document.uri;
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isSuggestionData(diagnostic.data)) continue;
    const { term, replacement } = diagnostic.data;
    actions.push({
      title: `Replace with "${replacement}"`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: diagnostic.range, newText: replacement }] } },
    });
    const sameTerm = actionableSuggestions(doc, settings).filter(
      (a) => a.text.toLowerCase() === term.toLowerCase() && a.suggestion!.replacement === replacement,
    );
    if (sameTerm.length > 1) {
      const edits: TextEdit[] = sameTerm.map((a) => ({
        range: { start: doc.document.positionAt(a.start), end: doc.document.positionAt(a.end) },
        newText: replacement,
      }));
      actions.push({
        title: `Replace all ${sameTerm.length} "${term}" in this document with "${replacement}"`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: edits } },
      });
    }
    actions.push({
      title: `Ignore "${term}" in this workspace`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title: 'Ignore term', command: IGNORE_TERM_COMMAND, arguments: [term] },
    });
  }
  return actions;
}

function isSuggestionData(data: unknown): data is SuggestionData {
  const d = data as Partial<SuggestionData> | undefined;
  return typeof d?.term === 'string' && typeof d.replacement === 'string';
}
