// Errors the CLI reports as one line, `biolens: error: …`, with their exit code.

/** Anything the user can fix: bad input file, unreadable gold file, bad model folder. Exit 1. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
    this.name = 'CliError';
  }
}

/** Wrong command line: unknown command or option, missing value. Exit 2, like most Unix tools. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** One line, whatever the error carries: stack traces are for bugs, not for users. */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `biolens: error: ${message.trim().replace(/\s*\n\s*/g, '; ')}`;
}

export function exitCodeOf(error: unknown): number {
  return error instanceof CliError ? error.exitCode : 1;
}
