import * as assert from 'node:assert/strict';
import type { PaintedDecorations } from '../../../src/client/decorations';
import { asOffsets, biolens, completeDecorations, expectedEntities, openInEditor, waitFor, workspaceFile } from '../helpers';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('When the server process dies', () => {
  it('the client restarts it, and highlights are recomputed by the new server', async () => {
    const api = await biolens();
    const editor = await openInEditor(workspaceFile('examples', 'clinical-note.txt'));
    await completeDecorations(api, editor);
    assert.ok('pid' in api.state);
    const oldPid = api.state.pid;

    const repaints: PaintedDecorations[] = [];
    const subscription = api.onDidPaint((p) => p.uri === editor.document.uri.toString() && repaints.push(p));
    try {
      process.kill(oldPid, 'SIGKILL');
      await waitFor('the old server gone', () => !isAlive(oldPid));
      const restarted = await waitFor('a new server, ready', () => api.state.state === 'ready' && 'pid' in api.state && api.state.pid !== oldPid && api.state, 60_000);
      assert.ok(isAlive(restarted.pid));
      const painted = await waitFor('highlights from the new server', () => repaints.find((p) => p.state === 'complete'), 30_000);
      assert.deepEqual(asOffsets(painted, editor.document), expectedEntities());
    } finally {
      subscription.dispose();
    }
  });
});
