// PubTator: `id|t|title`, `id|a|abstract`, then one tab-separated line per mention
// (`id start end mention type conceptId [individual mentions]`), documents separated by a blank
// line. Offsets count in `title + ' ' + abstract`. Other tab lines (BC5CDR's CID relations) are skipped.
import type { Annotation } from '../types';
import { conceptFromId, FormatError, sortAnnotations, spanAnnotation, type Document } from './document';
import { EntityTypeMapper } from './entity-type-map';

interface PendingDocument {
  id: string;
  title?: string;
  abstract?: string;
  mentions: { fields: string[]; line: number }[];
}

export function readPubTator(content: string, types = new EntityTypeMapper()): Document[] {
  const documents: Document[] = [];
  let pending: PendingDocument | undefined;
  const finish = () => {
    if (pending) documents.push(finishDocument(pending, types));
    pending = undefined;
  };

  content.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return finish();
    const passage = /^([^|\t]+)\|([ta])\|(.*)$/.exec(raw);
    if (passage) {
      const [, id, kind, body] = passage;
      if (pending && pending.id !== id) finish();
      pending ??= { id, mentions: [] };
      if ((kind === 't' ? pending.title : pending.abstract) !== undefined) {
        throw new FormatError(`document ${id} has a second |${kind}| line`, line);
      }
      if (kind === 't') pending.title = body;
      else pending.abstract = body;
      return;
    }
    const fields = raw.split('\t');
    if (fields.length < 4) throw new FormatError(`not a PubTator line: ${JSON.stringify(raw.slice(0, 60))}`, line);
    if (!pending || pending.id !== fields[0]) throw new FormatError(`annotation for ${fields[0]} is not under that document's |t| line`, line);
    if (/^\d+$/.test(fields[1])) pending.mentions.push({ fields, line });
    // else: a relation line such as `id CID chemical disease`; relations are not annotations.
  });
  finish();
  return documents;
}

function finishDocument(pending: PendingDocument, types: EntityTypeMapper): Document {
  const title = pending.title ?? '';
  const abstract = pending.abstract ?? '';
  const text = abstract ? `${title} ${abstract}` : title;
  const annotations: Annotation[] = [];
  for (const { fields, line } of pending.mentions) {
    const [, start, end, mention, rawType = '', conceptId = '-'] = fields;
    if (!/^\d+$/.test(end)) throw new FormatError(`end offset '${end}' is not a number`, line);
    const type = types.resolve(rawType.trim());
    if (!type) continue;
    annotations.push(spanAnnotation(text, { start: Number(start), end: Number(end), type, mention, concept: conceptFromId(conceptId) }, line));
  }
  return { id: pending.id, text, annotations: sortAnnotations(annotations) };
}

/**
 * The title is the text up to its first newline, the abstract the rest. Tabs and line breaks
 * become spaces one for one, so every offset stays valid in the written file.
 */
export function writePubTator(documents: Document[]): string {
  return documents.map(writeDocument).join('');
}

function writeDocument(document: Document): string {
  const flat = (s: string) => s.replace(/[\t\r\n]/g, ' ');
  const id = document.id.replace(/[|\t\r\n]/g, '_') || '-';
  const newline = document.text.indexOf('\n');
  const title = newline < 0 ? document.text : document.text.slice(0, newline);
  const abstract = newline < 0 ? '' : document.text.slice(newline + 1);
  const lines = [`${id}|t|${flat(title)}`, `${id}|a|${flat(abstract)}`];
  for (const a of document.annotations) {
    lines.push([id, a.start, a.end, flat(a.text), a.type, a.concept?.id ?? '-'].join('\t'));
  }
  return `${lines.join('\n')}\n\n`;
}
