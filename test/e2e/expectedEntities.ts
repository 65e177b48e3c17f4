// What the extension must paint for a note, computed outside the editor by the engine itself
// with the extension's default filters: the e2e tests compare decorations against it, so they
// hold for whichever model is shipped.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { createEngine } from '../../src/engine';

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
    const annotations = await engine.annotate(readFileSync(noteFile, 'utf8'), { minScore: minConfidence });
    const expected: ExpectedEntity[] = annotations.map(({ start, end, text, type }) => ({ start, end, text, type }));
    writeFileSync(outFile, JSON.stringify({ note: noteFile, minConfidence, entities: expected }, null, 1));
  } finally {
    await engine.dispose();
  }
}
