import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { CliError } from './cli-error';
import type { Output } from './output';

/** One option of a command: `--name VALUE` (string) or `--name` (boolean). */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** A string option that may be repeated; its values are kept in order. Any other option may be given once. */
  readonly multiple?: boolean;
  /** What the value should be, for the message when it is missing: `--geo-db needs an .mmdb file`. */
  readonly needs?: string;
}

/** The options of a command, by name (without the leading `--`). */
export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The values parsed for `O`: a boolean for a flag, the list for a repeated option, else the value if given. */
export type OptionValues<O extends OptionSpecs> = {
  readonly [K in keyof O]: O[K] extends { readonly type: 'boolean' }
    ? boolean
    : O[K] extends { readonly multiple: true }
      ? readonly string[]
      : string | undefined;
};

/** Options several commands take, parsed in one place so they mean the same everywhere. */
export const SHARED_OPTIONS = {
  json: { type: 'boolean' },
  'geo-db': { type: 'string', multiple: true, needs: 'an .mmdb file' },
  'no-geo': { type: 'boolean' },
} as const satisfies OptionSpecs;

/** The name of a shared option. */
export type SharedOption = keyof typeof SHARED_OPTIONS;

/** The shared options as a command reads them (defaults when the command does not take one). */
export interface SharedFlags {
  /** `--json`: machine-readable output. */
  readonly json: boolean;
  /** False with `--no-geo`: IPs are not placed. */
  readonly geo: boolean;
  /** Every `--geo-db FILE.mmdb`, in order; empty means the shipped databases. */
  readonly geoDatabases: readonly string[];
}

/** A command line after the command's words: its own option values, its inputs, and the shared flags. */
export interface ParsedCommandLine<O extends OptionSpecs> {
  readonly values: OptionValues<O>;
  readonly positionals: readonly string[];
  readonly shared: SharedFlags;
}

/** Where a command reads and writes; injected so tests run commands without touching the process's streams. */
export interface CommandIo extends Output {
  readonly stdin: Readable;
}

/**
 * A `tokentrail` command: one module each, listed in the table of run.ts, which parses the command line with
 * `options` plus the `shared` options it takes, prints `help` for `--help`, and turns a thrown `CliError` into the
 * message and exit code 2.
 */
export interface Command<O extends OptionSpecs = OptionSpecs> {
  /** The words that select it: `inspect`, `bundle verify`. */
  readonly name: string;
  /** Its usage and description, indented as a block of `tokentrail --help`. */
  readonly help: string;
  /** Its own options; shared ones are named in `shared`, not repeated here. */
  readonly options: O;
  /** The shared options it takes; the others are refused as unknown. */
  readonly shared: readonly SharedOption[];
  /** Run with the parsed command line; returns the exit code. Throws `CliError` for input it refuses. */
  run(parsed: ParsedCommandLine<O>, io: CommandIo): Promise<number>;
}

/** Every option `command` takes: its own and the shared ones it names. */
export function commandOptions(command: Pick<Command, 'options' | 'shared'>): OptionSpecs {
  return { ...Object.fromEntries(command.shared.map((name) => [name, SHARED_OPTIONS[name]])), ...command.options };
}

/**
 * Parse `argv` (what follows the command's words) for `command`. parseArgs runs in its lenient mode and the rules
 * are checked here on its tokens: that names the offending option in our words, refuses a value that is another
 * option (`--keys --json`), and keeps an argument that starts with a single dash an input (`-` is standard input,
 * and a token's base64url may start with `-`), since no command has one-letter options.
 */
export function parseCommandLine<O extends OptionSpecs>(
  command: Command<O>,
  argv: readonly string[],
): ParsedCommandLine<O> {
  const specs = commandOptions(command);
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [name, { type: spec.type, multiple: spec.multiple === true }]),
  );
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean | string[]> = {};
  const positionals: string[] = [];
  let lastDashArgument = -1;
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    if (!token.rawName.startsWith('--')) {
      // parseArgs splits "-abc" into one token per letter: the argument is kept once, whole.
      if (token.index !== lastDashArgument) positionals.push(argv[token.index]!);
      lastDashArgument = token.index;
      continue;
    }
    const spec = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    if (spec === undefined) throw new CliError('unknown-option', `unknown option ${token.rawName}`);
    if (spec.type === 'boolean') {
      if (token.inlineValue) throw new CliError('invalid-value', `${token.rawName} takes no value`);
      values[token.name] = true;
      continue;
    }
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--')))
      throw new CliError('missing-value', `${token.rawName} needs ${spec.needs ?? 'a value'}`);
    if (spec.multiple) ((values[token.name] ??= []) as string[]).push(token.value);
    else if (values[token.name] !== undefined)
      throw new CliError('repeated-option', `${token.rawName} may be given only once`);
    else values[token.name] = token.value;
  }
  const shared: SharedFlags = {
    json: values.json === true,
    geo: values['no-geo'] !== true,
    geoDatabases: (values['geo-db'] as string[] | undefined) ?? [],
  };
  for (const [name, spec] of Object.entries(specs))
    if (spec.type === 'boolean' || spec.multiple) values[name] ??= spec.multiple ? [] : false;
  return { values: values as unknown as OptionValues<O>, positionals, shared };
}
