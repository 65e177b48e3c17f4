// The CLI's contact with the outside world, passed in so tests can run commands in-process.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CliError } from './errors';

export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  readStdin(): Promise<string>;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return decodeText(Buffer.concat(chunks), 'stdin');
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Reads a UTF-8 text file; every failure is a CliError naming the file and the cause. */
export async function readTextFile(path: string, what = 'file'): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new CliError(`cannot read ${what} '${path}': ${reason}`);
  }
  return decodeText(bytes, path);
}

/**
 * Offsets are UTF-16 positions in the text as an editor shows it, so a UTF-8 byte-order mark is
 * dropped (VS Code drops it too) and anything that is not UTF-8 text is refused, not guessed.
 */
export function decodeText(bytes: Buffer, name: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new CliError(`'${name}' is UTF-16; BioLens reads UTF-8 text (convert it with iconv -f UTF-16 -t UTF-8)`);
  }
  if (bytes.subarray(0, 8192).includes(0)) throw new CliError(`'${name}' looks like a binary file, not text`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new CliError(`'${name}' is not valid UTF-8 text`);
  }
}

/** The folder holding package.json: examples/ live there, next to dist/ and src/. */
export function packageRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Colour only for a terminal, and never when NO_COLOR is set (no-color.org). */
export function useColor(stream: OutputStream, env: CliIo['env']): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}
