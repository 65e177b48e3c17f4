// Text in, the entities to publish out: the loaded model through the paragraph cache, then the
// abbreviations and the terminology layer over the whole document (abbreviations defined in one
// paragraph are used in others, so their mentions, linking and context need all of it).
import { paragraphs, withDocumentMentions, type Annotation, type NerEngine } from '../engine';
import { documentAbbreviations, isClinicalNote, type NoteOptions } from '../engine/terminology';
import type { ServerSettings } from '../protocol';
import type { Analysis } from './analysisScheduler';
import type { EngineHost } from './engineHost';
import { IncrementalAnnotator } from './incrementalAnnotator';
import { IncrementalEnricher } from './incrementalEnrichment';
import type { Terminology } from './terminology';

/** The model is in the error state (the status notification says why). */
export class ModelUnavailableError extends Error {
  constructor() {
    super('no model is loaded');
    this.name = 'ModelUnavailableError';
  }
}

export class EntityPipeline {
  private current: { engine: NerEngine; annotator: IncrementalAnnotator } | undefined;
  private enricher: IncrementalEnricher | undefined;

  constructor(
    private readonly host: EngineHost,
    private readonly terminology: () => Terminology,
    private readonly settings: () => ServerSettings,
  ) {}

  /** `options.clinicalNote`: the document is a clinical note whatever its shape (its language says so). */
  async analyse(text: string, signal: AbortSignal, onProgress: (known: Annotation[]) => void = () => undefined, options: NoteOptions = {}): Promise<Analysis> {
    const started = performance.now();
    const engine = await this.host.ready();
    signal.throwIfAborted();
    if (!engine) throw new ModelUnavailableError();
    const terminology = this.terminology();
    if (!this.settings().incremental) {
      // The baseline the incremental path is measured against: the whole text, every time.
      const annotations = await engine.annotate(text, { signal });
      const stats = { analysedParagraphs: paragraphs(text).length, reusedParagraphs: 0, ms: performance.now() - started };
      return { annotations: terminology.enrich(text, annotations, options), stats };
    }
    const enricher = this.enricherFor(terminology);
    // The engine saw one paragraph at a time: abbreviations defined and names found in another
    // paragraph are added here, then the clinical abbreviations the model left out (as
    // terminology.enrich does). The document's abbreviations, and whether it is a clinical note,
    // are found once for every step.
    const abbreviations = documentAbbreviations(text);
    const note = { clinicalNote: isClinicalNote(text, options) };
    const complete = (known: Annotation[]) =>
      enricher.enrich(text, terminology.withVocabularyMentions(text, withDocumentMentions(text, known, abbreviations.definitions), abbreviations, note), abbreviations, note);
    const result = await this.annotatorFor(engine).annotate(text, signal, (known) => onProgress(complete(known)));
    return {
      annotations: complete(result.annotations),
      stats: { analysedParagraphs: result.analysedParagraphs, reusedParagraphs: result.reusedParagraphs, ms: performance.now() - started },
    };
  }

  /** Enriched paragraphs are reusable while the vocabulary (and its settings) stay the same. */
  private enricherFor(terminology: Terminology): IncrementalEnricher {
    if (this.enricher?.terminology !== terminology) this.enricher = new IncrementalEnricher(terminology);
    return this.enricher;
  }

  /** One paragraph cache per loaded model: entities of another model are not reusable. */
  private annotatorFor(engine: NerEngine): IncrementalAnnotator {
    if (this.current?.engine !== engine) {
      this.current = { engine, annotator: new IncrementalAnnotator((texts, signal) => engine.annotateBatch(texts, { signal })) };
    }
    return this.current.annotator;
  }
}
