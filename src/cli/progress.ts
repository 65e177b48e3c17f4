// Progress of long runs on stderr: one line rewritten in place on a terminal, otherwise a line at
// every tenth of the way, so logs of CI runs stay short.
import type { OutputStream } from './io';

export type ProgressReporter = (done: number, total: number) => void;

export function progressReporter(stream: OutputStream, label: string, unit = 'documents'): ProgressReporter {
  let lastTenth = -1;
  return (done, total) => {
    const line = `${label}: ${done}/${total} ${unit}`;
    if (stream.isTTY) {
      stream.write(`\r\x1b[K${line}${done >= total ? '\n' : ''}`);
      return;
    }
    const tenth = Math.floor((done / Math.max(total, 1)) * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      stream.write(`${line}\n`);
    }
  };
}
