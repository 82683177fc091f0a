import { compact } from '../fields';
import type { DraftToken, RecordParser, SourceFormat } from '../format';
import { parseAnyTime, parseClfTime } from '../parse-time';
import { compileAccessLogFormat, type AccessLogPattern } from './access-log-pattern';
import { httpKind, queryTokens } from './http-kind';

/**
 * nginx / Apache access logs: Common Log Format, Combined, Combined with further fields appended (the
 * `Authorization` header, `$request_time`…), or any layout given as a `log_format`/`LogFormat` string.
 * Tokens come from a logged `Authorization: Bearer` header, a token query parameter (RFC 6750 §2.3), a logged cookie,
 * and any other token-shaped text on the line.
 */

// common: host ident user [time] "request" status bytes; combined adds "referer" "agent"; anything may follow.
const AUTO: AccessLogPattern = {
  // The lint sees `(\S+)` able to trade characters with `(.*)`; anchored, with `(.*)$` unable to fail, it never
  // backtracks there (test/unit/core/linear-time.test.ts times this pattern on hostile lines).
  // eslint-disable-next-line regexp/no-super-linear-backtracking
  regex: /^(\S+) (\S+) (\S+) \[([^\]]+)\] "((?:[^"\\]|\\.)*)" (\d{3}|-) (\S+)(?: "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)")?(.*)$/,
  fields: ['remote_addr', 'ident', 'remote_user', 'time_local', 'request', 'status', 'body_bytes_sent', 'http_referer', 'http_user_agent', 'rest'],
};

const present = (value: string | undefined) => (value === undefined || value === '' || value === '-' ? undefined : value);
const unescape = (value: string | undefined) => value?.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/\\(["\\])/g, '$1');

function createParser(pattern: AccessLogPattern): RecordParser {
  return {
    parse(record) {
      if (record.text.trim() === '') return [];
      const match = pattern.regex.exec(record.text);
      if (!match) return { rejected: 'malformed-line', message: `does not match the access log layout${pattern === AUTO ? ' (common/combined); give the layout with --log-format if it is custom' : ''}` };
      const field: Record<string, string | undefined> = {};
      pattern.fields.forEach((name, i) => {
        if (field[name] === undefined) field[name] = present(unescape(match[i + 1]));
      });
      const request = field.request ? /^(\S+) (\S+)(?: (\S+))?$/.exec(field.request) : null;
      const method = field.request_method ?? request?.[1];
      const target = field.request_uri ?? request?.[2] ?? (field.uri ? field.uri + (field.args ? (field.args.startsWith('?') ? field.args : `?${field.args}`) : '') : undefined);
      const status = field.status && /^\d{3}$/.test(field.status) ? Number(field.status) : undefined;
      const bearer = field.http_authorization && /^bearer\s+(\S+)/i.exec(field.http_authorization)?.[1];
      const cookieTokens: DraftToken[] = Object.entries(field).flatMap(([name, value]) => (name.startsWith('cookie_') && value && /^e[wy][\w-]+\./.test(value) ? [{ compact: value, role: 'cookie' as const, field: name.slice(7) }] : []));
      const tokens: DraftToken[] = [...(bearer ? [{ compact: bearer, role: 'authorization' as const }] : []), ...queryTokens(target), ...cookieTokens];
      const rawTime = field.time_local ?? field.time_iso8601 ?? field.msec ?? field.time_custom;
      const parsed = rawTime === undefined ? undefined : field.time_local ? parseClfTime(rawTime) : parseAnyTime(rawTime);
      const carried = tokens.length > 0 || /\bbearer\s+e[wy]/i.test(field.rest ?? '');
      return [compact({
        ts: parsed?.ts ?? null,
        time: rawTime ?? null,
        problems: parsed ? undefined : [{ code: rawTime ? ('invalid-time' as const) : ('missing-time' as const), message: rawTime ? `time "${rawTime}" is not readable; the event is kept without a time` : 'the line has no time; the event is kept without a time' }],
        kind: httpKind(target, status, carried),
        outcome: status === undefined ? undefined : status < 400 ? ('success' as const) : ('failure' as const),
        subject: field.remote_user,
        ip: field.remote_addr,
        userAgent: field.http_user_agent,
        tokens,
        http: compact({ method, path: target, host: field.host, status }),
        details: field.http_x_forwarded_for ? { forwardedFor: field.http_x_forwarded_for } : undefined,
      })];
    },
  };
}

/** The access-log format (auto common/combined, or the layout in `accessLogFormat`). */
export const accessLog: SourceFormat = {
  name: 'access-log',
  title: 'nginx / Apache access log',
  framing: 'lines',
  detect(sample) {
    const lines = sample.split(/\r?\n/).filter((line) => line.trim() !== '').slice(0, 20);
    if (lines.length === 0) return 0;
    const matching = lines.filter((line) => AUTO.regex.test(line)).length;
    return matching / lines.length >= 0.6 ? 0.85 : 0;
  },
  createParser: (options) => createParser(options.accessLogFormat ? compileAccessLogFormat(options.accessLogFormat) : AUTO),
};
