// When each open document is analysed. An edit first re-publishes the previous entities shifted
// through the edit (cheap, so highlights follow typing at once), then, after `debounceMs` without
// further edits, the document is re-analysed; a newer edit aborts an analysis in flight. Every
// publication carries the document version it describes, and nothing is published for a
// version that is no longer the latest.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Annotation } from '../engine';
import type { AnalysisStats, AnnotationState, ServerSettings, SkipReason } from '../protocol';
import { diffTexts, shiftSpans } from './textEdit';

export interface Analysis {
  annotations: Annotation[];
  stats: AnalysisStats;
}

/** One version of an open document and what is known about its entities. */
export interface TrackedDocument {
  /** An immutable snapshot (offset/position conversions for this version). */
  document: TextDocument;
  /** Every entity found, before the type and confidence filters; offsets into this version. */
  entities: Annotation[];
  state: AnnotationState;
  skipped?: SkipReason;
  stats?: AnalysisStats;
}

export interface SchedulerHooks {
  /** `languageId`: the document's language in the editor ("clinical-note" for a Clinical Note). */
  analyse(text: string, signal: AbortSignal, onProgress: (known: Annotation[]) => void, languageId: string): Promise<Analysis>;
  publish(doc: TrackedDocument): void;
  /** The analysis failed for a reason other than a newer edit. */
  failed(doc: TrackedDocument, error: unknown): void;
  settings(): ServerSettings;
}

interface Scheduled extends TrackedDocument {
  timer?: NodeJS.Timeout;
  inFlight?: AbortController;
}

export class AnalysisScheduler {
  private readonly docs = new Map<string, Scheduled>();

  constructor(private readonly hooks: SchedulerHooks) {}

  open(uri: string, languageId: string, version: number, text: string): void {
    this.cancel(this.docs.get(uri));
    const doc: Scheduled = { document: TextDocument.create(uri, languageId, version, text), entities: [], state: 'pending' };
    this.docs.set(uri, doc);
    this.schedule(doc, 0);
  }

  change(uri: string, version: number, text: string): void {
    const doc = this.docs.get(uri);
    if (!doc) return;
    this.cancel(doc);
    const before = doc.document.getText();
    const edit = diffTexts(before, text);
    doc.document = TextDocument.create(uri, doc.document.languageId, version, text);
    doc.stats = undefined;
    if (edit && doc.state !== 'skipped') {
      doc.entities = shiftSpans(doc.entities, edit, text);
      doc.state = 'pending';
      if (!this.tooLarge(doc)) this.hooks.publish(doc);
    }
    this.schedule(doc, this.hooks.settings().debounceMs);
  }

  close(uri: string): void {
    this.cancel(this.docs.get(uri));
    this.docs.delete(uri);
  }

  get(uri: string): TrackedDocument | undefined {
    return this.docs.get(uri);
  }

  /** After a model or vocabulary change: analyse every open document again, now. */
  reanalyseAll(): void {
    for (const doc of this.docs.values()) {
      this.cancel(doc);
      this.schedule(doc, 0);
    }
  }

  /** After a filter setting changed: publish again what is known, without analysing. */
  republishAll(): void {
    for (const doc of this.docs.values()) this.hooks.publish(doc);
  }

  dispose(): void {
    for (const doc of this.docs.values()) this.cancel(doc);
    this.docs.clear();
  }

  private schedule(doc: Scheduled, delayMs: number): void {
    const limit = this.hooks.settings().maxFileSize;
    const size = doc.document.getText().length;
    if (this.tooLarge(doc)) {
      // Published once per version: the client tells the user once per document.
      doc.entities = [];
      doc.state = 'skipped';
      doc.skipped = { reason: 'tooLarge', size, limit };
      this.hooks.publish(doc);
      return;
    }
    doc.skipped = undefined;
    doc.timer = setTimeout(() => void this.run(doc), delayMs);
  }

  private async run(doc: Scheduled): Promise<void> {
    doc.timer = undefined;
    const abort = new AbortController();
    doc.inFlight = abort;
    const document = doc.document;
    const isCurrent = () => !abort.signal.aborted && doc.document === document && this.docs.get(document.uri) === doc;
    try {
      const analysis = await this.hooks.analyse(document.getText(), abort.signal, (known) => {
        if (!isCurrent()) return;
        doc.entities = known;
        doc.state = 'pending'; // a re-analysis (new model, terminology) of a complete document is partial until it ends
        this.hooks.publish(doc);
      }, document.languageId);
      if (!isCurrent()) return;
      doc.entities = analysis.annotations;
      doc.stats = analysis.stats;
      doc.state = 'complete';
      this.hooks.publish(doc);
    } catch (error) {
      if (isCurrent()) this.hooks.failed(doc, error);
    } finally {
      if (doc.inFlight === abort) doc.inFlight = undefined;
    }
  }

  private tooLarge(doc: TrackedDocument): boolean {
    return doc.document.getText().length > this.hooks.settings().maxFileSize;
  }

  private cancel(doc: Scheduled | undefined): void {
    if (!doc) return;
    clearTimeout(doc.timer);
    doc.timer = undefined;
    doc.inFlight?.abort();
    doc.inFlight = undefined;
  }
}
