// Hover over an entity: the terminology layer's Markdown (concept, definition, ids, context,
// suggestion), or type and confidence when only the model is available.
import type { Hover, Position } from 'vscode-languageserver';
import type { Annotation } from '../engine';
import type { TrackedDocument } from './analysisScheduler';
import type { Terminology } from './terminology';

/** The innermost entity at `offset`: "human" in the gene "human IL-2" is also a species of its own. */
export function entityAt(entities: readonly Annotation[], offset: number): Annotation | undefined {
  let inner: Annotation | undefined;
  for (const a of entities) {
    if (a.start <= offset && offset < a.end && (!inner || a.end - a.start < inner.end - inner.start)) inner = a;
  }
  return inner;
}

export function entityHover(doc: TrackedDocument, visible: readonly Annotation[], position: Position, terminology: Terminology): Hover | null {
  const entity = entityAt(visible, doc.document.offsetAt(position));
  if (!entity) return null;
  return {
    contents: { kind: 'markdown', value: terminology.hoverMarkdown(entity) },
    range: { start: doc.document.positionAt(entity.start), end: doc.document.positionAt(entity.end) },
  };
}
