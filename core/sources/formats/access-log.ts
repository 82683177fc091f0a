import { compact } from '../fields';
import type { DraftToken, EventDraft, RecordParser, SourceFormat } from '../format';
import { isIpAddress } from '../ip-address';
import { parseAnyTime, parseClfTime } from '../parse-time';
import { bracketTime, readAccessLogLine } from './access-log-line';
import { compileAccessLogFormat, type AccessLogPattern } from './access-log-pattern';
import { readRequestLine } from './access-log-request';
import { httpKind, queryTokens, refererTokens } from './http-kind';
import { unparsedLine } from './unparsed-line';

/**
 * nginx / Apache access logs: Common Log Format, Combined, either with a virtual host first (`vhost_combined`,
 * nginx with `$host` first) and with further fields appended (the `Authorization` header, `%D`/`$request_time`, a
 * forwarded-for list), read by a tolerant scanner (access-log-line.ts); or any layout given as a
 * `log_format`/`LogFormat` string. A line that cannot be read is kept as an `unparsed` event with the problem
 * attached: attack traffic is exactly what arrives malformed. Tokens come from a logged `Authorization: Bearer`
 * header, a token query parameter (RFC 6750 §2.3), a logged cookie, and any other token-shaped text on the line.
 */

type Fields = Record<string, string | undefined>;
type LineFailure = { readonly problem: string; readonly time?: string };

const present = (value: string | undefined) =>
  value === undefined || value === '' || value === '-' ? undefined : value;
const unescape = (value: string | undefined) =>
  value
    ?.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\(["\\])/g, '$1');

/** The fields of a line read without a layout string, under the names a layout string would give them. */
function autoFields(text: string): { fields: Fields } | LineFailure {
  const line = readAccessLogLine(text);
  if ('problem' in line) return line;
  return {
    fields: {
      host: line.virtualHost,
      remote_addr: line.remoteAddr,
      ident: line.ident,
      remote_user: line.remoteUser,
      time_local: line.time,
      request: line.request,
      status: line.status,
      body_bytes_sent: line.bytes,
      http_referer: line.referer,
      http_user_agent: line.userAgent,
      rest: line.trailing,
    },
  };
}

function patternFields(pattern: AccessLogPattern, text: string): { fields: Fields } | LineFailure {
  const match = pattern.regex.exec(text);
  if (!match) return { problem: 'does not match the layout given with --log-format', time: bracketTime(text) };
  const fields: Fields = {};
  pattern.fields.forEach((name, i) => {
    if (fields[name] === undefined) fields[name] = match[i + 1];
  });
  return { fields };
}

/** The time in brackets: CLF as `%t` writes it, or ISO 8601 (nginx `[$time_iso8601]`, a very common layout). */
const bracketedTime = (text: string) => parseClfTime(text) ?? parseAnyTime(text);

/** A forwarded-for list among the fields after the user agent (`"203.0.113.7, 10.0.0.2"`), when there is one. */
function forwardedList(trailing: string | undefined): string | undefined {
  if (!trailing) return undefined;
  for (const item of (trailing.match(/"[^"]*"|\S+/g) ?? []).slice(0, 12)) {
    const list = item.replace(/^"|"$/g, '');
    const parts = list.split(/, ?/);
    if (list !== '' && parts.every(isIpAddress)) return list;
  }
  return undefined;
}

/** `www.example.com:443` → host and port (an IPv6 literal without brackets keeps its colons). */
function splitHostPort(host: string | undefined): { host?: string; port?: string } {
  if (!host) return {};
  const colon = host.lastIndexOf(':');
  if (colon <= 0 || host.indexOf(':') !== colon || !/^\d{1,5}$/.test(host.slice(colon + 1))) return { host };
  return { host: host.slice(0, colon), port: host.slice(colon + 1) };
}

/** Layout variables the event's own fields are made of; any other variable of a layout string is kept in details. */
const READ_VARIABLES = new Set([
  'host',
  'remote_addr',
  'remote_user',
  'time_local',
  'time_iso8601',
  'msec',
  'time_custom',
  'request',
  'request_method',
  'request_uri',
  'uri',
  'args',
  'status',
  'http_authorization',
  'http_referer',
  'http_user_agent',
  'http_x_forwarded_for',
  'server_port',
  'rest',
]);

/** A layout's further variables (`$request_time`, `$http_x_token_sha256`…) by name, so nothing it logged is lost. */
function layoutDetails(field: Fields): Fields {
  const out: Fields = {};
  for (const name in field)
    if (!READ_VARIABLES.has(name) && !name.startsWith('cookie_') && field[name] !== undefined)
      out[name] = field[name]!.length > 500 ? `${field[name]!.slice(0, 500)}…` : field[name];
  return out;
}

function toDraft(raw: Fields, fromLayout: boolean): EventDraft {
  const field: Fields = {};
  for (const name in raw) field[name] = present(unescape(raw[name]));
  const request = field.request ? readRequestLine(field.request) : undefined;
  const method = field.request_method ?? request?.method;
  const target =
    field.request_uri ??
    request?.target ??
    (field.uri
      ? field.uri + (field.args ? (field.args.startsWith('?') ? field.args : `?${field.args}`) : '')
      : undefined);
  const status = field.status && /^\d{3}$/.test(field.status) ? Number(field.status) : undefined;
  const bearer = field.http_authorization && /^bearer\s+(\S+)/i.exec(field.http_authorization)?.[1];
  const cookieTokens: DraftToken[] = Object.entries(field).flatMap(([name, value]) =>
    name.startsWith('cookie_') && value && /^e[wy][\w-]+\./.test(value)
      ? [{ compact: value, role: 'cookie' as const, field: name.slice(7) }]
      : [],
  );
  const tokens: DraftToken[] = [
    ...(bearer ? [{ compact: bearer, role: 'authorization' as const }] : []),
    ...queryTokens(target),
    ...cookieTokens,
    ...refererTokens(field.http_referer, target),
  ];
  const rawTime = field.time_local ?? field.time_iso8601 ?? field.msec ?? field.time_custom;
  const parsed = rawTime === undefined ? undefined : field.time_local ? bracketedTime(rawTime) : parseAnyTime(rawTime);
  const carried = tokens.some((token) => token.role !== 'text') || /\bbearer\s+e[wy]/i.test(field.rest ?? '');
  const { host, port } = splitHostPort(field.host);
  const forwardedFor = field.http_x_forwarded_for ?? forwardedList(raw.rest);
  return compact({
    ts: parsed?.ts ?? null,
    time: rawTime ?? null,
    problems: parsed
      ? undefined
      : [
          {
            code: rawTime ? ('invalid-time' as const) : ('missing-time' as const),
            message: rawTime
              ? `time "${rawTime}" is not readable; the event is kept without a time`
              : 'the line has no time; the event is kept without a time',
          },
        ],
    kind: httpKind(target, status, carried),
    outcome: status === undefined ? undefined : status < 400 ? ('success' as const) : ('failure' as const),
    subject: field.remote_user,
    ip: field.remote_addr,
    userAgent: field.http_user_agent,
    tokens,
    http: compact({ method, path: target, host, status }),
    details: detailsOf({
      ...(fromLayout ? layoutDetails(field) : {}),
      forwardedFor,
      serverPort: field.server_port ?? port,
      requestShape: request?.shape,
      request: request?.shape && request.shape !== 'no-method' ? raw.request : undefined,
      trailing: present(raw.rest),
    }),
  });
}

function detailsOf(values: Fields): Record<string, string> | undefined {
  const out = compact(values) as Record<string, string>;
  if (out.trailing && out.trailing.length > 500) out.trailing = `${out.trailing.slice(0, 500)}…`;
  return Object.keys(out).length > 0 ? out : undefined;
}

function createParser(pattern: AccessLogPattern | undefined): RecordParser {
  return {
    parse(record) {
      if (record.text.trim() === '') return [];
      const read = pattern ? patternFields(pattern, record.text) : autoFields(record.text);
      if ('problem' in read) {
        const hint = pattern ? '' : '; if the layout is custom, give it with --log-format';
        return [unparsedLine(`not an access-log line: ${read.problem}${hint}`, read.time, bracketedTime)];
      }
      return [toDraft(read.fields, pattern !== undefined)];
    },
  };
}

/** Whether a sample line reads as an access-log line without a layout string (detection). */
const readsAsAccessLog = (line: string) => !('problem' in readAccessLogLine(line));

/** The access-log format (auto common/combined with or without a virtual host, or the layout in `accessLogFormat`). */
export const accessLog: SourceFormat = {
  name: 'access-log',
  title: 'nginx / Apache access log',
  framing: 'lines',
  detect(sample) {
    const lines = sample
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .slice(0, 20);
    if (lines.length === 0) return 0;
    const matching = lines.filter(readsAsAccessLog).length;
    return matching / lines.length >= 0.6 ? 0.85 : 0;
  },
  createParser: (options) =>
    createParser(options.accessLogFormat ? compileAccessLogFormat(options.accessLogFormat) : undefined),
};
