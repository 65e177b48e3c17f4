// BRAT standoff: the text lives in NAME.txt, the annotations in NAME.ann as
// `T1<TAB>Type start end<TAB>mention` lines, with `N1<TAB>Reference T1 DB:ID<TAB>preferred` lines
// for normalisations. Other line kinds (relations, events, attributes, notes) are not entities.
import type { Annotation, Concept } from '../types';
import { conceptFromId, FormatError, sortAnnotations, spanAnnotation, type Document } from './document';
import { EntityTypeMapper } from './entity-type-map';

export function readBrat(id: string, text: string, ann: string, types = new EntityTypeMapper()): Document {
  const byTag = new Map<string, Annotation>();
  const concepts: { tag: string; concept: Concept; line: number }[] = [];

  ann.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const [tag, body = '', mention] = raw.split('\t');
    if (tag.startsWith('T')) {
      const entity = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body);
      if (!entity || mention === undefined) throw new FormatError(`malformed entity line ${JSON.stringify(raw)}`, line);
      const [, rawType, spans] = entity;
      if (spans.includes(';')) {
        throw new FormatError(`${tag} has a discontinuous span (${spans}); BioLens annotations are contiguous, so split it into separate entities`, line);
      }
      const type = types.resolve(rawType);
      if (!type) return;
      const [start, end] = spans.split(' ').map(Number);
      byTag.set(tag, spanAnnotation(text, { start, end, type, mention }, line));
    } else if (tag.startsWith('N')) {
      const reference = /^\S+ (\S+) (\S+)$/.exec(body);
      const concept = reference && conceptFromId(reference[2]);
      if (!reference) throw new FormatError(`malformed normalisation line ${JSON.stringify(raw)}`, line);
      if (concept) concepts.push({ tag: reference[1], concept: { ...concept, preferred: mention ?? '' }, line });
    } else if (!/^[#*AMRE]/.test(tag)) {
      throw new FormatError(`unknown BRAT line ${JSON.stringify(raw.slice(0, 60))}`, line);
    }
  });

  for (const { tag, concept } of concepts) {
    const annotation = byTag.get(tag);
    // A reference to an entity of an unmapped type is dropped along with that entity.
    if (annotation && !annotation.concept) annotation.concept = concept;
  }
  return { id, text, annotations: sortAnnotations([...byTag.values()]) };
}

/** The .ann file for a document; its .txt file is `document.text` written unchanged. */
export function writeBratAnn(document: Document): string {
  const lines: string[] = [];
  let normalisations = 0;
  document.annotations.forEach((a, index) => {
    const tag = `T${index + 1}`;
    lines.push(`${tag}\t${a.type} ${a.start} ${a.end}\t${a.text.replace(/[\t\r\n]/g, ' ')}`);
    if (a.concept) lines.push(`N${++normalisations}\tReference ${tag} ${a.concept.id}\t${a.concept.preferred.replace(/[\t\r\n]/g, ' ')}`);
  });
  return lines.map((l) => `${l}\n`).join('');
}
