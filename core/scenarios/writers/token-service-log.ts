import type { TruthEvent } from '../model';
import { isoTime, type LogFileSpec } from './log-file';

/**
 * The tokens of a record. A refresh names the refresh token presented as `refreshToken` (the grant's
 * `refresh_token` parameter) and the rotated one under `details.issuedRefreshToken`: core/timeline reads a
 * refresh record's `refresh_token`-role token as the one redeemed and any other token as issued.
 */
function tokenFields(event: TruthEvent): Record<string, unknown> {
  if (event.kind === 'refresh')
    return {
      refreshToken: event.redeemed?.compact,
      accessToken: event.accessToken?.compact,
      details: { issuedRefreshToken: event.refreshToken?.compact },
    };
  return {
    ...(event.redeemed ? { token: event.redeemed.compact } : {}),
    ...(event.accessToken ? { accessToken: event.accessToken.compact } : {}),
    ...(event.refreshToken ? { refreshToken: event.refreshToken.compact } : {}),
  };
}

/**
 * The token endpoint's audit log in Tokentrail JSON Lines (docs/sources.md): every issue, refresh and revoke with
 * the tokens themselves — the record that says which tokens the issuer really made. With `withSignIns`, sign-ins and
 * sign-outs too (when no vendor sign-in log is written).
 */
export function tokenServiceLogSpec(withSignIns: boolean): LogFileSpec {
  const kinds = new Set<TruthEvent['kind']>([
    'issue',
    'refresh',
    'revoke',
    ...(withSignIns ? (['login', 'logout'] as const) : []),
  ]);
  return {
    path: 'logs/token-service.jsonl',
    kind: 'auth-log',
    mediaType: 'application/x-ndjson',
    description: 'Token endpoint audit log of login.northwind.example (issue, refresh, revoke), exported by IAM',
    layout: { kind: 'lines' },
    render: (event) =>
      !kinds.has(event.kind)
        ? undefined
        : JSON.stringify({
            ts: isoTime(event.ts),
            kind: event.kind,
            sub: event.person.subject,
            sessionId: event.sessionId,
            ...(event.accessToken?.jti !== undefined ? { jti: event.accessToken.jti } : {}),
            clientId: event.device.client.clientId,
            ...(event.appVersion !== undefined && event.device.client.kind === 'mobile'
              ? { appVersion: event.appVersion }
              : {}),
            ip: event.ip,
            userAgent: event.userAgent,
            ...tokenFields(event),
          }),
  };
}
