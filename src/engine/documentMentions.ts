// What the model's sentence-by-sentence view misses and the whole document says: mentions by a
// defined abbreviation (abbreviationMentions.ts), then the repeated names of confident entities
// (repeatedMentions.ts); and, since a repeated name is marked wherever the text has it, none inside
// an address (a URL, e-mail address or file path: addresses.ts). The engine applies it to each
// text it is given, and the language server, whose engine sees one paragraph at a time, to the
// whole document.
import { withAbbreviationMentions } from './abbreviationMentions';
import { outsideAddresses } from './addresses';
import { withRepeatedMentions } from './repeatedMentions';
import type { AbbreviationDefinition } from './terminology/abbreviations';
import type { Annotation } from './types';

/** `annotations` (in document order) with the mentions the whole of `text` adds, in document order, none in an address. */
export function withDocumentMentions(text: string, annotations: readonly Annotation[], definitions?: readonly AbbreviationDefinition[]): Annotation[] {
  return outsideAddresses(text, withRepeatedMentions(text, withAbbreviationMentions(text, annotations, definitions)));
}
