import type { AuthEventKind } from '../types';
import { findTokenStrings } from '../../token/find-tokens';

/**
 * The kind of an HTTP request seen in a HAR or an access log: a 401/403 is a failed use; revocation and logout
 * endpoints are recognised by path; a request that carried a token is a `use`; anything else a plain `request`.
 */
export function httpKind(path: string | undefined, status: number | undefined, carriedToken: boolean): AuthEventKind {
  if (status === 401 || status === 403) return 'failure';
  if (path && /\/revoke(\b|\/|\?|$)/i.test(path)) return 'revoke';
  if (path && /\/(logout|signout|end_session|end-session)(\b|\/|\?|$)/i.test(path)) return 'logout';
  return carriedToken ? 'use' : 'request';
}

/** Query parameters that carry tokens in URLs (RFC 6750 §2.3 `access_token`, and the usual others). */
export const TOKEN_QUERY_PARAMETERS = ['access_token', 'id_token', 'refresh_token', 'token', 'jwt', 'assertion'];

/** Compact tokens in a URL's query string, by parameter name. */
export function queryTokens(target: string | undefined): { compact: string; role: 'query'; field: string }[] {
  const at = target?.indexOf('?') ?? -1;
  if (!target || at < 0) return [];
  const out: { compact: string; role: 'query'; field: string }[] = [];
  for (const pair of target.slice(at + 1).split(/[&;]/)) {
    const equals = pair.indexOf('=');
    if (equals <= 0) continue;
    const name = pair.slice(0, equals);
    if (!TOKEN_QUERY_PARAMETERS.includes(name.toLowerCase())) continue;
    let value = pair.slice(equals + 1);
    try {
      value = decodeURIComponent(value);
    } catch {
      // keep the raw text
    }
    if (/^e[wy][\w-]+\.[\w-]*\.[\w-]*/.test(value)) out.push({ compact: value, role: 'query', field: name });
  }
  return out;
}

/**
 * Tokens in a Referer URL, marked as text of the `referer` field. A token there was presented to the page the user
 * came from, not to this request: without this mark the record scan would read `?t=<token>` in the Referer as a query
 * parameter of the request. A token also in the request's own URL is left to that URL (its role is `query`).
 */
export function refererTokens(
  referer: string | undefined,
  requestUrl: string | undefined,
): { compact: string; role: 'text'; field: 'referer' }[] {
  if (!referer || !(referer.includes('ey') || referer.includes('ew'))) return [];
  return findTokenStrings(referer)
    .filter((found) => !requestUrl?.includes(found.compact))
    .map((found) => ({ compact: found.compact, role: 'text' as const, field: 'referer' as const }));
}
