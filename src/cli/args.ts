// A tiny argv parser: `--name value`, `--name=value`, boolean `--flag`, `-h`, positionals,
// `-` (stdin) as a positional and `--` to end options. Unknown options are errors, not ignored.
// A 'list' option may be repeated; its values are kept in order.
import { UsageError } from './errors';

export type OptionKind = 'string' | 'boolean' | 'list';
export type OptionSpec = Readonly<Record<string, OptionKind>>;

export interface ParsedArgs {
  options: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], spec: OptionSpec, command: string): ParsedArgs {
  const options: ParsedArgs['options'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      options.help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [, name, inlineValue] = /^--([^=]+)(?:=(.*))?$/s.exec(arg) ?? [];
    const kind = name === undefined ? undefined : spec[name];
    if (!kind) throw new UsageError(`unknown option '${arg.split('=')[0]}' for '${command}' (see 'biolens ${command} --help')`);
    if (kind === 'boolean') {
      if (inlineValue !== undefined) throw new UsageError(`option '--${name}' takes no value`);
      options[name] = true;
      continue;
    }
    const value = inlineValue ?? argv[++i];
    if (value === undefined || (inlineValue === undefined && value.startsWith('--'))) throw new UsageError(`option '--${name}' needs a value`);
    if (kind === 'list') {
      const previous = options[name];
      options[name] = [...(Array.isArray(previous) ? previous : []), value];
    } else options[name] = value;
  }
  return { options, positionals };
}

/** A number option within bounds, or the default when absent. */
export function numberOption(args: ParsedArgs, name: string, bounds: { min: number; max?: number; integer?: boolean }): number | undefined {
  const raw = args.options[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  const ok = raw !== '' && Number.isFinite(value) && value >= bounds.min && (bounds.max === undefined || value <= bounds.max) && (!bounds.integer || Number.isInteger(value));
  if (!ok) {
    const range = bounds.max === undefined ? `at least ${bounds.min}` : `between ${bounds.min} and ${bounds.max}`;
    throw new UsageError(`--${name} must be ${bounds.integer ? 'an integer' : 'a number'} ${range}, got '${raw}'`);
  }
  return value;
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options[name];
  return typeof value === 'string' ? value : undefined;
}

/** Every value of a repeatable ('list') option, in order; none when absent. */
export function listOption(args: ParsedArgs, name: string): string[] {
  const value = args.options[name];
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
}

/** One of a fixed set of values, e.g. --format. */
export function choiceOption<T extends string>(args: ParsedArgs, name: string, choices: readonly T[], fallback?: T): T {
  const value = stringOption(args, name) ?? fallback;
  if (value === undefined) throw new UsageError(`--${name} is required (${choices.join('|')})`);
  if (!choices.includes(value as T)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got '${value}'`);
  return value as T;
}

/** An option whose value another parser reads; that parser's error becomes a usage error. */
export function parsedOption<T>(args: ParsedArgs, name: string, parse: (value: string) => T): T | undefined {
  const value = stringOption(args, name);
  if (value === undefined) return undefined;
  try {
    return parse(value);
  } catch (error) {
    throw new UsageError(`--${name}: ${(error as Error).message}`);
  }
}
