import { TOOL_NAME, TOOL_VERSION, type AuthEvent, type ParameterValue } from '../core';
import type { CaseMaterial } from '../core/case';
import { methodAnalyzers, recordKey, type ReportInput, type ReportMethod, type ReportTokenInput } from '../core/report';
import type { TimelineParameterOverrides } from '../core/timeline';
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
 * The method section: every check and detector with the parameters they ran with, the case configuration and keys of
 * the case material, and the geolocation databases that placed IPs.
 */
export function reportMethod(
  material: Pick<CaseMaterial, 'caseConfig' | 'keys'>,
  parameters: TimelineParameterOverrides,
  geoDatabases: ReportMethod['geoDatabases'],
): ReportMethod {
  return {
    toolName: TOOL_NAME,
    toolVersion: TOOL_VERSION,
    analyzers: methodAnalyzers(parameters, TOOL_VERSION),
    caseConfiguration: material.caseConfig as unknown as ParameterValue | undefined,
    keys: material.keys.flatMap((file) =>
      file.keys.map((key) => ({ thumbprint: key.thumbprint, kid: key.kid, kty: key.kty, file: file.file })),
    ),
    geoDatabases: geoDatabases.map((database) => ({
      name: database.name,
      version: database.version,
      sha256: database.sha256,
    })),
  };
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
    method: reportMethod(evidence, evidence.parameters, context.geoDatabases),
    findings: result.timeline.findings,
    records: reportRecords(result.events),
    tokens: reportTokens(result.analyses),
  };
}
