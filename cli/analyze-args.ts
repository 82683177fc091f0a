import { SEVERITY_RANK, type Severity } from '../core/token';

/** The parsed command line of `tokentrail analyze`. */
export interface AnalyzeArgs {
  readonly targets: readonly string[];
  readonly json: boolean;
  readonly failOn?: Severity;
  readonly geo: boolean;
  readonly geoDatabases: readonly string[];
}

const SEVERITIES = Object.keys(SEVERITY_RANK) as Severity[];

/** Parse `analyze`'s arguments (after the word `analyze`); returns a usage problem as a string. */
export function parseAnalyzeArgs(argv: readonly string[]): AnalyzeArgs | string {
  const targets: string[] = [];
  let json = false;
  let failOn: Severity | undefined;
  let geo = true;
  const geoDatabases: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--no-geo') geo = false;
    else if (arg === '--fail-on') {
      const value = argv[++i];
      if (value === undefined || !SEVERITIES.includes(value as Severity)) return `--fail-on needs a severity: ${SEVERITIES.join(', ')}`;
      failOn = value as Severity;
    } else if (arg === '--geo-db') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return '--geo-db needs an .mmdb file';
      geoDatabases.push(value);
    } else if (arg.startsWith('--')) return `unknown option ${arg} for analyze`;
    else targets.push(arg);
  }
  if (targets.length === 0) return 'analyze needs at least one bundle (.zip or folder) or evidence file';
  return { targets, json, failOn, geo, geoDatabases };
}
