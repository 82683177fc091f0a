import { EvidenceError, type GeoLocator } from '../core';
import { SEVERITY_RANK, type Severity } from '../core/token';
import { readAnalyzeEvidence, type AnalyzeEvidence } from './analyze-evidence';
import { apiProfileRecord, findingRecord } from '../core/export';
import { printHuman, printProblems } from './analyze-output';
import { runPipeline } from './analyze-pipeline';
import { CliError } from './cli-error';
import type { Command, SharedFlags } from './command';
import { openGeoLocator } from './geo-node';
import type { Output } from './output';
import { terminalSafeOutput } from './terminal-text';

/** Exit codes of `tokentrail analyze` (docs/cli.md). */
export const ANALYZE_EXIT = { ok: 0, failOn: 1, unreadable: 2 } as const;

const SEVERITIES = Object.keys(SEVERITY_RANK) as Severity[];

const OPTIONS = { 'fail-on': { type: 'string', needs: `a severity: ${SEVERITIES.join(', ')}` } } as const;

/** `tokentrail analyze <bundle|files>... [--json] [--fail-on <severity>] [--geo-db FILE.mmdb]... [--no-geo]`. */
export const analyzeCommand: Command<typeof OPTIONS> = {
  name: 'analyze',
  help: `  tokentrail analyze <bundle.zip | folder | file>... [--json] [--fail-on SEVERITY]
                  [--geo-db FILE.mmdb]... [--no-geo]
      Run the whole pipeline in memory: verify each bundle, ingest its logs, analyse every token with the
      bundle's keys, key-rotation history and case-config.json, correlate, and run the detectors
      (docs/detectors.md). Prints every finding with the events (file, line, SHA-256) that prove it.
      With --json: one finding per line (id, severity, message, tokenHashes, subject and its names,
      events[{source, ts}]…), then one "api-profile" record per API (what it accepted and refused, per
      class of token flaw), then one "hash-linking" record: how many records were linked to a token
      they name only by a digest or jti, and how many digests fit several tokens and stayed unlinked.
      Text and JSON name each subject by its best known name beside its id.
      Exit 0, or 1 when --fail-on is given and a finding at or above that severity
      (info, low, medium, high, critical) exists; 2 when evidence cannot be read.`,
  options: OPTIONS,
  shared: ['json', 'geo-db', 'no-geo'],
  async run({ values, positionals: targets, shared }, out) {
    const failOn = values['fail-on'];
    if (failOn !== undefined && !SEVERITIES.includes(failOn as Severity))
      throw new CliError('invalid-value', `--fail-on needs ${OPTIONS['fail-on'].needs}`);
    if (targets.length === 0)
      throw new CliError('wrong-input-count', 'needs at least one bundle (.zip or folder) or evidence file');
    return analyze(targets, failOn as Severity | undefined, shared, out);
  },
};

/** Run the pipeline over `targets` and print the findings; returns the exit code. */
async function analyze(
  targets: readonly string[],
  failOn: Severity | undefined,
  flags: SharedFlags,
  output: Output,
): Promise<number> {
  // Findings, problems and names quote the evidence: every line is printed terminal-safe, one line per call.
  const out = terminalSafeOutput(output);
  let geo: { locator: GeoLocator; close(): void } | undefined;
  let evidence: AnalyzeEvidence | undefined;
  try {
    evidence = await readAnalyzeEvidence(targets);
    if (flags.geo) {
      geo = openGeoLocator(flags.geoDatabases);
      if (!geo)
        out.stderr(
          'geolocation: no database found; IPs are not placed, so impossible-travel and country-change see only locations the logs carry (use --geo-db FILE.mmdb)',
        );
    }
    const result = await runPipeline(evidence, geo?.locator);
    printProblems(evidence, result, out);
    if (flags.json) {
      for (const finding of result.timeline.findings)
        out.stdout(JSON.stringify(findingRecord(finding, result.timeline.identities)));
      // After the findings, one record per API (`record: "api-profile"`): finding lines stay what they were.
      for (const profile of result.timeline.apiProfiles ?? []) out.stdout(JSON.stringify(apiProfileRecord(profile)));
      // Last, how many records were linked to a token they name only by digest or jti, and how many digests were not.
      out.stdout(JSON.stringify({ record: 'hash-linking', ...result.timeline.stats.hashLinking }));
    } else printHuman(evidence, result, out);
    if (failOn === undefined) return ANALYZE_EXIT.ok;
    const threshold = SEVERITY_RANK[failOn];
    return result.timeline.findings.some((finding) => SEVERITY_RANK[finding.severity] >= threshold)
      ? ANALYZE_EXIT.failOn
      : ANALYZE_EXIT.ok;
  } catch (error) {
    const message = error instanceof EvidenceError ? error.message : `cannot be analysed (${(error as Error).message})`;
    out.stderr(`tokentrail: ${message}`);
    return ANALYZE_EXIT.unreadable;
  } finally {
    geo?.close();
    await evidence?.close();
  }
}
