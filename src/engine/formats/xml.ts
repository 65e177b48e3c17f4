// Just enough XML for BioC: elements, attributes, text, CDATA, comments, processing instructions
// and a DOCTYPE without an internal subset. No dependency, because the CLI ships with none.
import { FormatError } from './document';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: (XmlElement | string)[];
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  // XML parsers see every line break as \n (XML 1.0 §2.11); a literal \r must be written &#13;.
  const xml = source.replace(/\r\n?/g, '\n');
  const lineAt = (index: number) => xml.slice(0, index).split('\n').length;
  const fail = (message: string, index: number): never => {
    throw new FormatError(message, lineAt(index));
  };
  const decode = (raw: string, index: number) =>
    raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);|&/g, (match, ref: string | undefined) => {
      if (!ref) return fail('bare & in text (write &amp;)', index);
      if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
      return NAMED_ENTITIES[ref] ?? fail(`unknown entity &${ref};`, index);
    });

  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack = [root];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > i) {
      const text = decode(xml.slice(i, textEnd), i);
      if (stack.length > 1) stack[stack.length - 1].children.push(text);
      else if (text.trim()) fail('text outside the root element', i);
    }
    if (lt < 0) break;
    const skipTo = (terminator: string) => {
      const end = xml.indexOf(terminator, lt);
      return end < 0 ? fail(`unterminated ${xml.slice(lt, lt + 9)}`, lt) : end + terminator.length;
    };
    if (xml.startsWith('<!--', lt)) i = skipTo('-->');
    else if (xml.startsWith('<?', lt)) i = skipTo('?>');
    else if (xml.startsWith('<![CDATA[', lt)) {
      i = skipTo(']]>');
      stack[stack.length - 1].children.push(xml.slice(lt + 9, i - 3));
    } else if (xml.startsWith('<!', lt)) {
      if (xml.slice(lt, skipTo('>')).includes('[')) fail('DOCTYPE with an internal subset is not supported', lt);
      i = skipTo('>');
    } else if (xml.startsWith('</', lt)) {
      i = skipTo('>');
      const name = xml.slice(lt + 2, i - 1).trim();
      const open = stack.pop();
      if (!open || open === root || open.name !== name) fail(`</${name}> does not close <${open?.name}>`, lt);
    } else {
      const tag = /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(xml.slice(lt, lt + 4096));
      if (!tag) return fail(`malformed tag ${JSON.stringify(xml.slice(lt, lt + 30))}`, lt);
      const element: XmlElement = { name: tag[1], attributes: {}, children: [] };
      for (const m of tag[2].matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        element.attributes[m[1]] = decode(m[2] ?? m[3], lt);
      }
      if (stack.length === 1 && root.children.length > 0) fail('a second root element', lt);
      stack[stack.length - 1].children.push(element);
      if (!tag[3]) stack.push(element);
      i = lt + tag[0].length;
    }
  }
  if (stack.length > 1) fail(`<${stack[stack.length - 1].name}> is never closed`, xml.length);
  const top = root.children[0];
  if (typeof top !== 'object') return fail('no root element', 0);
  return top;
}

/** Escapes text and attribute values. Characters XML 1.0 cannot carry become U+FFFD, one for one. */
export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
    .replace(/[&<>"\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' })[c] as string);
}

export function childElements(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c === 'object' && c.name === name);
}

export function textContent(element: XmlElement): string {
  return element.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}
