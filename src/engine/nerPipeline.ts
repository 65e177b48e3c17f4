// The NER engine itself, in the calling thread: sentences -> windows -> batched inference ->
// BIO-constrained Viterbi per sentence -> entity spans (and the organisms nested in them) with
// original offsets -> per document, the abbreviations of the entities it defines.
// The worker runs this; createEngine({ inWorker: false }) returns it directly.
import { readFileSync } from 'node:fs';
import { AnnotateOptions, checkEngineOptions, EngineOptions, ModelInfo, NerEngine } from './engineApi';
import { EncodedSentence, encodeSentences } from './encodedSentences';
import { spanAnnotations } from './entitySpans';
import { withDocumentMentions } from './documentMentions';
import { EngineDisposedError, ModelLoadError } from './errors';
import { nestedOrganisms } from './nestedOrganisms';
import { withDosedDrugs } from './dosedDrugs';
import { withListedFindings } from './listedFindings';
import { mendBracketedNames } from './bracketedNames';
import { nestedChemicals } from './nestedChemicals';
import { completeTerms } from './termCompletion';
import { fixOrganismBoundaries } from './organismBoundaries';
import { Gazetteer } from './gazetteer';
import type { LabelScheme } from './labels';
import { defaultModelDir, GazetteerSpec, readModelFolder } from './modelFolder';
import { TokenClassifierSession } from './onnxSession';
import { TypeHeadDecoder } from './typeHeadDecoding';
import type { Annotation } from './types';
import { bioSpans, viterbi } from './viterbi';
import { InferenceContext, scoreWindows, WindowJob } from './windowInference';
import { planWindows } from './windows';
import { WordPieceEncoder } from './wordPieces';

/** Pieces shared by consecutive windows of a sentence longer than the model's input. */
export const WINDOW_OVERLAP = 32;
const DEFAULT_BATCH_SIZE = 32;
/**
 * Most padded tokens per batch. Measured with the q8 model at 1 thread: on sessions 1–2's machine
 * (BC5CDR) 256 to 1024 ran at the same speed, 64 rows of ~40 pieces (~2.6k tokens) about 20 %
 * slower (likely as the activations stop fitting in cache); on session 13's (Xeon, AVX-512 VNNI)
 * 256 ran 15 % faster than 1024 on BC5CDR dev (28,000 vs 24,400 tokens/s) and 28 % faster on the
 * example notes (`biolens bench`: 25,700 vs 20,000), 128 a little faster again. Long windows (128
 * pieces) thus go one or two to a batch; short sentences still share one.
 */
const BATCH_TOKENS = 256;
/** Batches prepared at a time: enough to sort by length, few enough to bound memory. */
const BATCHES_PER_CHUNK = 8;

export class NerPipeline implements NerEngine {
  /** Aborted by dispose(): calls in flight stop before their next batch. */
  private readonly lifetime = new AbortController();
  private readonly running = new Set<Promise<unknown>>();

  private constructor(
    readonly info: ModelInfo,
    private readonly scheme: LabelScheme,
    private readonly encoder: WordPieceEncoder,
    private readonly session: TokenClassifierSession,
    private readonly gazetteer: Gazetteer,
    private readonly bits: Partial<Record<string, number>>,
    private readonly batchSize: number,
    /** For a model with type heads: each group of types decoded from its own heads. */
    private readonly typeHeads: TypeHeadDecoder | null,
  ) {}

  static async load(opts: EngineOptions = {}): Promise<NerPipeline> {
    checkEngineOptions(opts);
    const folder = readModelFolder(opts.modelDir ?? defaultModelDir(), opts.dtype ?? 'q8');
    // The ONNX file first: it is the likeliest to be corrupt (a truncated download).
    const typeHeads = folder.typeHeads ? new TypeHeadDecoder(folder.typeHeads, folder.scheme) : null;
    const session = await TokenClassifierSession.open(folder.onnxFile, opts.threads ?? 1, folder.scheme.labels.length, typeHeads?.groupCount ?? 0);
    try {
      const encoder = await WordPieceEncoder.load(folder.info.dir);
      const gazetteer = folder.gazetteer ? loadGazetteer(folder.gazetteer) : Gazetteer.empty();
      return new NerPipeline(folder.info, folder.scheme, encoder, session, gazetteer, folder.gazetteer?.bits ?? {}, opts.batchSize ?? DEFAULT_BATCH_SIZE, typeHeads);
    } catch (e) {
      await session.dispose();
      throw e;
    }
  }

  async annotate(text: string, opts?: AnnotateOptions): Promise<Annotation[]> {
    return (await this.annotateBatch([text], opts))[0];
  }

  async annotateBatch(texts: string[], opts: AnnotateOptions = {}): Promise<Annotation[][]> {
    this.lifetime.signal.throwIfAborted();
    opts.signal?.throwIfAborted();
    const signal = opts.signal ? AbortSignal.any([opts.signal, this.lifetime.signal]) : this.lifetime.signal;
    const work = this.annotateAll(texts, opts, signal);
    this.running.add(work);
    try {
      return await work;
    } finally {
      this.running.delete(work);
    }
  }

  async countTokens(text: string): Promise<number> {
    this.lifetime.signal.throwIfAborted();
    let count = 0;
    for (const sentence of encodeSentences([text], this.encoder)) count += sentence.pieceStart[sentence.words.length];
    return count;
  }

  async dispose(): Promise<void> {
    if (this.lifetime.signal.aborted) return;
    this.lifetime.abort(new EngineDisposedError());
    await Promise.allSettled(this.running);
    await this.session.dispose();
  }

  private async annotateAll(texts: string[], opts: AnnotateOptions, signal: AbortSignal): Promise<Annotation[][]> {
    const results: Annotation[][] = texts.map(() => []);
    const ctx: InferenceContext = {
      session: this.session,
      startId: this.encoder.startId,
      endId: this.encoder.endId,
      padId: this.encoder.padId,
      maxPieces: this.info.maxLength - 2,
      batchSize: this.batchSize,
      batchTokens: BATCH_TOKENS,
      signal,
    };
    const L = this.scheme.labels.length;
    const GL = (this.typeHeads?.groupCount ?? 0) * L;
    let sentences: Array<{ sentence: EncodedSentence; emissions: Float32Array; typeEmissions?: Float32Array }> = [];
    let jobs: WindowJob[] = [];
    const runChunk = async () => {
      await scoreWindows(jobs, ctx);
      for (const { sentence, emissions, typeEmissions } of sentences) {
        results[sentence.doc].push(...this.entities(texts[sentence.doc], sentence, emissions, typeEmissions, opts));
      }
      sentences = [];
      jobs = [];
    };
    for (const sentence of encodeSentences(texts, this.encoder)) {
      const n = sentence.words.length;
      const { windows, owner } = planWindows(sentence.pieceStart, n, ctx.maxPieces, WINDOW_OVERLAP);
      const emissions = new Float32Array(n * L);
      const typeEmissions = GL ? new Float32Array(n * GL) : undefined;
      const features = new Int32Array(n);
      this.gazetteer.features(sentence.words, 0, n, features);
      sentences.push({ sentence, emissions, typeEmissions });
      windows.forEach(({ from, to }, window) => {
        const pieces = sentence.pieceStart[to] - sentence.pieceStart[from];
        jobs.push({ sentence, emissions, typeEmissions, features, owner, window, from, to, pieces });
      });
      if (jobs.length >= this.batchSize * BATCHES_PER_CHUNK) await runChunk();
    }
    await runChunk();
    // Each text is a document (or, in the editor, a paragraph: the server adds the abbreviations
    // defined and the names found in other paragraphs itself).
    // minScore filters what comes out, last: a span below it still defines its abbreviation.
    const minScore = opts.minScore;
    return results.map((found, doc) => {
      const all = withDocumentMentions(texts[doc], found);
      return minScore === undefined ? all : all.filter((a) => a.score >= minScore);
    });
  }

  private entities(text: string, sentence: EncodedSentence, emissions: Float32Array, typeEmissions: Float32Array | undefined, opts: AnnotateOptions): Annotation[] {
    const n = sentence.words.length;
    const labelled = this.typeHeads && typeEmissions ? this.typeHeads.decode(typeEmissions, emissions, n) : bioSpans(viterbi(emissions, n, this.scheme), emissions, this.scheme);
    const decoded = completeTerms(sentence.words, labelled, this.scheme, this.gazetteer, this.bits);
    const speciesBit = this.bits.Species ?? 0;
    const bounded = fixOrganismBoundaries(text, sentence.words, decoded, this.scheme, this.gazetteer, speciesBit);
    const dosed = withDosedDrugs(text, sentence.words, bounded, this.scheme, this.gazetteer, this.bits.Chemical ?? 0, emissions);
    const listed = withListedFindings(text, sentence.words, dosed, this.scheme, this.gazetteer, this.bits.Disease ?? 0, emissions);
    const spans = mendBracketedNames(sentence.words, listed, this.scheme);
    const nested = [
      ...nestedOrganisms(sentence.words, spans, this.scheme, this.gazetteer, speciesBit),
      ...nestedChemicals(sentence.words, spans, this.scheme, this.gazetteer, this.bits.Chemical ?? 0),
    ];
    // Document order: by start, a container before the entity nested at its first word.
    const all = nested.length ? [...spans, ...nested].sort((a, b) => a.firstWord - b.firstWord || b.lastWord - a.lastWord) : spans;
    return spanAnnotations(text, sentence.words, all, this.scheme, opts);
  }
}

function loadGazetteer({ file, maxWords, allowedBits }: GazetteerSpec): Gazetteer {
  let tsv: string;
  try {
    tsv = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ModelLoadError(`cannot read gazetteer ${file}: ${(e as Error).message}`, file, { cause: e });
  }
  return Gazetteer.parse(tsv, maxWords, allowedBits);
}
