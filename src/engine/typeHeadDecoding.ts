// Decoding a model with type heads (config.json's biolens.typeHeads; models/train/export.py).
// Each training corpus annotates only some types, with its own conventions: BC2GM's genes are
// not JNLPBA's proteins, and a BC2GM sentence's O means "no gene here", not "no entity". A model
// trained with one output layer per corpus keeps those apart; the exported graph gives, for each
// group of types, the log-probabilities of the heads of the corpora that annotate it. Each group
// is decoded alone, over its own labels plus one "none of these" label (the rest of its mass),
// with the same BIO-constrained Viterbi; spans of different groups that share a word are settled
// by their mean probability within their group, the likelier kept whole. A span's score is then
// read, like a one-layer model's, from the model's whole label distribution (`logits`: the
// groups' product of experts): against two labels a group is surer of itself than against
// thirteen, and the score thresholds downstream (the terminology layer's) should mean the same
// for every model.
import { LabelScheme, labelScheme } from './labels';
import { bioSpans, LabelledSpan, viterbi } from './viterbi';

interface TypeGroup {
  /** The group's own scheme: O ("none of these types") and its B-/I- labels. */
  scheme: LabelScheme;
  /** For each label of `scheme` but O, its index among the model's labels. */
  fullLabel: Int32Array;
  /** The model's label indices outside the group: their mass is the group's O. */
  others: Int32Array;
}

export class TypeHeadDecoder {
  private readonly groups: TypeGroup[];
  /** Per model label, the I- label of its type (-1 for O). */
  private readonly insideOf: Int32Array;

  constructor(
    typeHeads: readonly (readonly string[])[],
    private readonly full: LabelScheme,
  ) {
    this.groups = typeHeads.map((types) => {
      const own = ['O', ...types.flatMap((t) => [`B-${t}`, `I-${t}`])];
      const fullLabel = Int32Array.from(own, (label) => full.labels.indexOf(label));
      const mine = new Set(fullLabel.slice(1));
      const others = Int32Array.from(full.labels.keys()).filter((y) => !mine.has(y));
      return { scheme: labelScheme(Object.fromEntries(own.entries())), fullLabel, others };
    });
    this.insideOf = Int32Array.from(full.labels, (label) => (label === 'O' ? -1 : full.labels.indexOf(`I-${label.slice(2)}`)));
  }

  get groupCount(): number {
    return this.groups.length;
  }

  /**
   * Entity spans of a sentence of `words` words from its type emissions
   * (words x groups x model labels, log-probabilities), labelled in the model's scheme, in
   * document order.
   */
  decode(typeEmissions: Float32Array, emissions: Float32Array, words: number): LabelledSpan[] {
    const L = this.full.labels.length;
    const G = this.groups.length;
    const found: LabelledSpan[] = [];
    this.groups.forEach((group, g) => {
      const R = group.scheme.labels.length;
      const own = new Float32Array(words * R);
      for (let w = 0; w < words; w++) {
        const row = (w * G + g) * L;
        own[w * R] = logSumExp(typeEmissions, row, group.others);
        for (let r = 1; r < R; r++) own[w * R + r] = typeEmissions[row + group.fullLabel[r]];
      }
      for (const span of bioSpans(viterbi(own, words, group.scheme), own, group.scheme)) {
        found.push({ ...span, label: group.fullLabel[span.label] });
      }
    });
    const kept = G === 1 ? found : withoutOverlaps(found, words);
    return kept.map((span) => ({ ...span, score: this.meanProbability(span, emissions) }));
  }

  /** Mean probability, among all the model's labels, of the span's B- and I- labels. */
  private meanProbability(span: LabelledSpan, emissions: Float32Array): number {
    const L = this.full.labels.length;
    const inside = this.insideOf[span.label];
    let sum = 0;
    for (let w = span.firstWord; w <= span.lastWord; w++) sum += Math.exp(emissions[w * L + (w === span.firstWord ? span.label : inside)]);
    return sum / (span.lastWord - span.firstWord + 1);
  }
}

/** The likeliest spans that share no word, in document order. */
function withoutOverlaps(spans: LabelledSpan[], words: number): LabelledSpan[] {
  const taken = new Uint8Array(words);
  const kept = [...spans]
    .sort((a, b) => b.score - a.score || a.firstWord - b.firstWord)
    .filter((span) => {
      for (let w = span.firstWord; w <= span.lastWord; w++) if (taken[w]) return false;
      taken.fill(1, span.firstWord, span.lastWord + 1);
      return true;
    });
  return kept.sort((a, b) => a.firstWord - b.firstWord);
}

function logSumExp(values: Float32Array, offset: number, indices: Int32Array): number {
  let max = -Infinity;
  for (const y of indices) if (values[offset + y] > max) max = values[offset + y];
  if (max === -Infinity) return max;
  let sum = 0;
  for (const y of indices) sum += Math.exp(values[offset + y] - max);
  return max + Math.log(sum);
}
