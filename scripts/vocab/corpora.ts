// Names as written in the training splits of BC5CDR and NCBI-disease (NLM public-domain
// corpora): each mention text with the concept its annotators chose. They are how authors
// actually write ("DOX-induced cardiotoxicity", "cocaine-related"), which no vocabulary lists.
// Only unambiguous texts are kept (one id for at least 2/3 of the mentions), never composite
// ids, and never the development or test splits, which evaluation reads.
import { readFileSync } from 'node:fs';
import { TYPE_BITS } from '../../src/engine/terminology/vocabularies';

export interface CorpusName {
  text: string;
  id: string;
  typeBits: number;
  /** Corpus code (vocabularies.ts CORPUS_CODES). */
  source: string;
}

const TYPE_OF: Record<string, number> = {
  Chemical: TYPE_BITS.Chemical, Disease: TYPE_BITS.Disease, SpecificDisease: TYPE_BITS.Disease,
  DiseaseClass: TYPE_BITS.Disease, Modifier: TYPE_BITS.Disease,
};

export function readCorpusNames(file: string, source: string): CorpusName[] {
  const votes = new Map<string, Map<string, number>>();
  const typeOf = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 6 || !/^\d+$/.test(f[1]) || !(f[4] in TYPE_OF)) continue;
    const id = prefixed(f[5]);
    if (!id) continue;
    const text = f[3].trim();
    const byId = votes.get(text) ?? new Map<string, number>();
    byId.set(id, (byId.get(id) ?? 0) + 1);
    votes.set(text, byId);
    typeOf.set(text, TYPE_OF[f[4]]);
  }
  const names: CorpusName[] = [];
  for (const [text, byId] of votes) {
    const total = [...byId.values()].reduce((a, b) => a + b, 0);
    const [id, count] = [...byId].sort((a, b) => b[1] - a[1])[0];
    if (count * 3 >= total * 2) names.push({ text, id, typeBits: typeOf.get(text)!, source });
  }
  return names;
}

/** "D009203" → MESH:D009203, "OMIM:123" stays; composite ("|", "+") and "-1" → undefined. */
function prefixed(raw: string): string | undefined {
  const id = raw.trim();
  if (/[|+,]/.test(id) || id === '-1' || !id) return undefined;
  if (/^[CD]\d+$/.test(id)) return `MESH:${id}`;
  if (/^MESH:[CD]\d+$/i.test(id)) return `MESH:${id.slice(5)}`;
  if (/^OMIM:\d+$/i.test(id)) return `OMIM:${id.slice(5)}`;
  return undefined;
}
