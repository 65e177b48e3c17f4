// What every subcommand provides to the dispatcher in main.ts.
import type { OptionSpec, ParsedArgs } from './args';
import type { CliIo } from './io';

export interface Command {
  name: string;
  summary: string;
  /** Full `--help` text. */
  help: string;
  options: OptionSpec;
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}
