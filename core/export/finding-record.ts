// A finding as one machine-readable record: what `tokentrail analyze --json` prints per line and what the
// findings-jsonl export writes, so there is one schema (docs/cli.md). The CSV row is a flat view of the same record.
import type { AnnotationState } from '../annotations';
import { bestName, subjectIdentity, type IdentityDirectory, type TimelineFinding } from '../timeline';

/** A finding to export, with the subject names of its run and the investigator's annotation if any. */
export interface ExportFinding {
  readonly finding: TimelineFinding;
  readonly identities?: IdentityDirectory;
  readonly annotation?: AnnotationState;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The record of a finding. `names` (when the evidence names the finding's subject) adds who the subject is — `best`,
 * as messages write it, and every name with its source, `verified` flag and first sighting — beside the unchanged
 * `subject` id. `annotation` is added only when the finding has one (the CLI has none: its records are analyze's).
 */
export function findingRecord(
  finding: TimelineFinding,
  identities?: IdentityDirectory,
  annotation?: AnnotationState,
): Record<string, unknown> {
  const identity =
    finding.subject !== undefined && identities ? subjectIdentity(identities, finding.subject) : undefined;
  return {
    id: finding.id,
    key: finding.key,
    origin: finding.origin,
    title: finding.title,
    severity: finding.severity,
    message: finding.message,
    explanation: finding.explanation,
    tokenHashes: finding.tokenHashes,
    ...(finding.subject !== undefined ? { subject: finding.subject } : {}),
    ...(identity ? { names: { best: bestName(identities, identity.subject), known: identity.names } } : {}),
    ...(finding.sessionId !== undefined ? { sessionId: finding.sessionId } : {}),
    ts: finding.ts,
    time: iso(finding.ts),
    events: finding.events.map((event) => ({
      source: event.source,
      ts: event.ts,
      time: iso(event.ts),
      kind: event.kind,
      role: event.role,
      ...(event.tokenHash !== undefined ? { tokenHash: event.tokenHash } : {}),
    })),
    eventCount: finding.eventCount,
    ...(finding.keys
      ? {
          keys: finding.keys.map((key) => ({
            ...key,
            ...Object.fromEntries(
              (['created', 'activated', 'retired', 'revoked'] as const)
                .filter((field) => key[field] !== undefined)
                .map((field) => [field, iso(key[field]!)]),
            ),
          })),
        }
      : {}),
    ...(finding.evidence ? { evidence: finding.evidence } : {}),
    detail: finding.detail,
    references: finding.references,
    ...(annotation ? { annotation } : {}),
  };
}

/** The columns of the findings CSV, in order. */
export const FINDING_COLUMNS = [
  'id',
  'key',
  'origin',
  'severity',
  'title',
  'datetime',
  'message',
  'subject',
  'subject_name',
  'session_id',
  'token_hashes',
  'event_count',
  'evidence',
  'tag',
  'starred',
  'note',
  'disposition',
  'severity_override',
  'severity_override_reason',
] as const;

/** Where an event is in the evidence: `file:line`, `file#index`, or the file. */
export function eventPlace(source: { file: string; line?: number; index?: number }): string {
  if (source.line !== undefined) return `${source.file}:${source.line}`;
  return source.index !== undefined ? `${source.file}#${source.index}` : source.file;
}

/** The cells of a finding's CSV row, in FINDING_COLUMNS order; `evidence` lists its linked events' places. */
export function findingCells({ finding, identities, annotation }: ExportFinding): (string | number | boolean)[] {
  const name = finding.subject !== undefined && identities ? bestName(identities, finding.subject) : '';
  return [
    finding.id,
    finding.key,
    finding.origin,
    finding.severity,
    finding.title,
    iso(finding.ts) ?? '',
    finding.message,
    finding.subject ?? '',
    name === finding.subject ? '' : name,
    finding.sessionId ?? '',
    finding.tokenHashes.join(' '),
    finding.eventCount,
    finding.events.map((event) => eventPlace(event.source)).join(' '),
    (annotation?.tags ?? []).join(','),
    annotation?.starred ?? false,
    annotation?.note ?? '',
    annotation?.disposition ?? '',
    annotation?.severityOverride?.severity ?? '',
    annotation?.severityOverride?.reason ?? '',
  ];
}
