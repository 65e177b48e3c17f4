// A small OBO 1.2 reader: enough of the format for vocabularies (Disease Ontology, the ChEBI
// import, users' own .obo files). It keeps only [Term] stanzas and the tags a terminology needs.

export interface OboSynonym {
  text: string;
  /** EXACT, RELATED, BROAD or NARROW. */
  scope: string;
  /** The optional synonym type after the scope, e.g. BRAND_NAME, IUPAC_NAME, layperson. */
  type?: string;
}

export interface OboTerm {
  id: string;
  name: string;
  definition?: string;
  synonyms: OboSynonym[];
  xrefs: string[];
  isA: string[];
  obsolete: boolean;
}

export interface OboDocument {
  /** The header's data-version (or format date) when present. */
  version?: string;
  terms: OboTerm[];
}

const QUOTED = /^"((?:[^"\\]|\\.)*)"\s*(.*)$/;

export function parseObo(content: string): OboDocument {
  const doc: OboDocument = { terms: [] };
  let term: OboTerm | undefined;
  let inTerm = false;
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      finish();
      inTerm = line === '[Term]';
      if (inTerm) term = { id: '', name: '', synonyms: [], xrefs: [], isA: [], obsolete: false };
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || line.startsWith('!')) continue;
    const tag = line.slice(0, colon);
    const value = stripComment(line.slice(colon + 1).trim());
    if (!inTerm) {
      if (tag === 'data-version' || (tag === 'date' && !doc.version)) doc.version = value;
      continue;
    }
    readTag(term!, tag, value);
  }
  finish();
  return doc;

  function finish(): void {
    if (inTerm && term?.id && term.name) doc.terms.push(term);
    term = undefined;
    inTerm = false;
  }
}

function readTag(term: OboTerm, tag: string, value: string): void {
  switch (tag) {
    case 'id':
      term.id = value;
      break;
    case 'name':
      term.name = value;
      break;
    case 'def':
      term.definition = QUOTED.exec(value)?.[1].replace(/\\(.)/g, '$1') ?? value;
      break;
    case 'synonym': {
      const m = QUOTED.exec(value);
      if (!m) break;
      const [scope = 'RELATED', type] = m[2].replace(/\[.*$/, '').trim().split(/\s+/);
      term.synonyms.push({ text: m[1].replace(/\\(.)/g, '$1'), scope, ...(type ? { type } : {}) });
      break;
    }
    case 'xref':
      term.xrefs.push(value.split(/\s/)[0]);
      break;
    case 'is_a':
      term.isA.push(value.split(/\s/)[0]);
      break;
    case 'is_obsolete':
      term.obsolete = value === 'true';
      break;
  }
}

/** Drops a trailing "! comment" (outside quotes) and {qualifiers}. */
function stripComment(value: string): string {
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && c === '!' && (i === 0 || value[i - 1] === ' ')) return value.slice(0, i).trim();
  }
  return value.replace(/\s*\{[^}]*\}\s*$/, '');
}
