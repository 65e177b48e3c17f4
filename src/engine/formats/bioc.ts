// BioC XML (bioc.sourceforge.net): a collection of documents made of passages, each passage with
// its offset in the document, its text and its annotations. Annotation locations are offsets in
// the whole document, so readers need not know which passage an annotation sits in.
import type { Annotation } from '../types';
import { conceptFromId, FormatError, sortAnnotations, spanAnnotation, type Document } from './document';
import { EntityTypeMapper } from './entity-type-map';
import { childElements, escapeXml, parseXml, textContent, type XmlElement } from './xml';

export interface BioCWriteOptions {
  source?: string;
  /** yyyymmdd as in BioC's examples; fixed by tests so output is reproducible. */
  date?: string;
}

export function writeBioC(documents: Document[], options: BioCWriteOptions = {}): string {
  const date = options.date ?? new Date().toISOString().slice(0, 10).replace(/-/g, '');
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE collection SYSTEM "BioC.dtd">',
    '<collection>',
    `  <source>${escapeXml(options.source ?? 'BioLens')}</source>`,
    `  <date>${escapeXml(date)}</date>`,
    '  <key>BioLens.key</key>',
  ];
  for (const document of documents) out.push(...documentLines(document));
  out.push('</collection>', '');
  return out.join('\n');
}

function documentLines(document: Document): string[] {
  const lines = ['  <document>', `    <id>${escapeXml(document.id)}</id>`];
  const passages = paragraphs(document.text);
  let number = 0;
  passages.forEach((passage, index) => {
    const end = passages[index + 1]?.offset ?? Infinity;
    lines.push('    <passage>', `      <offset>${passage.offset}</offset>`, `      <text>${escapeXml(passage.text)}</text>`);
    for (const a of document.annotations.filter((a) => a.start >= passage.offset && a.start < end)) {
      lines.push(`      <annotation id="T${++number}">`, `        <infon key="type">${a.type}</infon>`);
      if (a.concept) lines.push(`        <infon key="identifier">${escapeXml(a.concept.id)}</infon>`);
      if (a.concept?.preferred) lines.push(`        <infon key="preferred">${escapeXml(a.concept.preferred)}</infon>`);
      lines.push(
        `        <infon key="score">${a.score}</infon>`,
        `        <location offset="${a.start}" length="${a.end - a.start}"/>`,
        `        <text>${escapeXml(a.text)}</text>`,
        '      </annotation>',
      );
    }
    lines.push('    </passage>');
  });
  lines.push('  </document>');
  return lines;
}

/** Passages are the paragraphs of the text (split at blank lines); BioC needs at least one. */
function paragraphs(text: string): { offset: number; text: string }[] {
  const result: { offset: number; text: string }[] = [];
  const separator = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (const match of text.matchAll(separator)) {
    if (match.index > start) result.push({ offset: start, text: text.slice(start, match.index) });
    start = match.index + match[0].length;
  }
  if (start < text.length || result.length === 0) result.push({ offset: start, text: text.slice(start) });
  return result;
}

export function readBioC(xml: string, types = new EntityTypeMapper()): Document[] {
  const collection = parseXml(xml);
  if (collection.name !== 'collection') throw new FormatError(`the root element is <${collection.name}>, not <collection>`);
  return childElements(collection, 'document').map((document) => readDocument(document, types));
}

function readDocument(document: XmlElement, types: EntityTypeMapper): Document {
  const id = childElements(document, 'id').map(textContent)[0]?.trim() ?? '';
  // Sentence-level BioC keeps text and annotations in <sentence> elements inside passages.
  const units = childElements(document, 'passage').flatMap((p) => {
    const sentences = childElements(p, 'sentence');
    return sentences.length > 0 ? sentences.map((s) => ({ unit: s, extra: childElements(p, 'annotation') })) : [{ unit: p, extra: [] }];
  });
  let text = '';
  const annotationElements: XmlElement[] = [];
  for (const { unit, extra } of units) {
    const offset = Number(childElements(unit, 'offset').map(textContent)[0]);
    if (!Number.isInteger(offset) || offset < text.length) {
      throw new FormatError(`document ${id}: passage offset ${offset} is missing or overlaps the previous passage (ends at ${text.length})`);
    }
    // The characters between passages are not in the file; newlines keep every offset valid.
    text += '\n'.repeat(offset - text.length) + childElements(unit, 'text').map(textContent).join('');
    annotationElements.push(...childElements(unit, 'annotation'), ...extra);
  }
  const annotations: Annotation[] = [];
  for (const element of annotationElements) {
    const annotation = readAnnotation(element, text, id, types);
    if (annotation) annotations.push(annotation);
  }
  return { id, text, annotations: sortAnnotations(annotations) };
}

function readAnnotation(element: XmlElement, text: string, documentId: string, types: EntityTypeMapper): Annotation | undefined {
  const infons = new Map(childElements(element, 'infon').map((i) => [i.attributes.key ?? '', textContent(i)]));
  const locations = childElements(element, 'location');
  const label = `document ${documentId}, annotation ${element.attributes.id ?? '?'}`;
  if (locations.length !== 1) {
    throw new FormatError(`${label} has ${locations.length} locations; BioLens annotations are one contiguous span`);
  }
  const type = types.resolve(infons.get('type') ?? '');
  if (!type) return undefined;
  const start = Number(locations[0].attributes.offset);
  const end = start + Number(locations[0].attributes.length);
  const mention = childElements(element, 'text').map(textContent)[0];
  try {
    const concept = conceptFromId(infons.get('identifier') ?? '');
    if (concept && infons.get('preferred')) concept.preferred = infons.get('preferred')!;
    const annotation = spanAnnotation(text, { start, end, type, mention, concept });
    const score = Number(infons.get('score'));
    if (infons.has('score') && score >= 0 && score <= 1) annotation.score = score;
    return annotation;
  } catch (error) {
    throw new FormatError(`${label}: ${(error as Error).message}`);
  }
}
