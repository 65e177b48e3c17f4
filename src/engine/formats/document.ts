// The document model every reader produces and every writer consumes: one text and its
// annotations, with offsets in UTF-16 code units into `text` (see src/engine/types.ts).
import type { Annotation, Concept, EntityType } from '../types';

export interface Document {
  id: string;
  text: string;
  annotations: Annotation[];
}

/** A file that does not follow its format. `line` is 1-based when known. */
export class FormatError extends Error {
  constructor(message: string, readonly line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'FormatError';
  }
}

/**
 * Builds a gold annotation for `text[start, end)` after checking the span lies inside the text
 * and, when the file states the mention text too, that it matches. Whitespace characters are
 * compared as equal because line-based formats must write a newline inside a mention as a space,
 * and whitespace after the mention is ignored.
 */
export function spanAnnotation(
  text: string,
  span: { start: number; end: number; type: EntityType; mention?: string; concept?: Concept },
  line?: number,
): Annotation {
  const { start, end, type, mention, concept } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > text.length) {
    throw new FormatError(`span ${start}-${end} is outside the document text (length ${text.length})`, line);
  }
  const actual = text.slice(start, end);
  if (mention !== undefined && !sameSurface(mention, actual)) {
    throw new FormatError(`mention ${JSON.stringify(mention)} does not match the text at ${start}-${end}: ${JSON.stringify(actual)}`, line);
  }
  const annotation: Annotation = { start, end, text: actual, type, score: 1 };
  if (concept) annotation.concept = concept;
  return annotation;
}

function sameSurface(a: string, b: string): boolean {
  // Trailing whitespace in the mention column is the file's, not the span's: NCBI-disease's
  // training set writes 'febrile seizures " plus "  ' for a 50-character span.
  const spaced = (s: string) => s.replace(/\s/g, ' ').trimEnd();
  return spaced(a) === spaced(b);
}

/** Document order: by start, then longer first, so nested mentions follow their container. */
export function sortAnnotations(annotations: Annotation[]): Annotation[] {
  return annotations.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** A concept known only by its identifier, as gold files give it. */
export function conceptFromId(rawId: string): Concept | undefined {
  const id = rawId.trim();
  // '-' is what our writers emit for "no concept"; '-1' is BC5CDR's "could not be normalised".
  if (id === '' || id === '-' || id === '-1') return undefined;
  const prefixed = /^[CD]\d+$/.test(id) ? `MESH:${id}` : id;
  const prefix = /^([A-Za-z][\w.]*):/.exec(prefixed)?.[1];
  return { id: prefixed, vocabulary: prefix ? vocabularyName(prefix) : '', preferred: '', xrefs: [] };
}

function vocabularyName(prefix: string): string {
  const known: Record<string, string> = { MESH: 'MeSH', OMIM: 'OMIM', NCBIGENE: 'NCBI Gene', NCBITAXON: 'NCBI Taxonomy' };
  return known[prefix.toUpperCase()] ?? prefix;
}
