// User vocabularies layered over the compiled one, in memory. A user concept whose id or xref
// names exactly one known concept — or, without such ids, whose first term is a preferred or
// exact name of exactly one known concept — extends that concept (its label becomes one more
// label, so a workspace can set its own preferred term); any other becomes a new concept
// numbered after the compiled ones.
import { FuzzyIndex, type FuzzySearch } from './fuzzyIndex';
import { termKeys } from './normalize';
import type { UserConcept } from './userVocabulary';
import { TYPE_BITS } from './vocabularies';
import type { ConceptRecord, NameEntry, NameKind } from './vocabFormat';

const ANY_TYPE = Object.values(TYPE_BITS).reduce((a, b) => a | b, 0);
const USER_SOURCE = 'U';

export class UserOverlay {
  readonly concepts: ConceptRecord[] = [];
  private readonly names = new Map<string, NameEntry[]>();
  private readonly ids = new Map<string, number[]>();
  private readonly extensions = new Map<number, ConceptRecord>();
  private readonly typeBits = new Map<number, number>();
  private fuzzyIndex?: { index: FuzzyIndex; keys: string[] };

  add(concepts: UserConcept[], base: number, known: (id: string) => number[], named: (term: string) => number[]): void {
    for (const c of concepts) {
      let targets = [...new Set([c.id, ...c.xrefs].flatMap(known))];
      if (!targets.length) targets = [...new Set(named(c.label))];
      const record: ConceptRecord = {
        ids: [c.id], labels: [c.label], typeBits: c.typeBits || ANY_TYPE, semanticType: '', treeNumbers: [],
        definitions: c.definition ? [{ source: c.id, text: c.definition }] : [], xrefs: c.xrefs, synonyms: c.synonyms,
      };
      let n: number;
      if (targets.length === 1) {
        n = targets[0];
        this.extensions.set(n, mergeRecords(this.extensions.get(n), record));
        // The compiled concept keeps its own types; its new names may be found for any.
        this.typeBits.set(n, ANY_TYPE);
      } else {
        n = base + this.concepts.length;
        this.concepts.push(record);
        this.typeBits.set(n, record.typeBits);
      }
      this.ids.set(c.id, [...(this.ids.get(c.id) ?? []), n]);
      this.addName(c.label, n, 'preferred');
      for (const s of c.synonyms) this.addName(s.text, n, s.kind);
    }
    this.fuzzyIndex = undefined;
  }

  /** Whether the user's vocabulary added ids or names to compiled concept n. */
  isExtended(n: number): boolean {
    return this.extensions.has(n);
  }

  /** A concept record with the user's additions (ids, labels, definitions, synonyms) appended. */
  extend(n: number, record: ConceptRecord): ConceptRecord {
    const extra = this.extensions.get(n);
    return extra ? mergeRecords(record, extra, record.typeBits) : record;
  }

  lookupKey(key: string): NameEntry[] {
    return this.names.get(key) ?? [];
  }

  conceptsWithId(id: string): number[] {
    return this.ids.get(id) ?? [];
  }

  fuzzy(key: string, opts: FuzzySearch): { key: string; entries: NameEntry[]; score: number }[] {
    if (this.names.size === 0) return [];
    if (!this.fuzzyIndex) {
      const keys = [...this.names.keys()];
      const bits = Uint8Array.from(keys, (k) => this.names.get(k)!.reduce((b, e) => b | (this.typeBits.get(e.concept) ?? ANY_TYPE), 0));
      this.fuzzyIndex = { index: FuzzyIndex.build(keys, bits), keys };
    }
    const { index, keys } = this.fuzzyIndex;
    return index.search(key, (n) => keys[n], opts).map((hit) => ({ key: keys[hit.name], entries: this.names.get(keys[hit.name])!, score: hit.score }));
  }

  private addName(text: string, concept: number, kind: NameKind): void {
    for (const key of termKeys(text)) {
      const entries = this.names.get(key) ?? [];
      if (!entries.some((e) => e.concept === concept && e.kind === kind)) entries.push({ concept, kind, source: USER_SOURCE });
      this.names.set(key, entries);
    }
  }
}

function mergeRecords(base: ConceptRecord | undefined, extra: ConceptRecord, typeBits = extra.typeBits): ConceptRecord {
  if (!base) return extra;
  const added = extra.ids.map((id, i) => [id, extra.labels[i]]).filter(([id]) => !base.ids.includes(id));
  return {
    ids: [...base.ids, ...added.map(([id]) => id)],
    labels: [...base.labels, ...added.map(([, label]) => label)],
    typeBits,
    semanticType: base.semanticType || extra.semanticType,
    treeNumbers: base.treeNumbers,
    definitions: [...base.definitions, ...extra.definitions],
    xrefs: [...new Set([...base.xrefs, ...extra.xrefs])],
    synonyms: [...base.synonyms, ...extra.synonyms],
  };
}
