import { TOOL_VERSION } from '../core';
import { ANALYZE_HELP, analyzeCommand } from './analyze';
import { bundleVerify } from './bundle-verify';
import { INSPECT_HELP, inspectCommand } from './inspect';
import { ingest, parseIngestArgs } from './ingest';
import type { Output } from './output';

export const HELP = `tokentrail ${TOOL_VERSION} — offline forensics for JWT authentication incidents

Usage:
  tokentrail bundle verify <bundle.zip | folder | file> [--json] [--max-uncompressed BYTES]
      Hash every file of an evidence bundle and compare it with manifest.json.
      Exit 0 when every file matches, 1 on any mismatch, missing or unlisted file
      (or when there is no manifest to compare with), 2 when the bundle cannot be read or is refused.
${INSPECT_HELP}
  tokentrail ingest <files | folders | bundle.zip>... [--format NAME] [--json]
                  [--log-format FORMAT] [--csv-mapping MAPPING.json] [--geo-db FILE.mmdb]... [--no-geo]
      Parse logs into normalized auth events (formats: har, tokentrail-jsonl, access-log, okta, auth0,
      keycloak, entra, cloudtrail, csv, token-list; detected from content unless --format is given).
      With --json: one event per line on stdout. Problems go to stderr as file:line: reason, then a summary.
      Exit 0 when every file was read (malformed lines are reported, not fatal), 1 when a file's format
      was not recognised, 2 when a file could not be read at all. Docs: docs/sources.md
${ANALYZE_HELP}
  tokentrail --help       this text
  tokentrail --version    the version

Nothing is ever sent over the network. Evidence files are only read, never changed.
Bundle format: docs/bundle-format.md`;

/** Parse argv (without node and script) and run the command; returns the exit code. */
export async function run(argv: readonly string[], out: Output): Promise<number> {
  if (argv[0] === 'inspect') return inspectCommand(argv.slice(1), out);
  if (argv[0] === 'analyze' && !argv.includes('--help')) return analyzeCommand(argv.slice(1), out);
  const flags = argv.filter((arg) => arg.startsWith('--'));
  const positional = argv.filter((arg, index) => !arg.startsWith('--') && !(argv[index - 1] === '--max-uncompressed'));
  if (flags.includes('--help') || argv.length === 0) {
    out.stdout(HELP);
    return 0;
  }
  if (flags.includes('--version')) {
    out.stdout(TOOL_VERSION);
    return 0;
  }
  if (positional[0] === 'ingest') {
    const options = parseIngestArgs(argv.slice(argv.indexOf('ingest') + 1));
    return typeof options === 'string' ? usage(out, options) : ingest(options, out);
  }
  const known = new Set(['--json', '--max-uncompressed']);
  const unknown = flags.find((flag) => !known.has(flag));
  if (unknown) return usage(out, `unknown option ${unknown}`);
  const [command, sub, target, ...rest] = positional;
  if (command !== 'bundle' || sub !== 'verify') return usage(out, `unknown command "${positional.join(' ')}"`);
  if (!target || rest.length > 0) return usage(out, 'bundle verify takes exactly one bundle (a .zip, a folder or a file)');
  let maxUncompressed: number | undefined;
  const limitAt = argv.indexOf('--max-uncompressed');
  if (limitAt >= 0) {
    maxUncompressed = Number(argv[limitAt + 1]);
    if (!Number.isSafeInteger(maxUncompressed) || maxUncompressed <= 0) return usage(out, '--max-uncompressed needs a positive number of bytes');
  }
  return bundleVerify(target, { json: flags.includes('--json'), maxUncompressed }, out);
}

function usage(out: Output, problem: string): number {
  out.stderr(`tokentrail: ${problem}. Run "tokentrail --help" for usage.`);
  return 2;
}
