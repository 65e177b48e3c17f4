// The terminal view of an annotated document: the text with its entities coloured by type (or
// marked `[text]{Type}` without colour), then a summary line that doubles as the colour legend.
import { ENTITY_TYPES, type Annotation } from '../../engine/types';
import type { Document } from '../../engine/formats';
import { bold, paint } from './colors';

export function renderPretty(document: Document, color: boolean): string {
  const header = `── ${document.id} ──`;
  return `${color ? bold(header) : header}\n${highlight(document, color).replace(/\n*$/, '\n')}${summary(document.annotations, color)}\n`;
}

function highlight({ text, annotations }: Document, color: boolean): string {
  let out = '';
  let cursor = 0;
  for (const a of [...annotations].sort((x, y) => x.start - y.start || y.end - x.end)) {
    if (a.start < cursor) continue; // nested or overlapping: the outer mention is already shown
    const mention = text.slice(a.start, a.end);
    const qualifiers = [a.context?.negated && 'negated', a.context?.uncertain && 'uncertain'].filter(Boolean);
    // Negated and uncertain mentions are dimmed: present in the text, but not asserted.
    out += text.slice(cursor, a.start) + (color ? paint(mention, a.type, qualifiers.length > 0) : `[${mention}]{${[a.type, ...qualifiers].join(',')}}`);
    cursor = a.end;
  }
  return out + text.slice(cursor);
}

function summary(annotations: Annotation[], color: boolean): string {
  const counts = ENTITY_TYPES.map((type) => [type, annotations.filter((a) => a.type === type).length] as const).filter(([, n]) => n > 0);
  const negated = annotations.filter((a) => a.context?.negated).length;
  const parts = [
    `${annotations.length} ${annotations.length === 1 ? 'entity' : 'entities'}`,
    ...counts.map(([type, n]) => `${color ? paint(type, type) : type} ${n}`),
    ...(negated ? [`${negated} negated`] : []),
  ];
  return parts.join(' · ');
}
