// Reading the raw sources in ../shared/data/vocab: plain or gzipped text, TSV with a header row.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export function readText(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Rows of a tab-separated file with a header line, as header → value records. */
export function* readTsv(file: string, skipComments = false): Generator<Record<string, string>> {
  const lines = readText(file).split(/\r?\n/);
  let header: string[] | undefined;
  for (const line of lines) {
    if (!line || (skipComments && line.startsWith('#'))) continue;
    const fields = line.split('\t');
    if (!header) {
      header = fields;
      continue;
    }
    const row: Record<string, string> = {};
    header.forEach((name, i) => (row[name] = fields[i] ?? ''));
    yield row;
  }
}
