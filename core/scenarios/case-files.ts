import { VPN_EGRESS } from './geography';
import { FIXTURE_KEYS } from './fixture-keys';
import {
  APIS,
  CURRENT_KID,
  ISSUER,
  JWKS_URI,
  MINIMUM_APP_VERSION,
  REFRESH_LIFETIME_SECONDS,
  RETIRED_KID,
  ROTATION_TIME,
} from './organisation';
import { publicJwk } from './rsa-signature';
import type { StaticFile } from './writers/log-file';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const iso = (ts: number) => new Date(ts).toISOString().replace('.000Z', 'Z');

/** The issuer's published keys: the current one and the retired one (kept published for old tokens' sake). */
export function jwksFile(): StaticFile {
  return {
    path: 'keys/jwks.json',
    kind: 'jwks',
    mediaType: 'application/jwk-set+json',
    description: 'Public signing keys published by login.northwind.example',
    text: json({
      keys: [publicJwk(FIXTURE_KEYS.issuerCurrent, CURRENT_KID), publicJwk(FIXTURE_KEYS.issuerRetired, RETIRED_KID)],
    }),
  };
}

/** The key-rotation history: the old key retired when the current one took over. */
export function keyRotationFile(): StaticFile {
  return {
    path: 'keys/key-rotation.json',
    kind: 'key-rotation',
    mediaType: 'application/json',
    description: 'Signing-key rotation history from the IAM runbook',
    text: json({
      format: 'tokentrail-key-rotation',
      formatVersion: 1,
      keys: [
        {
          kid: RETIRED_KID,
          created: '2026-05-01T00:00:00Z',
          activated: '2026-05-02T00:00:00Z',
          retired: iso(ROTATION_TIME),
        },
        { kid: CURRENT_KID, created: '2026-11-01T00:00:00Z', activated: iso(ROTATION_TIME) },
      ],
    }),
  };
}

/** What Northwind expects of its tokens, with its VPN egress excluded from the travel detectors. */
export function caseConfigFile(): StaticFile {
  return {
    path: 'case-config.json',
    kind: 'case-config',
    mediaType: 'application/json',
    description: 'What Northwind expects of its tokens, and the VPN egress range the travel detectors skip',
    text: json({
      format: 'tokentrail-case-config',
      formatVersion: 1,
      expectedIssuers: [ISSUER],
      apis: APIS.map((api) => ({
        name: api.name,
        baseUrl: `https://${api.host}${api.prefix}`,
        audiences: [api.audience],
      })),
      allowedAlgorithms: ['RS256'],
      maxTokenLifetimeSeconds: REFRESH_LIFETIME_SECONDS,
      minimumAppVersion: MINIMUM_APP_VERSION,
      jwksUri: JWKS_URI,
      detectors: {
        'impossible-travel': { excludedRanges: [VPN_EGRESS.range] },
        'country-change': { excludedRanges: [VPN_EGRESS.range] },
      },
    }),
  };
}
