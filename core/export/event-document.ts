// One timeline event as the exports write it: Timesketch's three required fields first (message, datetime,
// timestamp_desc; timesketch/lib/utils.py TIMESKETCH_FIELDS), then Tokentrail's own, flat and snake_case so they are
// columns in Timesketch and OpenSearch alike. Field names avoid those Timesketch scrubs on import (_id, _index, _type,
// _source, __ts_timeline_id) and dots (OpenSearch would read them as object paths).
import type { AnnotationState } from '../annotations';
import { eventSummary, type AuthEvent, type AuthEventKind } from '../sources';
import { tokenClaimSubject } from '../timeline/claim-subject';

/** An event to export: its id (`event:<id>` is its annotation target), the event, and its annotation if any. */
export interface ExportEvent {
  /** The store's seq in the app; in the CLI, `<file SHA-256>:<line>` (or `#<index>`), see docs/exports.md. */
  readonly id: string;
  readonly event: AuthEvent;
  readonly annotation?: AnnotationState;
}

/** What Timesketch shows as the kind of time an event's time is. */
const TIME_DESCRIPTIONS: Readonly<Record<AuthEventKind, string>> = {
  issue: 'Token issued',
  refresh: 'Token refreshed',
  revoke: 'Token revoked',
  use: 'Token used',
  login: 'Login',
  logout: 'Logout',
  failure: 'Authentication failure',
  'key-rotation': 'Key rotation',
  request: 'Request time',
  sighting: 'Token seen',
  other: 'Event time',
  unparsed: 'Record time',
};

/** The fields of an exported event, in column order. Absent values are left out of JSON and empty in CSV. */
export const EVENT_FIELDS = [
  'message',
  'datetime',
  'timestamp',
  'timestamp_desc',
  'event_id',
  'event_kind',
  'event_action',
  'outcome',
  'subject',
  'token_subject',
  'client_id',
  'session_id',
  'jti',
  'token_hashes',
  'ip',
  'country',
  'user_agent',
  'app_version',
  'http_method',
  'http_host',
  'http_path',
  'http_status',
  'reason',
  'source_file',
  'source_sha256',
  'source_line',
  'source_index',
  'source_format',
  'tag',
  'starred',
  'note',
  'disposition',
] as const;

/** One field's name. */
export type EventField = (typeof EVENT_FIELDS)[number];

/** An exported event: strings and numbers, `token_hashes` and `tag` lists, `starred` a flag. */
export type EventDocument = { readonly [F in EventField]?: string | number | boolean | readonly string[] };

/** "refresh · subject alice · POST /token 200 · from 81.2.69.160 (GB)": the line Timesketch lists. */
export function eventMessage(event: AuthEvent): string {
  const from = event.ip ? `from ${event.ip}${event.geo?.country ? ` (${event.geo.country})` : ''}` : '';
  const summary = eventSummary(event);
  // A vendor action that only repeats the kind ("issue · issue") says nothing more.
  return [event.kind, event.subject ? `subject ${event.subject}` : '', summary === event.kind ? '' : summary, from]
    .filter(Boolean)
    .join(' · ');
}

/** The document of one event. `datetime` and `timestamp` (microseconds, as Timesketch stores it) only when timed. */
export function eventDocument({ id, event, annotation }: ExportEvent): EventDocument {
  const fields: Record<EventField, string | number | boolean | readonly string[] | undefined> = {
    message: eventMessage(event),
    datetime: event.ts === null ? undefined : new Date(event.ts).toISOString(),
    timestamp: event.ts === null ? undefined : event.ts * 1000,
    timestamp_desc: TIME_DESCRIPTIONS[event.kind],
    event_id: id,
    event_kind: event.kind,
    event_action: event.action,
    outcome: event.outcome,
    subject: event.subject,
    // The record names no subject: its token's `sub` claim (unverified), the value the timeline shows and filters by.
    token_subject: tokenClaimSubject(event),
    client_id: event.clientId,
    session_id: event.sessionId,
    jti: event.jti,
    token_hashes: event.tokenHashes,
    ip: event.ip,
    country: event.geo?.country,
    user_agent: event.userAgent,
    app_version: event.appVersion,
    http_method: event.http?.method,
    http_host: event.http?.host,
    http_path: event.http?.path,
    http_status: event.http?.status,
    reason: event.reason,
    source_file: event.source.file,
    source_sha256: event.source.sha256,
    source_line: event.source.line,
    source_index: event.source.index,
    source_format: event.source.format,
    // `tag` is the field Timesketch reads as the event's tags (a list), so they arrive as Timesketch tags.
    tag: annotation?.tags ?? [],
    starred: annotation?.starred ?? false,
    note: annotation?.note || undefined,
    disposition: annotation?.disposition,
  };
  // Copied in field order without the absent ones (deleting from the literal would make every document slow).
  const document: Record<string, string | number | boolean | readonly string[]> = {};
  for (const field of EVENT_FIELDS) {
    const value = fields[field];
    if (value !== undefined) document[field] = value;
  }
  return document as EventDocument;
}
