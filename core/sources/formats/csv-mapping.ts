import type { AuthEventKind } from '../types';

/** The event fields a CSV column can fill. */
export type CsvField = 'time' | 'kind' | 'subject' | 'clientId' | 'appVersion' | 'sessionId' | 'jti' | 'ip' | 'userAgent' | 'token' | 'method' | 'path' | 'status' | 'country' | 'city' | 'outcome' | 'reason';

/**
 * How a CSV file's columns map onto event fields: chosen in the UI and saved as a named preset, or given to the CLI
 * as JSON. Columns are named by header text (case-insensitive) or by 0-based position.
 */
export interface CsvMapping {
  /** Preset name as the investigator saved it. */
  readonly name?: string;
  /** One character; when absent, the most frequent of `,` `;` tab `|` on the header line. */
  readonly delimiter?: string;
  /** Whether the first record is a header (default true). */
  readonly hasHeader?: boolean;
  readonly columns: Readonly<Partial<Record<CsvField, string | number>>>;
  /** Values of the kind column to event kinds, e.g. `{ "TokenIssued": "issue" }`; unmapped values become `other`. */
  readonly kinds?: Readonly<Record<string, AuthEventKind>>;
  /** Kind of every row when there is no kind column (default `other`). */
  readonly defaultKind?: AuthEventKind;
  /** Offset for times written without one, e.g. `+01:00` (default: UTC). */
  readonly utcOffset?: string;
}

/** Header names recognised when no preset names the columns. */
export const CSV_HEADER_ALIASES: Readonly<Record<CsvField, readonly string[]>> = {
  time: ['ts', 'time', 'timestamp', 'date', 'datetime', 'eventtime', 'event_time', '@timestamp', 'createddatetime', 'published'],
  kind: ['kind', 'event', 'eventtype', 'event_type', 'type', 'action'],
  subject: ['sub', 'subject', 'user', 'username', 'user_id', 'userid', 'userprincipalname', 'upn', 'email'],
  clientId: ['clientid', 'client_id', 'appid', 'app_id', 'client', 'application'],
  appVersion: ['appversion', 'app_version', 'version', 'build'],
  sessionId: ['sessionid', 'session_id', 'session', 'sid'],
  jti: ['jti', 'tokenid', 'token_id', 'uti'],
  ip: ['ip', 'ipaddress', 'ip_address', 'clientip', 'client_ip', 'sourceip', 'source_ip', 'remote_addr'],
  userAgent: ['useragent', 'user_agent', 'ua', 'agent'],
  token: ['token', 'jwt', 'access_token', 'accesstoken', 'bearer'],
  method: ['method', 'http_method', 'verb'],
  path: ['path', 'url', 'uri', 'request_uri', 'endpoint'],
  status: ['status', 'http_status', 'status_code', 'statuscode'],
  country: ['country', 'country_code', 'countrycode'],
  city: ['city'],
  outcome: ['outcome', 'result'],
  reason: ['reason', 'error', 'failurereason', 'failure_reason'],
};
