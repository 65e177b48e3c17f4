// JSON Lines: one `{"id", "text"?, "annotations": [...]}` object per line, annotations in the
// engine's Annotation shape. `text` may be left out when only the annotations matter.
import type { Annotation } from '../types';
import { FormatError, sortAnnotations, spanAnnotation, type Document } from './document';
import { EntityTypeMapper } from './entity-type-map';

export function writeJsonl(documents: Document[]): string {
  return documents.map((d) => `${JSON.stringify({ id: d.id, text: d.text, annotations: d.annotations })}\n`).join('');
}

export function readJsonl(content: string, types = new EntityTypeMapper()): Document[] {
  const documents: Document[] = [];
  content.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    const line = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new FormatError(`not JSON: ${(error as Error).message}`, line);
    }
    documents.push(readDocument(value, types, line));
  });
  return documents;
}

function readDocument(value: unknown, types: EntityTypeMapper, line: number): Document {
  const object = value as { id?: unknown; text?: unknown; annotations?: unknown };
  if (typeof object !== 'object' || object === null || typeof object.id !== 'string' || !Array.isArray(object.annotations)) {
    throw new FormatError('expected an object with a string "id" and an "annotations" array', line);
  }
  if (object.text !== undefined && typeof object.text !== 'string') throw new FormatError('"text" must be a string', line);
  const text = object.text;
  const annotations: Annotation[] = [];
  for (const item of object.annotations as Partial<Annotation>[]) {
    if (typeof item !== 'object' || item === null || typeof item.type !== 'string') throw new FormatError('an annotation without a "type"', line);
    const type = types.resolve(item.type);
    if (!type) continue;
    const { start, end, text: mention } = item as { start: number; end: number; text?: string };
    // Without the document text the offsets cannot be checked against it, so the mention is required.
    const checked = text !== undefined ? spanAnnotation(text, { start, end, type, mention }, line) : standalone(start, end, mention, line);
    annotations.push({ ...item, ...checked, type, score: typeof item.score === 'number' ? item.score : 1 });
  }
  return { id: object.id, text: text ?? '', annotations: sortAnnotations(annotations) };
}

function standalone(start: number, end: number, mention: string | undefined, line: number) {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) throw new FormatError(`bad span ${start}-${end}`, line);
  if (typeof mention !== 'string') throw new FormatError('an annotation needs "text" when the document has none', line);
  return { start, end, text: mention };
}
