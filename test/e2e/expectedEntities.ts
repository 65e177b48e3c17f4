// What the extension must paint for a note, computed outside the editor with the engine and the
// server's own paragraph batching (scores depend in their last digits on what is batched
// together, and an entity near the confidence threshold must not flip), then the server's
// document-wide steps (abbreviations defined and names found in another paragraph, the
// terminology layer, which may retype a mention), filtered with the extension's defaults. The
// e2e tests compare decorations against it, so they hold for whichever model is shipped. That
// this batching finds what annotating the whole text finds is a unit test
// (test/server/incrementalAnnotator.test.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createEngine, withDocumentMentions } from '../../src/engine';
import { createTerminology } from '../../src/engine/terminology';
import { IncrementalAnnotator } from '../../src/server/incrementalAnnotator';

export interface ExpectedEntity {
  start: number;
  end: number;
  text: string;
  type: string;
  /** The model's type, where the terminology layer gave the vocabulary's. */
  modelType?: string;
}

export async function writeExpectedEntities(noteFile: string, outFile: string): Promise<void> {
  const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
  const minConfidence: number = manifest.contributes.configuration.properties['biolens.minConfidence'].default;
  const engine = await createEngine({ inWorker: false });
  try {
    const annotator = new IncrementalAnnotator((texts, signal) => engine.annotateBatch(texts, { signal }));
    const text = readFileSync(noteFile, 'utf8');
    const { annotations } = await annotator.annotate(text);
    const expected: ExpectedEntity[] = createTerminology()
      .enrich(text, withDocumentMentions(text, annotations))
      .filter((a) => a.score >= minConfidence)
      .map(({ start, end, text, type, modelType }) => ({ start, end, text, type, ...(modelType && { modelType }) }));
    // Those no paragraph's own analysis would paint (not found, or found under the confidence
    // threshold, which the document-wide step raises to the name's best score): what only the
    // document-wide step adds.
    const byParagraph = new Set(annotations.filter((a) => a.score >= minConfidence).map((a) => `${a.start}:${a.end}`));
    const addedByDocument = expected.filter((e) => !byParagraph.has(`${e.start}:${e.end}`));
    writeFileSync(outFile, JSON.stringify({ note: noteFile, minConfidence, entities: expected, addedByDocument }, null, 1));
  } finally {
    await engine.dispose();
  }
}
