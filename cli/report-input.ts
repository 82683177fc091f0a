import type { AuthEvent } from '../core';
import {
  recordKey,
  reportMethod,
  reportPlaces,
  type ReportInput,
  type ReportMethod,
  type ReportTokenInput,
} from '../core/report';
import type { TokenAnalysis } from '../core/token';
import type { AnalyzeEvidence } from './analyze-evidence';
import type { PipelineResult } from './analyze-pipeline';

/** What the CLI states where the app would have the investigator's own limitations statement. */
export const CLI_LIMITATIONS =
  'Made by the tokentrail CLI directly from the evidence bundle: there are no investigator annotations or dispositions, so every finding counts as open and every high and critical finding is reported; there is no case journal.';

/** The original text of every record, by recordKey of its source. */
export function reportRecords(events: readonly AuthEvent[]): Map<string, string> {
  const records = new Map<string, string>();
  for (const event of events) records.set(recordKey(event.source), event.record);
  return records;
}

/** What each analysed token looks like, by token hash. */
export function reportTokens(analyses: readonly TokenAnalysis[]): Map<string, ReportTokenInput> {
  const tokens = new Map<string, ReportTokenInput>();
  for (const analysis of analyses)
    tokens.set(analysis.tokenHash, {
      compact: analysis.decoded.compact ?? analysis.decoded.raw,
      header: analysis.decoded.header,
      claims: analysis.decoded.claims,
    });
  return tokens;
}

/**
 * The report input the CLI fills from its in-memory pipeline: the bundle's case metadata, every evidence file with
 * its manifest verdict, the method (checks, detectors with their parameters, keys, geolocation databases), the
 * findings, the original text of every record, and the decoded tokens. No annotations and no journal: the CLI has
 * neither (the app's store fills those).
 */
export function cliReportInput(
  evidence: AnalyzeEvidence,
  result: PipelineResult,
  context: { readonly examiners: readonly string[]; readonly geoDatabases: ReportMethod['geoDatabases'] },
): ReportInput {
  const [first] = evidence.reports;
  const metadata = first?.manifest.case;
  return {
    case: {
      id: metadata?.caseNumber ?? first?.origin.sha256 ?? first?.origin.name ?? 'unnamed',
      title: metadata?.title ?? 'Untitled case',
      examiners: context.examiners,
      timeZone: metadata?.timeZone ?? 'UTC',
      summary: '',
      limitations: CLI_LIMITATIONS,
      collectedAt: metadata?.collectedAt,
    },
    evidence: evidence.reports.flatMap((report) =>
      report.files.map((file) => ({
        path: file.path,
        size: file.actual?.size ?? file.declared?.size ?? 0,
        sha256: file.actual?.sha256 ?? file.declared?.sha256 ?? '',
        kind: file.kind,
        verdict: file.verdict,
        custody: [],
      })),
    ),
    method: reportMethod({
      parameters: evidence.parameters,
      caseConfig: evidence.caseConfig,
      keyFiles: evidence.keys,
      geoDatabases: context.geoDatabases,
    }),
    findings: result.timeline.findings,
    records: reportRecords(result.events),
    tokens: reportTokens(result.analyses),
    places: reportPlaces(result.events),
    apiProfiles: result.timeline.apiProfiles,
  };
}
