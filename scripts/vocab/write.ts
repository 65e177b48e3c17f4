// Writes the compiled tables to models/vocab (formats: src/engine/terminology/vocabFormat.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BlockTable } from '../../src/engine/terminology/blockTable';
import { normalizeTerm } from '../../src/engine/terminology/normalize';
import { FuzzyIndex, POSTING_CAP } from '../../src/engine/terminology/fuzzyIndex';
import { FILES, formatConcept, formatNameEntries, VOCAB_FORMAT, type NameKind, type VocabManifest } from '../../src/engine/terminology/vocabFormat';
import type { Compiled } from './compile';
import type { SourceInfo } from './sourceConcept';
import type { EntityType } from '../../src/engine/types';

// Kinds a fuzzy match may land on. Inverted forms, ICD-10-CM code titles and obsolete or
// loosely related synonyms are found only when written exactly.
const FUZZY_KINDS = new Set<NameKind>(['preferred', 'exact', 'lay', 'trade', 'previous', 'spelling', 'corpus']);
const MIN_FUZZY_KEY = 4;

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

export interface CuratedAbbreviation {
  short: string;
  long: string;
  type: EntityType;
  ambiguous: boolean;
  drugClass: boolean;
}

export function writeVocabulary(dir: string, compiled: Compiled, sources: (SourceInfo & { concepts: number })[], curated: CuratedAbbreviation[]): VocabManifest {
  mkdirSync(dir, { recursive: true });
  const write = (name: string, content: Buffer) => writeFileSync(path.join(dir, name), content);

  write(FILES.concepts, BlockTable.encode(compiled.concepts.map(formatConcept), 32, false));

  const keys = [...compiled.names.keys()].sort(byteOrder);
  write(FILES.names, BlockTable.encode(keys.map((k) => `${k}\t${formatNameEntries(compiled.names.get(k)!)}`), 64, true));

  const ids = [...compiled.ids.keys()].sort(byteOrder);
  write(FILES.ids, BlockTable.encode(ids.map((id) => `${id}\t${compiled.ids.get(id)!.join(',')}`), 64, true));

  // The fuzzy index numbers names by their line in names.tsv; keys it should not find get no grams.
  const typeBits = new Uint8Array(keys.length);
  const fuzzyKeys = keys.map((key, line) => {
    const entries = compiled.names.get(key)!.filter((e) => FUZZY_KINDS.has(e.kind));
    for (const e of entries) typeBits[line] |= compiled.concepts[e.concept].typeBits;
    return entries.length && key.length >= MIN_FUZZY_KEY && !key.startsWith('~') ? key : '';
  });
  write(FILES.fuzzy, gzipSync(FuzzyIndex.build(fuzzyKeys, typeBits, POSTING_CAP).encode(), { level: 9 }));

  const flag = (a: CuratedAbbreviation) => (a.ambiguous ? 'ambiguous' : a.drugClass ? 'class' : '');
  const abbreviations = curated.map((a) => [normalizeTerm(a.short), a.long, flag(a), a.type, a.short].join('\t'));
  // In the list's order: an ambiguous abbreviation's first sense is the one a clinical note means.
  writeFileSync(path.join(dir, FILES.abbreviations), abbreviations.join('\n') + '\n');
  const manifest: VocabManifest = {
    format: VOCAB_FORMAT,
    built: new Date().toISOString().slice(0, 10),
    sources: sources.map(({ prefix, name, version, licence, concepts }) => ({ prefix, name, version, licence, concepts })),
    counts: { concepts: compiled.concepts.length, names: keys.length, ids: ids.length, fuzzyNames: fuzzyKeys.filter(Boolean).length },
  };
  writeFileSync(path.join(dir, FILES.manifest), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
