// Hover over an entity: the terminology layer's Markdown (concept, definition, ids, context,
// suggestion), or type and confidence when only the model is available.
import type { Hover, Position } from 'vscode-languageserver';
import type { Annotation } from '../engine';
import type { TrackedDocument } from './analysisScheduler';
import type { Terminology } from './terminology';

export function entityAt(entities: readonly Annotation[], offset: number): Annotation | undefined {
  return entities.find((a) => a.start <= offset && offset < a.end);
}

export function entityHover(doc: TrackedDocument, visible: readonly Annotation[], position: Position, terminology: Terminology): Hover | null {
  const entity = entityAt(visible, doc.document.offsetAt(position));
  if (!entity) return null;
  return {
    contents: { kind: 'markdown', value: terminology.hoverMarkdown(entity) },
    range: { start: doc.document.positionAt(entity.start), end: doc.document.positionAt(entity.end) },
  };
}
