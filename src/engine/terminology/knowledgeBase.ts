// The knowledge base: concepts, their names and ids, as compiled in models/vocab, plus any user
// vocabularies added at run time. It answers lookups and nothing else; choosing a concept for a
// mention is the Linker's job (as in scispaCy, where the KB and the linker are separate).
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback, gunzipSync } from 'node:zlib';
import { BlockTable } from './blockTable';
import { FuzzyIndex, type FuzzySearch } from './fuzzyIndex';
import { normalizeTerm, termKeys } from './normalize';
import { readUserVocabulary, type UserConcept } from './userVocabulary';
import { FILES, parseConcept, parseConceptHeader, parseNameEntries, VOCAB_FORMAT, type ConceptHeader, type ConceptRecord, type NameEntry, type VocabManifest } from './vocabFormat';
import type { EntityType } from '../types';
import { UserOverlay } from './userOverlay';

export class VocabularyLoadError extends Error {
  constructor(message: string, readonly file: string) {
    super(message);
    this.name = 'VocabularyLoadError';
  }
}

export interface FuzzyName {
  key: string;
  entries: NameEntry[];
  score: number;
}

/** models/vocab of the package this code runs from (src/ under tsx, or dist/). */
export function defaultVocabDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'models'))) return path.join(dir, 'models', 'vocab');
    if (path.dirname(dir) === dir) return path.resolve('models', 'vocab');
  }
}

interface Compiled {
  manifest: VocabManifest;
  concepts: BlockTable;
  names: BlockTable;
  ids: BlockTable;
  fuzzy: FuzzyIndex;
  /** Curated clinical abbreviations by normalised short form. */
  abbreviations: Map<string, CuratedAbbreviation>;
  /** The same as written, one per line of the list (an older vocabulary has none). */
  written: WrittenAbbreviation[];
}

export interface CuratedAbbreviation {
  long: string;
  ambiguous: boolean;
}

/** A curated clinical abbreviation as the list writes it ("DVT", "EtOH"), with its entity type. */
export interface WrittenAbbreviation {
  written: string;
  type: EntityType;
  long: string;
  /** Another sense is common too ("PE": pulmonary embolism or pleural effusion). */
  ambiguous: boolean;
  /** A class of drugs ("NSAID", "PPI"). */
  drugClass: boolean;
}

// Whole records are parsed only for the concepts an annotation ends up with (the linker reads
// candidates through conceptHeader), so a few hundred cover a document's worth of them.
const CACHE_LIMIT = 256;
const gunzip = promisify(gunzipCallback);

export class KnowledgeBase {
  private readonly user = new UserOverlay();
  private readonly cache = new Map<number, ConceptRecord>();

  private constructor(private readonly compiled?: Compiled) {}

  /** Loads a compiled vocabulary folder; throws VocabularyLoadError naming the bad file. */
  static load(dir: string = defaultVocabDir()): KnowledgeBase {
    return KnowledgeBase.fromFiles(dir, (name) => {
      const bytes = readFileSync(path.join(dir, name));
      return name === FILES.fuzzy ? gunzipSync(bytes, oneChunk(bytes)) : bytes;
    });
  }

  /**
   * load(), with the reading and inflating (most of its second of CPU) done in libuv's thread
   * pool: the caller's event loop stays free, so a server can load the vocabulary while the model
   * loads and still publish the first highlights the moment they are ready.
   */
  static async loadAsync(dir: string = defaultVocabDir()): Promise<KnowledgeBase> {
    const names = [FILES.concepts, FILES.names, FILES.ids, FILES.fuzzy];
    const files = await Promise.all(
      names.map(async (name) => {
        try {
          const bytes = await readFile(path.join(dir, name));
          return name === FILES.fuzzy ? await gunzip(bytes, oneChunk(bytes)) : bytes;
        } catch (e) {
          return e as Error; // reported by fromFiles, with the file's name
        }
      }),
    );
    return KnowledgeBase.fromFiles(dir, (name) => {
      const read = files[names.indexOf(name)];
      if (read instanceof Error) throw read;
      return read;
    });
  }

  /** `read(name)`: the bytes of one compiled file, the fuzzy index already inflated. */
  private static fromFiles(dir: string, read: (name: string) => Buffer): KnowledgeBase {
    const file = (name: string) => path.join(dir, name);
    const manifest = readManifest(file(FILES.manifest));
    const decode = <T>(name: string, decoder: (bytes: Buffer) => T): T => {
      try {
        return decoder(read(name));
      } catch (e) {
        throw new VocabularyLoadError(`cannot read vocabulary file ${file(name)}: ${(e as Error).message}`, file(name));
      }
    };
    const abbreviations = new Map<string, CuratedAbbreviation>();
    const written: WrittenAbbreviation[] = [];
    if (existsSync(file(FILES.abbreviations))) {
      for (const line of readFileSync(file(FILES.abbreviations), 'utf8').split('\n')) {
        const [short, long, flag, type, asWritten] = line.split('\t');
        if (short && long && !abbreviations.has(short)) abbreviations.set(short, { long, ambiguous: flag === 'ambiguous' });
        else if (short && flag === 'ambiguous') abbreviations.get(short)!.ambiguous = true;
        if (long && asWritten && type) written.push({ written: asWritten, type: type as EntityType, long, ambiguous: flag === 'ambiguous', drugClass: flag === 'class' });
      }
    }
    return new KnowledgeBase({
      manifest,
      concepts: decode(FILES.concepts, BlockTable.decode),
      names: decode(FILES.names, BlockTable.decode),
      ids: decode(FILES.ids, BlockTable.decode),
      fuzzy: decode(FILES.fuzzy, FuzzyIndex.decode),
      abbreviations,
      written,
    });
  }

  /** A knowledge base with no compiled vocabulary: user vocabularies only (degraded mode, tests). */
  static empty(): KnowledgeBase {
    return new KnowledgeBase();
  }

  get manifest(): VocabManifest | undefined {
    return this.compiled?.manifest;
  }

  /** Number of concepts, user concepts included. */
  get size(): number {
    return this.compiledSize + this.user.concepts.length;
  }

  concept(n: number): ConceptRecord {
    let record = this.cache.get(n);
    if (!record) {
      record = n < this.compiledSize ? parseConcept(this.compiled!.concepts.line(n)) : this.user.concepts[n - this.compiledSize];
      record = this.user.extend(n, record);
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(n, record);
    }
    return record;
  }

  /**
   * Entity types and member ids of concept n, without parsing or caching its whole record: the
   * linker asks this of every candidate, and most candidates are discarded.
   */
  conceptHeader(n: number): ConceptHeader {
    if (n >= this.compiledSize || this.user.isExtended(n)) return this.concept(n);
    return parseConceptHeader(this.compiled!.concepts.line(n));
  }

  /** Every name entry found under any key of `text` (see termKeys). */
  lookup(text: string): NameEntry[] {
    const entries = termKeys(text).flatMap((key) => this.lookupKey(key));
    return entries.filter((e, i) => entries.findIndex((o) => o.concept === e.concept && o.kind === e.kind && o.source === e.source) === i);
  }

  /** Name entries under one normalised key. */
  lookupKey(key: string): NameEntry[] {
    const line = this.compiled?.names.find(key) ?? -1;
    const entries = line < 0 ? [] : parseNameEntries(this.compiled!.names.value(line));
    return [...entries, ...this.user.lookupKey(key)];
  }

  /** Concepts that have `id` as their own id or as a cross-reference. */
  conceptsWithId(id: string): number[] {
    const line = this.compiled?.ids.find(id) ?? -1;
    const compiled = line < 0 ? [] : this.compiled!.ids.value(line).split(',').map(Number);
    return [...compiled, ...this.user.conceptsWithId(id)];
  }

  /** Names whose key is similar to `key` (character 3-gram TF-IDF cosine), best first. */
  fuzzy(key: string, opts: FuzzySearch = {}): FuzzyName[] {
    const found: FuzzyName[] = [];
    const compiled = this.compiled;
    if (compiled) {
      for (const hit of compiled.fuzzy.search(key, (n) => compiled.names.key(n), opts)) {
        found.push({ key: compiled.names.key(hit.name), entries: parseNameEntries(compiled.names.value(hit.name)), score: hit.score });
      }
    }
    found.push(...this.user.fuzzy(key, opts));
    return found.sort((a, b) => b.score - a.score).slice(0, opts.limit ?? 10);
  }

  /** Abbreviations a curated list marks as having other common meanings (PE, MS, RA...). */
  isAmbiguousAbbreviation(text: string): boolean {
    return this.curatedAbbreviation(text)?.ambiguous ?? false;
  }

  /** The curated clinical abbreviations as the list writes them. */
  writtenAbbreviations(): readonly WrittenAbbreviation[] {
    return this.compiled?.written ?? [];
  }

  /** The curated clinical abbreviation written `text` (its long form says what it abbreviates). */
  curatedAbbreviation(text: string): CuratedAbbreviation | undefined {
    return this.compiled?.abbreviations.get(normalizeTerm(text));
  }

  /** Adds a user vocabulary file (.tsv, .obo, or a term list); returns the number of concepts read. */
  addUserVocabulary(file: string): number {
    let concepts: UserConcept[];
    try {
      concepts = readUserVocabulary(file);
    } catch (e) {
      throw new VocabularyLoadError(`cannot read user vocabulary ${file}: ${(e as Error).message}`, file);
    }
    this.addUserConcepts(concepts);
    return concepts.length;
  }

  addUserConcepts(concepts: UserConcept[]): void {
    this.cache.clear();
    const named = (term: string) => this.lookup(term).filter((e) => e.kind === 'preferred' || e.kind === 'exact').map((e) => e.concept);
    this.user.add(concepts, this.compiledSize, (id) => this.conceptsWithId(id), named);
  }

  private get compiledSize(): number {
    return this.compiled?.concepts.length ?? 0;
  }
}

/**
 * Inflates into one buffer sized by the gzip trailer (the inflated size, mod 2^32): with zlib's
 * default 16 KB chunks the 21 MB fuzzy index comes out in 1,300 pieces that are then copied
 * together, which took longer than inflating. A wrong trailer only costs extra chunks.
 */
function oneChunk(gzip: Buffer): { chunkSize: number } {
  const inflated = gzip.length >= 4 ? gzip.readUInt32LE(gzip.length - 4) : 0;
  return { chunkSize: Math.min(Math.max(inflated + 1, 64 * 1024), 256 * 2 ** 20) };
}

function readManifest(file: string): VocabManifest {
  let manifest: VocabManifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as VocabManifest;
  } catch (e) {
    throw new VocabularyLoadError(`cannot read vocabulary manifest ${file}: ${(e as Error).message}`, file);
  }
  if (manifest.format !== VOCAB_FORMAT) {
    throw new VocabularyLoadError(`vocabulary ${file} has format ${manifest.format}, this BioLens reads format ${VOCAB_FORMAT}`, file);
  }
  return manifest;
}
