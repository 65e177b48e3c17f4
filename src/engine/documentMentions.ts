// What the model's sentence-by-sentence view misses and the whole document says: mentions by a
// defined abbreviation (abbreviationMentions.ts), then the repeated names of confident entities
// (repeatedMentions.ts); and, since a repeated name is marked wherever the text has it, none inside
// an address or code (a URL, e-mail address, file path, Markdown code: nonProse.ts). The engine
// applies it to each text it is given, and the language server, whose engine sees one paragraph at
// a time, to the whole document.
import { withAbbreviationMentions } from './abbreviationMentions';
import { outsideNonProse } from './nonProse';
import { withRepeatedMentions } from './repeatedMentions';
import type { AbbreviationDefinition } from './terminology/abbreviations';
import type { Annotation } from './types';

/** `annotations` (in document order) with the mentions the whole of `text` adds, in document order, none in an address or code. */
export function withDocumentMentions(text: string, annotations: readonly Annotation[], definitions?: readonly AbbreviationDefinition[]): Annotation[] {
  return outsideNonProse(text, withRepeatedMentions(text, withAbbreviationMentions(text, annotations, definitions)));
}
