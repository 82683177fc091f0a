import type { AuthEventKind, TokenRole } from '../../../../core/sources/types';
import type { TimelineEvent, TokenFacts } from '../../../../core/timeline';

/** Test helpers: events as a log would give them, one line each in one file. */
export const SHA = 'a'.repeat(64);
let line = 0;

export interface EventSpec {
  readonly at: string | null;
  readonly kind: AuthEventKind;
  readonly tokens?: readonly (string | readonly [string, TokenRole])[];
  readonly subject?: string;
  readonly sessionId?: string;
  readonly jti?: string;
  readonly ip?: string;
  readonly userAgent?: string;
  readonly place?: keyof typeof PLACES;
  readonly appVersion?: string;
  readonly clientId?: string;
  readonly host?: string;
  readonly path?: string;
  readonly status?: number;
  readonly outcome?: 'success' | 'failure';
  readonly details?: Record<string, string>;
}

/** Real coordinates (city centres). */
export const PLACES = {
  london: { country: 'GB', latitude: 51.5072, longitude: -0.1276 },
  reading: { country: 'GB', latitude: 51.4543, longitude: -0.9781 },
  paris: { country: 'FR', latitude: 48.8566, longitude: 2.3522 },
  lille: { country: 'FR', latitude: 50.6292, longitude: 3.0573 },
  kortrijk: { country: 'BE', latitude: 50.8279, longitude: 3.2649 },
  pyongyang: { country: 'KP', latitude: 39.0392, longitude: 125.7625 },
  newYork: { country: 'US', latitude: 40.7128, longitude: -74.006 },
  // Country-level locations (the single HTML file's database): the country's centre.
  koreaNorthCentre: { country: 'KP', latitude: 40, longitude: 127, precision: 'country' },
  britainCentre: { country: 'GB', latitude: 54, longitude: -2, precision: 'country' },
} as const;

/** One event; `tokens` are hashes (role authorization unless given). */
export function event(spec: EventSpec): TimelineEvent {
  line++;
  return {
    id: line,
    ts: spec.at === null ? null : Date.parse(spec.at),
    source: { file: 'logs/test.log', sha256: SHA, line },
    kind: spec.kind,
    tokens: (spec.tokens ?? []).map((token) =>
      typeof token === 'string'
        ? { hash: token, role: 'authorization' as TokenRole }
        : { hash: token[0], role: token[1] },
    ),
    ...(spec.subject !== undefined ? { subject: spec.subject } : {}),
    ...(spec.sessionId !== undefined ? { sessionId: spec.sessionId } : {}),
    ...(spec.jti !== undefined ? { jti: spec.jti } : {}),
    ...(spec.ip !== undefined ? { ip: spec.ip } : {}),
    ...(spec.userAgent !== undefined ? { userAgent: spec.userAgent } : {}),
    ...(spec.place !== undefined ? { geo: PLACES[spec.place] } : {}),
    ...(spec.appVersion !== undefined ? { appVersion: spec.appVersion } : {}),
    ...(spec.clientId !== undefined ? { clientId: spec.clientId } : {}),
    ...(spec.outcome !== undefined ? { outcome: spec.outcome } : {}),
    ...(spec.details !== undefined ? { details: spec.details } : {}),
    ...(spec.host !== undefined || spec.path !== undefined || spec.status !== undefined
      ? { http: { host: spec.host, path: spec.path, status: spec.status } }
      : {}),
  };
}

/** Facts of a token with the usual claims; times are ISO strings. */
export function facts(
  tokenHash: string,
  claims: {
    sub?: string;
    sid?: string;
    jti?: string;
    aud?: string[];
    iat?: string;
    exp?: string;
    signature?: TokenFacts['signature'];
    kid?: string;
    checkIds?: string[];
  } = {},
): TokenFacts {
  return {
    tokenHash,
    ...(claims.sub !== undefined ? { subject: claims.sub } : {}),
    ...(claims.sid !== undefined ? { sessionId: claims.sid } : {}),
    ...(claims.jti !== undefined ? { jti: claims.jti } : {}),
    ...(claims.aud !== undefined ? { audiences: claims.aud } : {}),
    ...(claims.iat !== undefined ? { issuedAt: Date.parse(claims.iat) } : {}),
    ...(claims.exp !== undefined ? { expiresAt: Date.parse(claims.exp) } : {}),
    ...(claims.signature !== undefined ? { signature: claims.signature } : {}),
    ...(claims.kid !== undefined ? { signingKey: { kid: claims.kid, thumbprint: `tp-${claims.kid}` } } : {}),
    ...(claims.checkIds !== undefined ? { checkIds: claims.checkIds } : {}),
  };
}

/** A token hash that looks like one (64 hex digits), derived from a short name. */
export function hash(name: string): string {
  return Array.from(name)
    .map((char) => char.charCodeAt(0).toString(16))
    .join('')
    .padEnd(64, '0')
    .slice(0, 64);
}
