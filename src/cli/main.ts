#!/usr/bin/env node
// biolens: the BioLens engine from a terminal (annotate, eval, bench).
import { parseArgs } from './args';
import type { Command } from './command';
import { annotateCommand } from './commands/annotate';
import { benchCommand } from './commands/bench';
import { evalCommand } from './commands/eval';
import { errorLine, exitCodeOf, UsageError } from './errors';
import { processIo, type CliIo } from './io';

const COMMANDS: readonly Command[] = [annotateCommand, evalCommand, benchCommand];

const HELP = `Usage: biolens <command> [options]

BioLens finds biomedical entities (chemicals, diseases, genes, species, cell lines, cell types)
with a compact language model that runs locally: nothing leaves the machine.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)}${c.summary}`).join('\n')}

Run 'biolens <command> --help' for a command's options.`;

/** Runs the CLI and returns the exit code; never throws and never calls process.exit. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      (name === undefined ? io.stderr : io.stdout).write(`${HELP}\n`);
      return name === undefined ? 2 : 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`unknown command '${name}' (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
    const args = parseArgs(rest, command.options, command.name);
    if (args.options.help) {
      io.stdout.write(`${command.help}\n`);
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    io.stderr.write(`${errorLine(error)}\n`);
    if (io.env.BIOLENS_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return exitCodeOf(error);
  }
}

if (require.main === module) {
  // `biolens annotate … | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  void main(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  });
}
