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

export class TokenClassifierSession {
  private constructor(
    private readonly ort: typeof import('onnxruntime-node'),
    private readonly session: InferenceSession,
    private readonly file: string,
    readonly numLabels: number,
  ) {}

  /** Opens the ONNX file and checks, with a 1-token run, that it outputs `numLabels` logits. */
  static async open(file: string, threads: number, numLabels: number): Promise<TokenClassifierSession> {
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
    const classifier = new TokenClassifierSession(ort, session, file, numLabels);
    let probe: Tensor;
    try {
      const oneToken = new InputBatch(1, 1, 0);
      oneToken.set(0, 0, 0, 0);
      probe = await classifier.run(oneToken);
    } catch (e) {
      throw new ModelLoadError(`ONNX model ${file} fails to run: ${firstLine(e)}`, file, { cause: e });
    }
    const outputs = probe.dims[probe.dims.length - 1];
    if (probe.dims.length !== 3 || outputs !== numLabels) {
      throw new ModelLoadError(`ONNX model ${file} outputs ${outputs} labels but config.json's id2label has ${numLabels}`, file);
    }
    return classifier;
  }

  /** Logits, rows x seqLen x numLabels. */
  async logits(batch: InputBatch): Promise<Float32Array> {
    const logits = await this.run(batch);
    const data = logits.data as Float32Array;
    if (data.length !== batch.rows * batch.seqLen * this.numLabels) {
      throw new Error(`ONNX model ${this.file} returned logits of shape [${logits.dims.join(', ')}]`);
    }
    return data;
  }

  private async run(batch: InputBatch): Promise<Tensor> {
    const dims = [batch.rows, batch.seqLen];
    const feeds: Record<string, Tensor> = {
      input_ids: new this.ort.Tensor('int64', batch.ids, dims),
      attention_mask: new this.ort.Tensor('int64', batch.mask, dims),
    };
    if (this.session.inputNames.includes('token_type_ids')) feeds.token_type_ids = new this.ort.Tensor('int64', batch.types, dims);
    return (await this.session.run(feeds)).logits;
  }

  async dispose(): Promise<void> {
    await this.session.release();
  }
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0];
}
