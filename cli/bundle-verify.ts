import { CancelledError, checkBundle, DEFAULT_ZIP_LIMITS, EvidenceError, type BundleVerdict } from '../core';
import { CliError } from './cli-error';
import type { Command } from './command';
import { bundleInputFromPath } from './node-inputs';
import type { Output } from './output';
import { terminalSafeOutput } from './terminal-text';
import { largestOf } from '../core';

/** Exit codes of `tokentrail bundle verify`, documented in docs/cli.md. */
export const EXIT = { verified: 0, mismatch: 1, unreadable: 2 } as const;

const OPTIONS = { 'max-uncompressed': { type: 'string', needs: 'a positive number of bytes' } } as const;

/** `tokentrail bundle verify`: hash a bundle's files and compare them with its manifest. */
export const bundleVerifyCommand: Command<typeof OPTIONS> = {
  name: 'bundle verify',
  help: `  tokentrail bundle verify <bundle.zip | folder | file> [--json] [--max-uncompressed BYTES]
      Hash every file of an evidence bundle and compare it with manifest.json.
      Exit 0 when every file matches, 1 on any mismatch, missing or unlisted file
      (or when there is no manifest to compare with), 2 when the bundle cannot be read or is refused.`,
  options: OPTIONS,
  shared: ['json'],
  async run({ values, positionals, shared }, io) {
    if (positionals.length !== 1)
      throw new CliError('wrong-input-count', 'takes exactly one bundle (a .zip, a folder or a file)');
    const limit = values['max-uncompressed'];
    const maxUncompressed = limit === undefined ? undefined : Number(limit);
    if (maxUncompressed !== undefined && (!Number.isSafeInteger(maxUncompressed) || maxUncompressed <= 0))
      throw new CliError('invalid-value', `--max-uncompressed needs ${OPTIONS['max-uncompressed'].needs}`);
    return bundleVerify(positionals[0]!, { json: shared.json, maxUncompressed }, io);
  },
};

/**
 * `tokentrail bundle verify <bundle.zip|folder> [--json] [--max-uncompressed BYTES]`. Files are streamed and hashed
 * (zip entries as they inflate), never held whole: memory stays bounded whatever the bundle (docs/bundle-format.md).
 * Every line printed goes through terminalSafeOutput: names and manifest fields are the evidence's text.
 */
export async function bundleVerify(
  target: string,
  flags: { json: boolean; maxUncompressed?: number },
  output: Output,
): Promise<number> {
  const out = terminalSafeOutput(output);
  let opened;
  try {
    opened = await bundleInputFromPath(target);
  } catch (error) {
    return reportFailure(target, error, flags.json, out);
  }
  try {
    const limits = {
      ...DEFAULT_ZIP_LIMITS,
      maxUncompressedBytes: flags.maxUncompressed ?? DEFAULT_ZIP_LIMITS.maxUncompressedBytes,
    };
    const report = await checkBundle(opened.input, { limits });
    if (flags.json) printJson(toJson(report), out);
    else printHuman(report, out);
    return report.verdict === 'verified' ? EXIT.verified : EXIT.mismatch;
  } catch (error) {
    return reportFailure(target, error, flags.json, out);
  } finally {
    await opened.close();
  }
}

function reportFailure(target: string, error: unknown, json: boolean, out: Output): number {
  const known = error instanceof EvidenceError || error instanceof CancelledError;
  const code = error instanceof EvidenceError ? error.code : ((error as NodeJS.ErrnoException).code ?? 'unreadable');
  const message = known ? (error as Error).message : `${target}: cannot be read (${(error as Error).message}).`;
  if (json) printJson({ target, verdict: 'rejected', error: { code, message } }, out);
  else out.stderr(`tokentrail: ${message}`);
  return EXIT.unreadable;
}

/** Indented JSON, one line per call: inside a JSON string a line break is always escaped, so splitting is exact. */
function printJson(value: unknown, out: Output): void {
  for (const line of JSON.stringify(value, null, 2).split('\n')) out.stdout(line);
}

/** The machine-readable report: everything but the file bytes. */
function toJson(report: BundleVerdict) {
  return {
    target: report.origin.name,
    origin: report.origin,
    verdict: report.verdict,
    manifestGenerated: report.manifest.generated === true,
    case: report.manifest.case,
    files: report.files,
    problems: report.problems,
  };
}

const LABELS: Record<string, string> = {
  match: 'OK',
  'size-mismatch': 'SIZE DIFFERS',
  'hash-mismatch': 'HASH DIFFERS',
  missing: 'MISSING',
  unlisted: 'UNLISTED',
  generated: 'HASHED',
};

function printHuman(report: BundleVerdict, out: Output): void {
  const { origin, manifest } = report;
  out.stdout(
    `Bundle:  ${origin.name} (${origin.type}${origin.sha256 ? `, ${origin.size} bytes, SHA-256 ${origin.sha256}` : ''})`,
  );
  out.stdout(
    `Case:    ${manifest.case.title}${manifest.case.caseNumber ? ` [${manifest.case.caseNumber}]` : ''}${manifest.generated ? ' (manifest generated on import: no manifest.json was present)' : ''}`,
  );
  if (manifest.case.collectedBy)
    out.stdout(
      `Collected by ${manifest.case.collectedBy}${manifest.case.collectedAt ? ` at ${manifest.case.collectedAt}` : ''}`,
    );
  out.stdout('');
  const width = Math.max(largestOf(report.files.map((file) => file.path.length)), 4);
  for (const file of report.files) {
    const sha = file.actual?.sha256 ?? file.declared?.sha256 ?? '';
    out.stdout(
      `  ${(LABELS[file.verdict] ?? file.verdict).padEnd(12)} ${file.path.padEnd(width)}  ${String(file.actual?.size ?? '-').padStart(9)} B  ${sha}`,
    );
  }
  if (report.problems.length > 0) {
    out.stdout('');
    out.stdout('Problems:');
    for (const problem of report.problems)
      out.stdout(`  ${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message} [${problem.code}]`);
  }
  const matching = report.files.filter((file) => file.verdict === 'match').length;
  const summary =
    report.verdict === 'generated'
      ? `${report.files.length} file(s) hashed, no manifest to compare with`
      : `${matching} of ${report.files.length} file(s) match the manifest`;
  out.stdout('');
  out.stdout(`Verdict: ${report.verdict.toUpperCase()} (${summary})`);
}
