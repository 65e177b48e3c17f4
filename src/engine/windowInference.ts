// Runs the model over sentence windows in padded batches and keeps, for every word, the
// log-probabilities of its FIRST piece (the word's label), taken from the window that owns it;
// with type heads, each type group's log-probabilities of that piece too.
import type { EncodedSentence } from './encodedSentences';
import { InputBatch, TokenClassifierSession } from './onnxSession';

export interface WindowJob {
  sentence: EncodedSentence;
  /** The sentence's per-word log-probabilities (words x labels), filled in here. */
  emissions: Float32Array;
  /** With type heads: per word, each type group's log-probabilities (words x groups x labels). */
  typeEmissions?: Float32Array;
  /** The sentence's per-word gazetteer features (token_type_ids). */
  features: Int32Array;
  /** owner[w] === window: word w takes this window's prediction. */
  owner: Int32Array;
  window: number;
  from: number;
  to: number;
  pieces: number;
}

export interface InferenceContext {
  session: TokenClassifierSession;
  startId: number;
  endId: number;
  padId: number;
  maxPieces: number;
  /** Most rows per batch. */
  batchSize: number;
  /** Most padded tokens (rows x sequence length) per batch. */
  batchTokens: number;
  signal?: AbortSignal;
}

export async function scoreWindows(jobs: WindowJob[], ctx: InferenceContext): Promise<void> {
  // Similar lengths share a batch, so little of it is padding.
  jobs.sort((a, b) => a.pieces - b.pieces);
  const L = ctx.session.numLabels;
  const GL = ctx.session.typeGroups * L;
  for (let first = 0; first < jobs.length; ) {
    ctx.signal?.throwIfAborted();
    let rows = 1;
    while (first + rows < jobs.length && rows < ctx.batchSize && (rows + 1) * inputLength(jobs[first + rows], ctx) <= ctx.batchTokens) rows++;
    const batch = jobs.slice(first, first + rows);
    first += rows;
    const seqLen = inputLength(batch[batch.length - 1], ctx);
    const input = new InputBatch(batch.length, seqLen, ctx.padId);
    batch.forEach((job, row) => fillRow(input, row, job, ctx));
    const { logits, typeLogits } = await ctx.session.scores(input);
    batch.forEach((job, row) => {
      const { pieces } = job.sentence;
      let position = 1; // after [CLS]
      for (let w = job.from; w < job.to; w++) {
        if (job.owner[w] === job.window) {
          const cell = row * seqLen + position;
          logSoftmax(logits, cell * L, L, job.emissions, w * L);
          // Already log-probabilities (the graph normalises each group).
          if (typeLogits && job.typeEmissions) job.typeEmissions.set(typeLogits.subarray(cell * GL, (cell + 1) * GL), w * GL);
        }
        position += pieces[w].length;
      }
    });
  }
}

/** Model input length of a window: its pieces (cut to fit) plus [CLS] and [SEP]. */
function inputLength(job: WindowJob, ctx: InferenceContext): number {
  return Math.min(job.pieces, ctx.maxPieces) + 2;
}

function fillRow(input: InputBatch, row: number, job: WindowJob, ctx: InferenceContext): void {
  const { pieces } = job.sentence;
  input.set(row, 0, ctx.startId, 0);
  let position = 1;
  for (let w = job.from; w < job.to; w++) {
    const ids = pieces[w];
    const type = job.features[w];
    // Only a single word longer than the window is ever cut; its first piece always fits.
    for (let k = 0; k < ids.length && position <= ctx.maxPieces; k++) input.set(row, position++, ids[k], type);
  }
  input.set(row, position, ctx.endId, 0);
}

function logSoftmax(src: Float32Array, from: number, n: number, dst: Float32Array, to: number): void {
  let max = -Infinity;
  for (let y = 0; y < n; y++) if (src[from + y] > max) max = src[from + y];
  let sum = 0;
  for (let y = 0; y < n; y++) sum += Math.exp(src[from + y] - max);
  const logZ = max + Math.log(sum);
  for (let y = 0; y < n; y++) dst[to + y] = src[from + y] - logZ;
}
