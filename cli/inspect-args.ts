import { CliError } from './cli-error';
import type { ParsedCommandLine } from './command';
import { pathKind } from './node-inputs';

/** Command-line arguments of `tokentrail inspect`. */
export interface InspectArgs {
  readonly input: string;
  readonly keys: readonly string[];
  readonly wordlist?: string;
  readonly json: boolean;
  readonly caseConfig?: string;
  readonly keyRotation?: string;
  readonly presentedTo?: string;
  readonly workers?: number;
}

/** The options of `tokentrail inspect` besides the shared `--json`. */
export const INSPECT_OPTIONS = {
  keys: { type: 'string', multiple: true },
  wordlist: { type: 'string' },
  'case-config': { type: 'string' },
  'key-rotation': { type: 'string' },
  'presented-to': { type: 'string' },
  workers: { type: 'string' },
} as const;

/** `inspect`'s arguments from its parsed command line; throws a `CliError` for anything it does not accept. */
export function inspectArgs({ values, positionals, shared }: ParsedCommandLine<typeof INSPECT_OPTIONS>): InspectArgs {
  if (positionals.length !== 1)
    throw new CliError(
      'wrong-input-count',
      'takes exactly one input: a token, a file of tokens (one per line), or - for standard input',
    );
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0 || workers > 256))
    throw new CliError('invalid-value', '--workers needs a whole number (0 verifies in the main thread)');
  return {
    input: positionals[0]!,
    keys: values.keys,
    json: shared.json,
    wordlist: values.wordlist,
    caseConfig: values['case-config'],
    keyRotation: values['key-rotation'],
    presentedTo: values['presented-to'],
    workers,
  };
}

/** What `inspect` reads: standard input, a file (size unknown for a pipe or a device), or a token given literally. */
export type InspectInput =
  | { readonly kind: 'stdin' }
  | { readonly kind: 'file'; readonly path: string; readonly size?: number }
  | { readonly kind: 'token'; readonly text: string };

/** A compact token: base64url segments (padding tolerated, it is a finding) joined by at least two dots. */
const COMPACT_TOKEN = /^[A-Za-z0-9_-]+={0,2}(?:\.[A-Za-z0-9_-]*={0,2}){2,}$/;

/** True when `text` has the shape of a token: compact, or a JSON serialization (which starts with "{"). */
export function looksLikeToken(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith('{') || COMPACT_TOKEN.test(trimmed);
}

/**
 * Decide what the input argument is. An existing file is read; otherwise the argument must look like a token, so
 * that a mistyped file name is reported as such instead of being analysed as a malformed token.
 */
export function resolveInspectInput(input: string): InspectInput | { error: string } {
  if (input === '-') return { kind: 'stdin' };
  const found = pathKind(input);
  if (found.kind === 'file') return { kind: 'file', path: input, size: found.size };
  if (found.kind === 'special') return { kind: 'file', path: input };
  if (looksLikeToken(input)) return { kind: 'token', text: input };
  return { error: `cannot read ${input}: ${found.reason}` };
}

/** Why the --wordlist file cannot be searched, if it cannot: checked before any token is analysed. */
export function wordlistProblem(file: string): string | undefined {
  const found = pathKind(file);
  if (found.kind === 'file') return undefined;
  // The search splits the file into byte ranges read in parallel, which a pipe cannot offer.
  const reason =
    found.kind === 'special' ? `${file} is not a regular file; save the wordlist to a file first` : found.reason;
  return `cannot read the wordlist ${file}: ${reason}`;
}
