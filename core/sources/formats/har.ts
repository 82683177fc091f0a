import { compact, withTime, numberAt, objectAt, readTime, textAt } from '../fields';
import type { DraftToken, EventDraft, RecordParser, SourceFormat } from '../format';
import { parseIsoTime } from '../parse-time';
import type { AuthEventKind, HttpExchange } from '../types';
import { refererTokens } from './http-kind';

/**
 * HAR 1.2 (W3C Web Performance draft, "HTTP Archive"): every entry of `log.entries` is one event. Tokens are
 * read by structure — `Authorization: Bearer`, request cookies, `Set-Cookie` response headers and cookies, the
 * `access_token`/`refresh_token`/`id_token` of a token-endpoint response body (or a form-encoded request body) —
 * and the driver adds any other token in the entry's text. `startedDateTime` carries its own offset.
 */

type Header = { name: string; value: string };

function headers(value: unknown): Header[] {
  return Array.isArray(value)
    ? value.flatMap((item) =>
        textAt(item, 'name') !== undefined && typeof objectAt(item)?.value === 'string'
          ? [{ name: textAt(item, 'name')!, value: objectAt(item)!.value as string }]
          : [],
      )
    : [];
}

function header(list: readonly Header[], name: string): string | undefined {
  return list.find((item) => item.name.toLowerCase() === name)?.value;
}

/** Token fields of a JSON or form-encoded body (a token endpoint's response or request). */
function bodyTokens(text: string | undefined, mime: string | undefined): DraftToken[] {
  if (!text || text.length > 4 * 1024 * 1024) return [];
  const out: DraftToken[] = [];
  const add = (field: string, token: unknown) => {
    if (typeof token === 'string' && token.includes('.'))
      out.push({ compact: token, role: field as DraftToken['role'], field });
  };
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      const body = objectAt(JSON.parse(trimmed));
      for (const field of ['access_token', 'refresh_token', 'id_token']) add(field, body?.[field]);
    } catch {
      // not JSON after all: the driver's text scan still finds any token in it
    }
  } else if (/x-www-form-urlencoded/i.test(mime ?? '') || /(^|&)(access_token|refresh_token|id_token)=/.test(trimmed)) {
    for (const pair of trimmed.split('&')) {
      const [name, raw] = pair.split('=', 2) as [string, string | undefined];
      if (raw && ['access_token', 'refresh_token', 'id_token'].includes(name)) add(name, safeDecode(raw));
    }
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

function cookieTokens(list: unknown, role: 'cookie' | 'set-cookie'): DraftToken[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((cookie) => {
    const value = textAt(cookie, 'value');
    return value && /^e[wy][\w-]+\.[\w-]*\.[\w-]*/.test(value)
      ? [{ compact: value, role, field: textAt(cookie, 'name') }]
      : [];
  });
}

function headerCookieTokens(value: string | undefined, role: 'cookie' | 'set-cookie'): DraftToken[] {
  if (!value) return [];
  const pairs = role === 'cookie' ? value.split(';') : value.split('\n').map((line) => line.split(';')[0]!);
  return pairs.flatMap((pair) => {
    const at = pair.indexOf('=');
    const token = pair.slice(at + 1).trim();
    return at > 0 && /^e[wy][\w-]+\.[\w-]*\.[\w-]*$/.test(token)
      ? [{ compact: token, role, field: pair.slice(0, at).trim() }]
      : [];
  });
}

function kindOf(
  path: string | undefined,
  status: number | undefined,
  requestBody: string | undefined,
  issued: boolean,
  carried: boolean,
): AuthEventKind {
  if (status === 401 || status === 403) return 'failure';
  if (path && /\/revoke\b/i.test(path)) return 'revoke';
  if (path && /\/logout\b|\/end_session\b/i.test(path)) return 'logout';
  if (issued)
    return /grant_type=refresh_token|"grant_type"\s*:\s*"refresh_token"/.test(requestBody ?? '') ? 'refresh' : 'issue';
  return carried ? 'use' : 'request';
}

function createHarParser(): RecordParser {
  const facts: Record<string, string> = {};
  return {
    side(path, value) {
      if (path === 'log.creator') {
        const name = textAt(value, 'name');
        if (name) facts.creator = `${name}${textAt(value, 'version') ? ` ${textAt(value, 'version')}` : ''}`;
      }
      if (path === 'log.version' && typeof value === 'string') facts.harVersion = value;
    },
    describe: () => facts,
    parse(record) {
      const entry = objectAt(record.value);
      if (!entry) return { rejected: 'not-a-record', message: 'a HAR entry must be a JSON object' };
      const request = objectAt(entry.request);
      const response = objectAt(entry.response);
      const requestHeaders = headers(request?.headers);
      const responseHeaders = headers(response?.headers);
      const url = textAt(request?.url);
      const parts = url ? /^[a-z][\w+.-]*:\/\/([^/?#]*)([^#]*)/i.exec(url) : null;
      const host = parts?.[1] || undefined;
      const path = parts ? parts[2] || '/' : url;
      const authorization = header(requestHeaders, 'authorization');
      const bearer = authorization && /^bearer\s+(\S+)/i.exec(authorization)?.[1];
      const requestBody = textAt(request, 'postData.text');
      const responseBody = textAt(response, 'content.text');
      const responseEncoding = textAt(response, 'content.encoding');
      const issuedTokens = bodyTokens(
        responseEncoding === 'base64' ? undefined : responseBody,
        textAt(response, 'content.mimeType'),
      );
      const tokens: DraftToken[] = [
        ...(bearer ? [{ compact: bearer, role: 'authorization' as const }] : []),
        ...cookieTokens(request?.cookies, 'cookie'),
        ...headerCookieTokens(header(requestHeaders, 'cookie'), 'cookie'),
        ...bodyTokens(requestBody, textAt(request, 'postData.mimeType')),
        ...issuedTokens,
        ...cookieTokens(response?.cookies, 'set-cookie'),
        ...responseHeaders
          .filter((item) => item.name.toLowerCase() === 'set-cookie')
          .flatMap((item) => headerCookieTokens(item.value, 'set-cookie')),
        ...refererTokens(header(requestHeaders, 'referer'), url),
      ];
      const status = numberAt(response, 'status');
      const http: HttpExchange = compact({
        method: textAt(request?.method),
        path,
        host,
        status: status !== undefined && status > 0 ? status : undefined,
      });
      const carried = tokens.some((token) => token.role === 'authorization' || token.role === 'cookie');
      const draft: EventDraft = withTime(readTime(entry.startedDateTime, 'startedDateTime', parseIsoTime), {
        kind: kindOf(
          path,
          status,
          requestBody,
          issuedTokens.length > 0 || tokens.some((token) => token.role === 'set-cookie'),
          carried,
        ),
        outcome:
          status === undefined || status <= 0 ? undefined : status < 400 ? ('success' as const) : ('failure' as const),
        userAgent: header(requestHeaders, 'user-agent'),
        tokens,
        http,
        details: compact({
          serverIPAddress: textAt(entry.serverIPAddress),
          pageref: textAt(entry.pageref),
          connection: textAt(entry.connection),
        }) as Record<string, string>,
      });
      if (draft.details && Object.keys(draft.details).length === 0) delete (draft as { details?: unknown }).details;
      return [draft];
    },
  };
}

/** The HAR 1.2 format. */
export const har: SourceFormat = {
  name: 'har',
  title: 'HAR 1.2 (browser HTTP archive)',
  framing: 'json',
  recordArrays: [['log', 'entries']],
  sidePaths: [
    ['log', 'creator'],
    ['log', 'version'],
  ],
  detect: (sample) =>
    /^\s*\{\s*"log"\s*:\s*\{/.test(sample) && /"(entries|creator|version)"\s*:/.test(sample) ? 0.95 : 0,
  createParser: createHarParser,
};
