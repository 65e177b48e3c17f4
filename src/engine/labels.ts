// The model's BIO label set, read from config.json's id2label (never hard-coded), plus the
// transitions BIO allows. Decoding uses these to never emit an I-X that does not follow B-X/I-X.
import { ENTITY_TYPES, EntityType } from './types';

export interface LabelScheme {
  labels: readonly string[];
  /** Per label: its entity type, or null for 'O' and for types BioLens does not know. */
  typeOf: ReadonlyArray<EntityType | null>;
  isInside: readonly boolean[];
  /** allowed[from * n + to] === 1 when label `to` may follow label `from`. */
  allowed: Uint8Array;
  /** allowedFirst[to] === 1 when a sentence may start with label `to`. */
  allowedFirst: Uint8Array;
  /** Entity types the model can produce, in ENTITY_TYPES order. */
  entityTypes: EntityType[];
}

/** Builds the scheme from config.json's id2label; throws an Error that says what is wrong. */
export function labelScheme(id2label: unknown): LabelScheme {
  if (!id2label || typeof id2label !== 'object') throw new Error('config.json has no id2label');
  const entries = Object.entries(id2label as Record<string, unknown>);
  const labels: string[] = [];
  for (const [key, value] of entries) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || index >= entries.length || typeof value !== 'string') {
      throw new Error(`id2label entry ${JSON.stringify(key)}: ${JSON.stringify(value)} is not a label index 0..${entries.length - 1}`);
    }
    labels[index] = value;
  }
  if (labels.length === 0 || labels.includes(undefined as unknown as string)) throw new Error('id2label must map 0..n-1 to labels');
  const n = labels.length;
  const typeOf: Array<EntityType | null> = [];
  const inside: boolean[] = [];
  const typeName: string[] = [];
  for (const label of labels) {
    const match = /^([BI])-(.+)$/.exec(label);
    if (!match && label !== 'O') throw new Error(`label ${JSON.stringify(label)} is neither 'O' nor B-/I-<type>`);
    typeName.push(match ? match[2] : '');
    inside.push(match?.[1] === 'I');
    // Unknown types are still decoded (so they do not corrupt their neighbours) but never reported.
    typeOf.push(match && (ENTITY_TYPES as readonly string[]).includes(match[2]) ? (match[2] as EntityType) : null);
  }
  const allowed = new Uint8Array(n * n);
  const allowedFirst = new Uint8Array(n);
  for (let to = 0; to < n; to++) {
    allowedFirst[to] = inside[to] ? 0 : 1;
    for (let from = 0; from < n; from++) {
      allowed[from * n + to] = !inside[to] || (typeName[from] === typeName[to] && labels[from] !== 'O') ? 1 : 0;
    }
  }
  const entityTypes = ENTITY_TYPES.filter((t) => typeOf.includes(t));
  return { labels, typeOf, isInside: inside, allowed, allowedFirst, entityTypes };
}

/**
 * The probability of `type`'s labels over that of every entity label, in the row of label
 * log-probabilities at `offset`: which type the model would give a word something else says is
 * an entity (a dose after it, a negated clinical list around it).
 */
export function typeShare(emissions: Float32Array, offset: number, scheme: LabelScheme, type: string): number {
  let ofType = 0;
  let total = 0;
  scheme.typeOf.forEach((t, label) => {
    if (!t) return;
    const p = Math.exp(emissions[offset + label]);
    total += p;
    if (t === type) ofType += p;
  });
  return total > 0 ? ofType / total : 0;
}
