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

const VALUED = new Set(['--keys', '--wordlist', '--case-config', '--key-rotation', '--presented-to', '--workers']);

/** Parse `inspect`'s arguments; returns an error message for anything it does not understand. */
export function parseInspectArgs(argv: readonly string[]): InspectArgs | { error: string } {
  const keys: string[] = [];
  const values: Record<string, string> = {};
  const positional: string[] = [];
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (VALUED.has(arg)) {
      const value = argv[++i];
      if (value === undefined || (value.startsWith('--') && value !== '-')) return { error: `${arg} needs a value` };
      if (arg === '--keys') keys.push(value);
      else if (values[arg] !== undefined) return { error: `${arg} may be given only once` };
      else values[arg] = value;
    } else if (arg.startsWith('--')) return { error: `unknown option ${arg}` };
    else positional.push(arg);
  }
  if (positional.length !== 1) return { error: 'inspect takes exactly one input: a token, a file of tokens (one per line), or - for standard input' };
  const workers = values['--workers'] === undefined ? undefined : Number(values['--workers']);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 0 || workers > 256)) return { error: '--workers needs a whole number (0 verifies in the main thread)' };
  return { input: positional[0]!, keys, json, wordlist: values['--wordlist'], caseConfig: values['--case-config'], keyRotation: values['--key-rotation'], presentedTo: values['--presented-to'], workers };
}
