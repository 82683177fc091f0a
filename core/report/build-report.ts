import type { EvidenceLocation, TimelineFinding } from '../timeline/types';
import { reportApiProfiles } from './api-profiles';
import { reportFigures } from './figure-data';
import { deriveRecommendations } from './recommendations';
import { maskSecretsInText, redactCompactToken, redactTokensInText } from './redact';
import { defaultFindingSelection, dispositionOf, effectiveSeverity, findingAnnotation } from './select-findings';
import type {
  ReportAnnotation,
  ReportEvidenceRow,
  ReportFinding,
  ReportInput,
  ReportModel,
  ReportOptions,
  ReportToken,
} from './types';

/** The key of a record in {@link ReportInput.records}: the file's SHA-256 and the line or entry index. */
export function recordKey(source: Pick<EvidenceLocation, 'sha256' | 'line' | 'index'>): string {
  return `${source.sha256}:${source.line ?? ''}:${source.index ?? ''}`;
}

const isoTime = (epochMs: number): string => new Date(epochMs).toISOString();

/** Detail members that hold a recovered secret (weak-hmac-secret records the secret it found). */
const SECRET_DETAIL_NAMES = ['secret'];

/** What text of a report must lose before it is shown: tokens' signatures and the secrets recovered. */
interface Scrubber {
  text(value: string): string;
}

function scrubberFor(findings: readonly TimelineFinding[], includeSecrets: boolean): Scrubber {
  if (includeSecrets) return { text: (value) => value };
  const secrets = findings.flatMap((finding) =>
    SECRET_DETAIL_NAMES.map((name) => finding.detail[name] ?? finding.evidence?.detail?.[name]).filter(
      (value): value is string => typeof value === 'string',
    ),
  );
  return { text: (value) => maskSecretsInText(redactTokensInText(value), secrets) };
}

function evidenceRows(finding: TimelineFinding, input: ReportInput, scrub: Scrubber): ReportEvidenceRow[] {
  return finding.events.map((event) => {
    const record = input.records.get(recordKey(event.source));
    return {
      role: event.role,
      file: event.source.file,
      sha256: event.source.sha256,
      line: event.source.line,
      index: event.source.index,
      time: event.ts === null ? null : isoTime(event.ts),
      record: record === undefined ? null : scrub.text(record),
    };
  });
}

function keysOf(finding: TimelineFinding): ReportFinding['keys'] {
  const keys: { kid?: string; thumbprint?: string }[] = [];
  if (finding.evidence?.key) keys.push({ kid: finding.evidence.key.kid, thumbprint: finding.evidence.key.thumbprint });
  for (const entry of finding.keys ?? []) keys.push({ kid: entry.kid, thumbprint: entry.thumbprint });
  return keys;
}

function reportFinding(finding: TimelineFinding, input: ReportInput, scrub: Scrubber): ReportFinding {
  const state = findingAnnotation(finding, input.annotations);
  const detail = Object.fromEntries(
    Object.entries(finding.detail).map(([name, value]) => [
      name,
      typeof value === 'string' ? scrub.text(value) : value,
    ]),
  );
  return {
    key: finding.key,
    id: finding.id,
    title: finding.title,
    severity: effectiveSeverity(finding, state),
    engineSeverity: finding.severity,
    severityOverrideReason: state?.severityOverride?.reason,
    disposition: dispositionOf(state),
    message: scrub.text(finding.message),
    explanation: scrub.text(finding.explanation),
    references: finding.references,
    subject: finding.subject,
    tokenHashes: finding.tokenHashes,
    evidence: evidenceRows(finding, input, scrub),
    eventCount: finding.eventCount,
    keys: keysOf(finding),
    detail,
  };
}

function reportTokens(findings: readonly ReportFinding[], input: ReportInput, includeSecrets: boolean): ReportToken[] {
  const hashes = [...new Set(findings.flatMap((finding) => finding.tokenHashes))].sort();
  return hashes.flatMap((hash) => {
    const token = input.tokens.get(hash);
    if (!token) return [];
    return [
      {
        sha256: hash,
        header: token.header,
        claims: token.claims,
        compact: includeSecrets ? token.compact : redactCompactToken(token.compact),
      },
    ];
  });
}

/** Annotations on the included findings and tokens (and on evidence files), sorted by target. */
function reportAnnotations(input: ReportInput, included: ReadonlySet<string>, scrub: Scrubber): ReportAnnotation[] {
  if (!input.annotations) return [];
  return [...input.annotations.entries()]
    .filter(([target]) => included.has(target) || target.startsWith('file:'))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([target, annotation]) => ({
      target,
      note: scrub.text(annotation.state.note),
      tags: annotation.state.tags,
      starred: annotation.state.starred,
      disposition: annotation.state.disposition,
      author: annotation.author,
      at: isoTime(annotation.at),
    }));
}

/**
 * Build the report model from a case state: pure and deterministic (the same input and options give the same model),
 * so the app, the browser build and the CLI produce the same report. Findings are the investigator's choice
 * (`findingKeys`) or {@link defaultFindingSelection}; tokens are redacted and recovered secrets masked unless
 * `includeSecrets` is set, which the report then states.
 */
export function buildReport(input: ReportInput, options: ReportOptions): ReportModel {
  const includeSecrets = options.includeSecrets === true;
  const chosen = options.findingKeys
    ? input.findings.filter((finding) => options.findingKeys!.includes(finding.key))
    : defaultFindingSelection(input.findings, input.annotations);
  // Secrets recovered by any finding, reported or not: a note or record may quote one.
  const scrub = scrubberFor(input.findings, includeSecrets);
  const findings = chosen.map((finding) => reportFinding(finding, input, scrub));
  const tokens = reportTokens(findings, input, includeSecrets);
  const included = new Set([
    ...findings.map((finding) => `finding:${finding.key}`),
    ...tokens.map((token) => `token:${token.sha256}`),
  ]);
  return {
    format: 'tokentrail-report',
    formatVersion: 1,
    generatedAt: isoTime(options.generatedAt),
    case: {
      id: input.case.id,
      title: input.case.title,
      examiners: input.case.examiners,
      timeZone: input.case.timeZone,
      summary: input.case.summary,
      limitations: input.case.limitations,
      openedAt: input.case.openedAt === undefined ? undefined : isoTime(input.case.openedAt),
      collectedAt: input.case.collectedAt,
    },
    secretsIncluded: includeSecrets,
    evidence: input.evidence.map((file) => ({
      path: file.path,
      size: file.size,
      sha256: file.sha256,
      kind: file.kind,
      verdict: file.verdict,
      custody: file.custody.map((entry) => ({
        seq: entry.seq,
        at: isoTime(entry.at),
        investigator: entry.investigator,
        action: entry.action,
        hash: entry.hash,
      })),
    })),
    method: input.method,
    selection: options.findingKeys ? 'investigator' : 'default',
    findings,
    tokens,
    annotations: reportAnnotations(input, included, scrub),
    journal: input.journal ?? null,
    recommendations: deriveRecommendations(findings),
    apis: reportApiProfiles(input.apiProfiles),
    figures: reportFigures(chosen, tokens, input),
  };
}
