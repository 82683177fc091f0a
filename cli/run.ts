import { TOOL_VERSION } from '../core';
import { bundleVerify } from './bundle-verify';
import type { Output } from './output';

export const HELP = `tokentrail ${TOOL_VERSION} — offline forensics for JWT authentication incidents

Usage:
  tokentrail bundle verify <bundle.zip | folder | file> [--json] [--max-uncompressed BYTES]
      Hash every file of an evidence bundle and compare it with manifest.json.
      Exit 0 when every file matches, 1 on any mismatch, missing or unlisted file
      (or when there is no manifest to compare with), 2 when the bundle cannot be read or is refused.
  tokentrail --help       this text
  tokentrail --version    the version

Nothing is ever sent over the network. Evidence files are only read, never changed.
Bundle format: docs/bundle-format.md`;

/** Parse argv (without node and script) and run the command; returns the exit code. */
export async function run(argv: readonly string[], out: Output): Promise<number> {
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
