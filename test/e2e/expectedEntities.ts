// What the extension must paint for a note, computed outside the editor with the engine and the
// server's own paragraph batching (scores depend in their last digits on what is batched
// together, and an entity near the confidence threshold must not flip), filtered with the
// extension's defaults. The e2e tests compare decorations against it, so they hold for whichever
// model is shipped. That this batching finds what annotating the whole text finds is a unit test
// (test/server/incrementalAnnotator.test.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createEngine } from '../../src/engine';
import { IncrementalAnnotator } from '../../src/server/incrementalAnnotator';

export interface ExpectedEntity {
  start: number;
  end: number;
  text: string;
  type: string;
}

export async function writeExpectedEntities(noteFile: string, outFile: string): Promise<void> {
  const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'));
  const minConfidence: number = manifest.contributes.configuration.properties['biolens.minConfidence'].default;
  const engine = await createEngine({ inWorker: false });
  try {
    const annotator = new IncrementalAnnotator((texts, signal) => engine.annotateBatch(texts, { signal }));
    const { annotations } = await annotator.annotate(readFileSync(noteFile, 'utf8'));
    const expected: ExpectedEntity[] = annotations
      .filter((a) => a.score >= minConfidence)
      .map(({ start, end, text, type }) => ({ start, end, text, type }));
    writeFileSync(outFile, JSON.stringify({ note: noteFile, minConfidence, entities: expected }, null, 1));
  } finally {
    await engine.dispose();
  }
}
