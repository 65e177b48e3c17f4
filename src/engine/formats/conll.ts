// CoNLL: one `token<TAB>label` line per token (IOB2 labels such as B-Chemical, I-Chemical, O),
// a blank line after each sentence, and optionally `-DOCSTART-` lines between documents.
// The original spacing is not in the file: a document's text is its tokens joined by single spaces.
import type { Annotation } from '../types';
import { FormatError, sortAnnotations, type Document } from './document';
import { EntityTypeMapper } from './entity-type-map';
import { tokenize, type Token } from './tokenize';

export interface ConllReadOptions {
  types?: EntityTypeMapper;
  /** The raw type of untyped `B`/`I` labels (as in s800); map it with the type map. */
  untypedLabel?: string;
}

interface OpenEntity {
  start: number;
  end: number;
  rawType: string;
}

/**
 * With `-DOCSTART-` lines each block between them is a document; without, every sentence is one
 * (the biomedical CoNLL corpora do not mark abstracts). Documents are numbered from 1.
 */
export function readConll(content: string, options: ConllReadOptions = {}): Document[] {
  const types = options.types ?? new EntityTypeMapper();
  const untyped = options.untypedLabel ?? 'ENTITY';
  const lines = content.split(/\r?\n/);
  const hasDocStarts = lines.some((l) => l.startsWith('-DOCSTART-'));
  const documents: Document[] = [];
  let text = '';
  let annotations: Annotation[] = [];
  let open: OpenEntity | undefined;

  const close = () => {
    if (open) {
      const type = types.resolve(open.rawType);
      if (type) annotations.push({ start: open.start, end: open.end, text: text.slice(open.start, open.end), type, score: 1 });
    }
    open = undefined;
  };
  const finishDocument = () => {
    close();
    if (text) documents.push({ id: String(documents.length + 1), text, annotations: sortAnnotations(annotations) });
    text = '';
    annotations = [];
  };

  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.startsWith('-DOCSTART-')) return finishDocument();
    if (raw.trim() === '') return hasDocStarts ? close() : finishDocument();
    const columns = raw.includes('\t') ? raw.split('\t') : raw.trim().split(/\s+/);
    if (columns.length < 2 || columns[0] === '') throw new FormatError(`expected 'token<TAB>label', got ${JSON.stringify(raw)}`, line);
    const token = columns[0];
    const label = parseLabel(columns[columns.length - 1].trim(), untyped, line);
    // I- after O or after another type starts an entity, which also reads IOB1 files correctly.
    if (label.tag === 'O' || label.tag === 'B' || open?.rawType !== label.rawType) close();
    const start = text ? text.length + 1 : 0;
    text += (text ? ' ' : '') + token;
    if (label.tag === 'O') return;
    open ??= { start, end: start, rawType: label.rawType };
    open.end = text.length;
  });
  finishDocument();
  return documents;
}

function parseLabel(label: string, untyped: string, line: number): { tag: 'O' | 'B' | 'I'; rawType: string } {
  if (label === 'O') return { tag: 'O', rawType: '' };
  const match = /^([BIES])(?:-(.+))?$/.exec(label);
  if (!match) throw new FormatError(`label '${label}' is not O, B-Type or I-Type`, line);
  // BIOES: S (single) begins an entity like B, E (end) continues one like I.
  const tag = match[1] === 'B' || match[1] === 'S' ? 'B' : 'I';
  return { tag, rawType: match[2] ?? untyped };
}

/**
 * Writes IOB2. Tokens are split at whitespace, at punctuation and at entity boundaries; a
 * sentence ends after . ! or ? outside an entity and at line breaks. CoNLL cannot nest, so an
 * annotation overlapping an earlier one is left out.
 */
export function writeConll(documents: Document[]): string {
  return documents.map((d) => `-DOCSTART-\tO\n\n${sentences(d).map((s) => `${s.join('\n')}\n\n`).join('')}`).join('');
}

function sentences(document: Document): string[][] {
  const entities = nonOverlapping(document.annotations);
  const breaks = new Set(entities.flatMap((a) => [a.start, a.end]));
  const result: string[][] = [];
  let current: string[] = [];
  let previous: Token | undefined;
  let e = 0;
  for (const token of tokenize(document.text, breaks)) {
    while (e < entities.length && entities[e].end <= token.start) e++;
    const inside = e < entities.length && entities[e].start <= token.start;
    if (previous && document.text.slice(previous.end, token.start).includes('\n') && current.length) {
      result.push(current);
      current = [];
    }
    const label = inside ? `${entities[e].start === token.start ? 'B' : 'I'}-${entities[e].type}` : 'O';
    current.push(`${token.text}\t${label}`);
    if (!inside && /^[.!?]$/.test(token.text)) {
      result.push(current);
      current = [];
    }
    previous = token;
  }
  if (current.length) result.push(current);
  return result;
}

function nonOverlapping(annotations: Annotation[]): Annotation[] {
  const kept: Annotation[] = [];
  for (const a of sortAnnotations([...annotations])) {
    if (!kept.length || a.start >= kept[kept.length - 1].end) kept.push(a);
  }
  return kept;
}
