// The terminal view of an annotated document: the text with its entities coloured by type (or
// marked `[text]{Type ID}` without colour), a summary line that doubles as the colour legend,
// then one line per linked concept (id, preferred name, the mentions written otherwise) and one
// per standardisation suggestion.
import { ENTITY_TYPES, type Annotation } from '../../engine/types';
import type { Document } from '../../engine/formats';
import { bold, paint } from './colors';

export function renderPretty(document: Document, color: boolean): string {
  const header = `── ${document.id} ──`;
  const lines = [summary(document.annotations, color), ...conceptLines(document.annotations, color), ...suggestionLines(document.annotations)];
  return `${color ? bold(header) : header}\n${highlight(document, color).replace(/\n*$/, '\n')}${lines.join('\n')}\n`;
}

function highlight({ text, annotations }: Document, color: boolean): string {
  let out = '';
  let cursor = 0;
  for (const a of [...annotations].sort((x, y) => x.start - y.start || y.end - x.end)) {
    if (a.start < cursor) continue; // nested or overlapping: the outer mention is already shown
    const mention = text.slice(a.start, a.end);
    const qualifiers = (['negated', 'uncertain', 'historical', 'family'] as const).filter((flag) => a.context?.[flag]);
    // Negated and uncertain mentions are dimmed: present in the text, but not asserted.
    const dim = Boolean(a.context?.negated || a.context?.uncertain);
    const label = [a.type + (a.concept ? ` ${a.concept.id}` : ''), ...qualifiers].join(',');
    out += text.slice(cursor, a.start) + (color ? paint(mention, a.type, dim) : `[${mention}]{${label}}`);
    cursor = a.end;
  }
  return out + text.slice(cursor);
}

function summary(annotations: Annotation[], color: boolean): string {
  const counts = ENTITY_TYPES.map((type) => [type, annotations.filter((a) => a.type === type).length] as const).filter(([, n]) => n > 0);
  const negated = annotations.filter((a) => a.context?.negated).length;
  const uncertain = annotations.filter((a) => a.context?.uncertain).length;
  const parts = [
    `${annotations.length} ${annotations.length === 1 ? 'entity' : 'entities'}`,
    ...counts.map(([type, n]) => `${color ? paint(type, type) : type} ${n}`),
    ...(negated ? [`${negated} negated`] : []),
    ...(uncertain ? [`${uncertain} uncertain`] : []),
  ];
  return parts.join(' · ');
}

/** `  MESH:D009203 Myocardial Infarction ← heart attack, MI`: each concept once, in text order. */
function conceptLines(annotations: Annotation[], color: boolean): string[] {
  const concepts = new Map<string, { annotation: Annotation; written: Set<string> }>();
  for (const a of [...annotations].sort((x, y) => x.start - y.start)) {
    if (!a.concept) continue;
    const entry = concepts.get(a.concept.id) ?? concepts.set(a.concept.id, { annotation: a, written: new Set() }).get(a.concept.id)!;
    if (a.text.toLowerCase() !== a.concept.preferred.toLowerCase()) entry.written.add(a.text);
  }
  return [...concepts].map(([id, { annotation, written }]) => {
    const name = `${id} ${annotation.concept!.preferred}`;
    return `  ${color ? paint(name, annotation.type) : name}${written.size ? ` ← ${[...written].join(', ')}` : ''}`;
  });
}

/** `  suggest: heart attack → myocardial infarction (lay term for MESH:D009203)` */
function suggestionLines(annotations: Annotation[]): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const a of annotations) {
    const s = a.suggestion;
    if (!s) continue;
    const line = `  suggest: ${a.text} → ${s.replacement} (${[s.reason, s.conceptId].filter(Boolean).join(' ')})`;
    if (!seen.has(line)) lines.push(line);
    seen.add(line);
  }
  return lines;
}
