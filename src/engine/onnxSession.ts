// The token-classification ONNX model run directly with onnxruntime-node (transformers.js'
// model wrapper adds nothing we use and hides the batch shapes we control).
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { ModelLoadError } from './errors';

/** One padded inference batch: rows x seqLen int64 inputs. */
export class InputBatch {
  readonly ids: BigInt64Array;
  readonly mask: BigInt64Array;
  readonly types: BigInt64Array;
  // int64 inputs written through little-endian int32 views: no BigInt per token. The high
  // halves stay 0 because every value is a small non-negative int.
  private readonly ids32: Int32Array;
  private readonly mask32: Int32Array;
  private readonly types32: Int32Array;

  constructor(
    readonly rows: number,
    readonly seqLen: number,
    padId: number,
  ) {
    this.ids = new BigInt64Array(rows * seqLen);
    this.mask = new BigInt64Array(rows * seqLen);
    this.types = new BigInt64Array(rows * seqLen);
    this.ids32 = new Int32Array(this.ids.buffer);
    this.mask32 = new Int32Array(this.mask.buffer);
    this.types32 = new Int32Array(this.types.buffer);
    if (padId !== 0) for (let k = 0; k < rows * seqLen; k++) this.ids32[2 * k] = padId;
  }

  set(row: number, position: number, id: number, type: number): void {
    const k = 2 * (row * this.seqLen + position);
    this.ids32[k] = id;
    this.mask32[k] = 1;
    this.types32[k] = type;
  }
}

/** A batch's outputs: logits, and with type heads each group's log-probabilities too. */
export interface BatchScores {
  /** rows x seqLen x numLabels. */
  logits: Float32Array;
  /** rows x seqLen x typeGroups x numLabels (type_logits), when the model has type heads. */
  typeLogits?: Float32Array;
}

export class TokenClassifierSession {
  private constructor(
    private readonly ort: typeof import('onnxruntime-node'),
    private readonly session: InferenceSession,
    private readonly file: string,
    readonly numLabels: number,
    readonly typeGroups: number,
  ) {}

  /**
   * Opens the ONNX file and checks, with a 1-token run, that it outputs `numLabels` logits (and,
   * for a model with `typeGroups` type heads, type_logits for that many groups).
   */
  static async open(file: string, threads: number, numLabels: number, typeGroups = 0): Promise<TokenClassifierSession> {
    const ort = await import('onnxruntime-node');
    let session: InferenceSession;
    try {
      session = await ort.InferenceSession.create(file, {
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
        executionMode: 'sequential',
        graphOptimizationLevel: 'all',
      });
    } catch (e) {
      throw new ModelLoadError(`corrupt or unreadable ONNX model ${file}: ${firstLine(e)}`, file, { cause: e });
    }
    for (const input of ['input_ids', 'attention_mask']) {
      if (!session.inputNames.includes(input)) throw new ModelLoadError(`ONNX model ${file} has no input ${input}`, file);
    }
    if (!session.outputNames.includes('logits')) throw new ModelLoadError(`ONNX model ${file} has no output logits`, file);
    if (typeGroups && !session.outputNames.includes('type_logits')) {
      throw new ModelLoadError(`ONNX model ${file} has no output type_logits, but config.json's biolens.typeHeads names ${typeGroups} type groups`, file);
    }
    const classifier = new TokenClassifierSession(ort, session, file, numLabels, typeGroups);
    let probe: Record<string, Tensor>;
    try {
      const oneToken = new InputBatch(1, 1, 0);
      oneToken.set(0, 0, 0, 0);
      probe = await classifier.run(oneToken);
    } catch (e) {
      throw new ModelLoadError(`ONNX model ${file} fails to run: ${firstLine(e)}`, file, { cause: e });
    }
    const { dims } = probe.logits;
    const outputs = dims[dims.length - 1];
    if (dims.length !== 3 || outputs !== numLabels) {
      throw new ModelLoadError(`ONNX model ${file} outputs ${outputs} labels but config.json's id2label has ${numLabels}`, file);
    }
    const typeDims = probe.type_logits?.dims;
    if (typeGroups && (typeDims?.length !== 4 || typeDims[2] !== typeGroups || typeDims[3] !== numLabels)) {
      throw new ModelLoadError(`ONNX model ${file} outputs type_logits of shape [${typeDims?.join(', ')}], not [batch, sequence, ${typeGroups} type groups, ${numLabels} labels]`, file);
    }
    return classifier;
  }

  /** Logits, and the type groups' log-probabilities when the model has type heads. */
  async scores(batch: InputBatch): Promise<BatchScores> {
    const out = await this.run(batch);
    const cells = batch.rows * batch.seqLen;
    const logits = out.logits.data as Float32Array;
    if (logits.length !== cells * this.numLabels) {
      throw new Error(`ONNX model ${this.file} returned logits of shape [${out.logits.dims.join(', ')}]`);
    }
    if (!this.typeGroups) return { logits };
    const typeLogits = out.type_logits.data as Float32Array;
    if (typeLogits.length !== cells * this.typeGroups * this.numLabels) {
      throw new Error(`ONNX model ${this.file} returned type_logits of shape [${out.type_logits.dims.join(', ')}]`);
    }
    return { logits, typeLogits };
  }

  private async run(batch: InputBatch): Promise<Record<string, Tensor>> {
    const dims = [batch.rows, batch.seqLen];
    const feeds: Record<string, Tensor> = {
      input_ids: new this.ort.Tensor('int64', batch.ids, dims),
      attention_mask: new this.ort.Tensor('int64', batch.mask, dims),
    };
    if (this.session.inputNames.includes('token_type_ids')) feeds.token_type_ids = new this.ort.Tensor('int64', batch.types, dims);
    return await this.session.run(feeds);
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0];
}
