import * as assert from 'node:assert/strict';
import { asOffsets, expectedEntities, highlightedExampleNote, recordRepaints, waitFor } from '../helpers';

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
    const { api, editor, pid: oldPid } = await highlightedExampleNote();
    const { repaints, dispose } = recordRepaints(api, editor);
    try {
      process.kill(oldPid, 'SIGKILL');
      await waitFor('the old server gone', () => !isAlive(oldPid));
      const restarted = await waitFor('a new server, ready', () => api.state.state === 'ready' && 'pid' in api.state && api.state.pid !== oldPid && api.state, 60_000);
      assert.ok(isAlive(restarted.pid));
      const painted = await waitFor('highlights from the new server', () => repaints.find((p) => p.state === 'complete'), 30_000);
      assert.deepEqual(asOffsets(painted, editor.document), expectedEntities());
    } finally {
      dispose();
    }
  });
});
