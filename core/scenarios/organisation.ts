import { sha256HexOfText } from '../evidence';
import { compactJws, type JsonObject, type Rs256Signer, type TokenSigning } from './compact-jws';
import { FIXTURE_KEYS } from './fixture-keys';
import type { Api, ClientApp, ScenarioToken } from './model';

/** The organisation every scenario happens at: one issuer, its keys, its APIs and client apps. */
export const ISSUER = 'https://login.northwind.example/';
/** Where the issuer publishes its keys (never fetched; jku/x5u elsewhere is suspicious). */
export const JWKS_URI = 'https://login.northwind.example/.well-known/jwks.json';
/** The key in use, and the one it replaced on {@link ROTATION_TIME}. */
export const CURRENT_KID = 'nw-2026-11';
export const RETIRED_KID = 'nw-2026-05';
/** When the current key replaced the retired one. */
export const ROTATION_TIME = Date.UTC(2026, 10, 2);
/** Access tokens live an hour; refresh tokens eight (rotated on every use). */
export const ACCESS_LIFETIME_SECONDS = 3600;
export const REFRESH_LIFETIME_SECONDS = 28_800;
/** The oldest app build allowed to obtain or refresh tokens. */
export const MINIMUM_APP_VERSION = '5.0.0';

/** The APIs the tokens are presented to. */
export const APIS: readonly Api[] = [
  {
    name: 'Orders API',
    host: 'api.northwind.example',
    prefix: '/orders/',
    audience: 'orders-api',
    paths: ['v2/list', 'v2/items', 'v2/status'],
  },
  {
    name: 'Billing API',
    host: 'api.northwind.example',
    prefix: '/billing/',
    audience: 'billing-api',
    paths: ['v1/invoices', 'v1/payment-methods'],
  },
  {
    name: 'Reports API',
    host: 'api.northwind.example',
    prefix: '/reports/',
    audience: 'reports-api',
    paths: ['v1/daily', 'v1/export'],
  },
];

/** The API of an audience. */
export const apiOf = (audience: string): Api => APIS.find((api) => api.audience === audience)!;

/** The client applications: the mobile app talks to orders and billing, the web app to orders and reports. */
export const CLIENTS: Readonly<Record<'mobile' | 'web', ClientApp>> = {
  mobile: { clientId: 'nw-mobile', kind: 'mobile', audiences: ['orders-api', 'billing-api'] },
  web: { clientId: 'nw-web', kind: 'web', audiences: ['orders-api', 'reports-api'] },
};

/** A token with its hash (SHA-256 of the compact form, as core/sources computes it). */
export function scenarioToken(compact: string, use: ScenarioToken['use'], jti?: string): ScenarioToken {
  return { compact, hash: sha256HexOfText(compact), use, ...(jti !== undefined ? { jti } : {}) };
}

/** Signed by the issuer's current key, the usual way. */
export const ISSUER_SIGNING: TokenSigning = { kind: 'rs256', key: FIXTURE_KEYS.issuerCurrent };

/** What an access token says: who, for which client and APIs, when. */
export interface AccessClaims {
  readonly sub: string;
  readonly sid: string;
  readonly clientId: string;
  readonly audiences: readonly string[];
  readonly iat: number;
  readonly jti: string;
  readonly appVersion?: string;
  readonly extra?: JsonObject;
}

/** An access token as the issuer makes it; `header` and `signing` let an incident make a forged one. */
export function mintAccessToken(
  signer: Rs256Signer,
  claims: AccessClaims,
  options: { header?: JsonObject; signing?: TokenSigning; lifetimeSeconds?: number } = {},
): ScenarioToken {
  const iat = Math.floor(claims.iat / 1000);
  const body: JsonObject = {
    iss: ISSUER,
    sub: claims.sub,
    aud: claims.audiences.length === 1 ? claims.audiences[0] : claims.audiences,
    exp: iat + (options.lifetimeSeconds ?? ACCESS_LIFETIME_SECONDS),
    iat,
    jti: claims.jti,
    sid: claims.sid,
    client_id: claims.clientId,
    scope: claims.audiences.map((audience) => `${audience.replace(/-api$/, '')}:read`).join(' '),
    ...(claims.appVersion !== undefined ? { app_ver: claims.appVersion } : {}),
    ...claims.extra,
  };
  const header = options.header ?? { alg: 'RS256', typ: 'at+jwt', kid: CURRENT_KID };
  return scenarioToken(compactJws(header, body, options.signing ?? ISSUER_SIGNING, signer), 'access', claims.jti);
}

/** A refresh token: a JWT for the issuer itself, rotated on every use. */
export function mintRefreshToken(
  signer: Rs256Signer,
  claims: Omit<AccessClaims, 'audiences' | 'appVersion' | 'extra'>,
): ScenarioToken {
  const iat = Math.floor(claims.iat / 1000);
  const body: JsonObject = {
    iss: ISSUER,
    sub: claims.sub,
    aud: ISSUER,
    exp: iat + REFRESH_LIFETIME_SECONDS,
    iat,
    jti: claims.jti,
    sid: claims.sid,
    client_id: claims.clientId,
    token_use: 'refresh',
  };
  return scenarioToken(
    compactJws({ alg: 'RS256', typ: 'JWT', kid: CURRENT_KID }, body, ISSUER_SIGNING, signer),
    'refresh',
    claims.jti,
  );
}
