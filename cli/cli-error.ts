/**
 * Every code a `CliError` can carry, in one list: callers (the table in run.ts, tests, scripts reading stderr)
 * switch on the code, never on the wording, the way jose's errors carry a `code`.
 */
export const CLI_ERROR_CODES = [
  /** The first words name no command. */
  'unknown-command',
  /** An option the command does not take. */
  'unknown-option',
  /** An option that needs a value was given none. */
  'missing-value',
  /** An option's value is not one the command accepts (a bad number, an unknown severity…). */
  'invalid-value',
  /** An option that may be given once was given again. */
  'repeated-option',
  /** Too few or too many inputs (bundles, files, tokens) were named. */
  'wrong-input-count',
  /** A file the command line names cannot be read or is not what it should be. */
  'unreadable-input',
] as const;

/** The stable code of a `CliError`. */
export type CliErrorCode = (typeof CLI_ERROR_CODES)[number];

/** Codes of mistakes in the command line itself: their message ends with a pointer to the help. */
const USAGE_CODES: ReadonlySet<CliErrorCode> = new Set([
  'unknown-command',
  'unknown-option',
  'missing-value',
  'invalid-value',
  'repeated-option',
  'wrong-input-count',
]);

/** Exit code of every CLI error: the one for "the input cannot be used" of every command (README.md). */
export const CLI_ERROR_EXIT = 2;

/** A command line the CLI refuses before doing any work: a stable `code` and a message for the person who typed it. */
export class CliError extends Error {
  readonly code: CliErrorCode;

  constructor(code: CliErrorCode, message: string) {
    super(message);
    this.name = 'CliError';
    this.code = code;
  }

  /** True when the mistake is in how the command was typed (the help then shows how to type it). */
  get isUsage(): boolean {
    return USAGE_CODES.has(this.code);
  }
}
