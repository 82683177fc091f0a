import type { AuthEventKind } from '../types';

/** The event fields a CSV column can fill. */
export type CsvField =
  | 'time'
  | 'kind'
  | 'subject'
  | 'clientId'
  | 'appVersion'
  | 'sessionId'
  | 'jti'
  | 'ip'
  | 'userAgent'
  | 'token'
  | 'method'
  | 'path'
  | 'status'
  | 'country'
  | 'city'
  | 'outcome'
  | 'reason';

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

/**
 * Header names recognised when no preset names the columns, compared as {@link headerKey} writes them (lower case,
 * letters and digits only), so `User Agent`, `user_agent` and `User-Agent` are one name. Besides the plain names, the
 * spellings of common exports: Entra's sign-in CSV (`Date (UTC)`, `IP address`, `Unique token identifier`), Okta's
 * (`Client IP Address`, `Actor Alternate ID`, `Outcome Result`), SIEM tables (`TimeGenerated`, `Event DateTime`,
 * `Request User Agent`).
 */
export const CSV_HEADER_ALIASES: Readonly<Record<CsvField, readonly string[]>> = {
  time: [
    'ts',
    'time',
    'timestamp',
    '@timestamp',
    'date',
    'datetime',
    'dateutc',
    'datetimeutc',
    'timeutc',
    'utctime',
    'eventtime',
    'eventdatetime',
    'eventtimestamp',
    'eventdate',
    'createddatetime',
    'createdat',
    'creationdate',
    'timegenerated',
    'timecreated',
    'published',
    'logintime',
    'signintime',
  ],
  kind: ['kind', 'event', 'eventtype', 'eventname', 'type', 'action', 'operation'],
  subject: [
    'sub',
    'subject',
    'user',
    'username',
    'userid',
    'userprincipalname',
    'upn',
    'email',
    'useremail',
    'actoralternateid',
    'login',
  ],
  clientId: ['clientid', 'appid', 'client', 'application', 'applicationid'],
  appVersion: ['appversion', 'version', 'build'],
  sessionId: ['sessionid', 'session', 'sid'],
  jti: ['jti', 'tokenid', 'uti', 'uniquetokenidentifier'],
  ip: [
    'ip',
    'ipaddress',
    'clientip',
    'clientipaddress',
    'sourceip',
    'sourceipaddress',
    'remoteaddr',
    'remoteip',
    'requestip',
    'srcip',
    'callerip',
    'calleripaddress',
  ],
  userAgent: ['useragent', 'ua', 'agent', 'requestuseragent', 'clientuseragent', 'httpuseragent'],
  token: ['token', 'jwt', 'accesstoken', 'bearer'],
  method: ['method', 'httpmethod', 'requestmethod', 'verb'],
  path: ['path', 'url', 'uri', 'requesturi', 'requesturl', 'requestpath', 'endpoint'],
  status: ['status', 'httpstatus', 'statuscode', 'responsestatus'],
  country: ['country', 'countrycode', 'clientcountry', 'countryorregion'],
  city: ['city', 'clientcity'],
  outcome: ['outcome', 'result', 'outcomeresult'],
  reason: ['reason', 'error', 'failurereason', 'outcomereason', 'errormessage'],
};

/** A header as the aliases are written: lower case, letters, digits and `@` only (`Event DateTime` → `eventdatetime`). */
export function headerKey(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9@]/g, '');
}
