// A small evidence bundle in four formats (HAR, Tokentrail JSON Lines, an nginx combined log and an Okta System
// Log export) telling one story: alice's token is issued at 09:00 and replayed from 175.45.176.3 at 09:41. One
// JSON line is cut short on purpose, so the problems list has something to show. Generated in the test run.
import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: Record<string, unknown>) =>
  `${base64url({ alg: 'RS256', kid: 'nw-2026-11', typ: 'JWT' })}.${base64url(claims)}.${Buffer.from(`sig-${claims.jti}`.repeat(8)).toString('base64url')}`;

export const ACCESS_TOKEN = jwt({
  iss: 'https://login.northwind.example',
  sub: 'alice@northwind.example',
  aud: 'orders-api',
  jti: 'at-0001',
  iat: 1794992400,
  exp: 1794996000,
});
export const REFRESHED_TOKEN = jwt({
  iss: 'https://login.northwind.example',
  sub: 'alice@northwind.example',
  aud: 'orders-api',
  jti: 'at-0002',
  iat: 1794994200,
  exp: 1794997800,
});
export const ACCESS_TOKEN_HASH = createHash('sha256').update(ACCESS_TOKEN).digest('hex');
export const ATTACKER_IP = '175.45.176.3';

const har = {
  log: {
    version: '1.2',
    creator: { name: 'Chromium DevTools', version: '141.0' },
    entries: ['09:02:00', '09:04:30', '09:40:05'].map((time, index) => ({
      startedDateTime: `2026-11-18T${time}.000+00:00`,
      time: 40,
      request: {
        method: 'GET',
        url: `https://api.northwind.example/orders/${1000 + index}`,
        httpVersion: 'HTTP/1.1',
        headers: [
          { name: 'Authorization', value: `Bearer ${ACCESS_TOKEN}` },
          { name: 'User-Agent', value: 'NorthwindMobile/5.2.0 (iPhone; iOS 19.1)' },
        ],
        cookies: [],
        queryString: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: 'HTTP/1.1',
        headers: [],
        cookies: [],
        content: { size: 2, mimeType: 'application/json', text: '{}' },
        redirectURL: '',
        headersSize: -1,
        bodySize: 2,
      },
      cache: {},
      timings: { send: 1, wait: 38, receive: 1 },
    })),
  },
};

const jsonl = [
  {
    ts: '2026-11-18T09:00:00Z',
    kind: 'issue',
    sub: 'alice@northwind.example',
    sessionId: 'S-7741',
    jti: 'at-0001',
    clientId: 'nw-mobile',
    appVersion: '5.2.0',
    ip: '81.2.69.160',
    token: ACCESS_TOKEN,
  },
  {
    ts: '2026-11-18T09:30:00Z',
    kind: 'refresh',
    sub: 'alice@northwind.example',
    sessionId: 'S-7741',
    jti: 'at-0002',
    clientId: 'nw-mobile',
    appVersion: '5.2.0',
    ip: '81.2.69.160',
    token: REFRESHED_TOKEN,
  },
  {
    ts: '2026-11-18T09:41:00Z',
    kind: 'use',
    sub: 'alice@northwind.example',
    sessionId: 'S-7741',
    jti: 'at-0001',
    clientId: 'nw-mobile',
    appVersion: '4.9.1',
    ip: ATTACKER_IP,
    country: 'KP',
    token: ACCESS_TOKEN,
  },
].map((event) => JSON.stringify(event));
jsonl.push('{"ts":"2026-11-18T09:45:00Z","kind":"use","sub":');
jsonl.push(
  JSON.stringify({
    ts: '2026-11-18T09:50:00Z',
    kind: 'logout',
    sub: 'alice@northwind.example',
    sessionId: 'S-7741',
    ip: '81.2.69.160',
  }),
);

const nginx = [
  `81.2.69.160 - - [18/Nov/2026:09:02:01 +0000] "GET /orders/1000 HTTP/1.1" 200 512 "-" "NorthwindMobile/5.2.0 (iPhone; iOS 19.1)" "Bearer ${ACCESS_TOKEN}"`,
  `${ATTACKER_IP} - - [18/Nov/2026:09:41:02 +0000] "GET /orders/export?all=1 HTTP/1.1" 200 90211 "-" "python-requests/2.32" "Bearer ${ACCESS_TOKEN}"`,
  `${ATTACKER_IP} - - [18/Nov/2026:09:41:09 +0000] "POST /orders/1001/refund HTTP/1.1" 200 88 "-" "python-requests/2.32" "Bearer ${ACCESS_TOKEN}"`,
  `${ATTACKER_IP} - - [18/Nov/2026:09:52:30 +0000] "POST /orders/1002/refund HTTP/1.1" 401 41 "-" "python-requests/2.32" "Bearer ${ACCESS_TOKEN}"`,
];

const okta = [
  {
    uuid: 'okta-1',
    published: '2026-11-18T08:58:00.000Z',
    eventType: 'user.session.start',
    displayMessage: 'User login to Okta',
    actor: { id: '00u1', type: 'User', alternateId: 'alice@northwind.example' },
    client: {
      ipAddress: '81.2.69.160',
      userAgent: { rawUserAgent: 'NorthwindMobile/5.2.0 (iPhone; iOS 19.1)' },
      geographicalContext: { city: 'London', country: 'United Kingdom' },
    },
    outcome: { result: 'SUCCESS' },
    authenticationContext: { externalSessionId: 'S-7741' },
  },
  {
    uuid: 'okta-2',
    published: '2026-11-18T08:59:30.000Z',
    eventType: 'app.oauth2.as.token.grant.access_token',
    displayMessage: 'OAuth2 access token is granted',
    actor: { id: '00u1', type: 'User', alternateId: 'alice@northwind.example' },
    client: { ipAddress: '81.2.69.160', userAgent: { rawUserAgent: 'NorthwindMobile/5.2.0 (iPhone; iOS 19.1)' } },
    outcome: { result: 'SUCCESS' },
    authenticationContext: { externalSessionId: 'S-7741' },
    debugContext: { debugData: { grantType: 'authorization_code', clientId: 'nw-mobile' } },
  },
];

/** The bundle's files: path → [content, kind, media type]. */
const FILES: Record<string, [string, string, string]> = {
  'har/support-laptop.har': [JSON.stringify(har, null, 2), 'har', 'application/json'],
  'logs/auth-events.jsonl': [`${jsonl.join('\n')}\n`, 'auth-log', 'application/x-ndjson'],
  'logs/orders-access.log': [`${nginx.join('\n')}\n`, 'access-log', 'text/plain'],
  'okta/system-log.json': [JSON.stringify(okta, null, 2), 'auth-log', 'application/json'],
};

/** Events the bundle holds: 3 HAR entries + 4 JSON lines (one line is malformed) + 4 access-log lines + 2 Okta events. */
export const MIXED_EVENT_COUNT = 13;
export const MALFORMED_LOCATION = 'logs/auth-events.jsonl:4';

/** The zip, with a manifest whose hashes match. */
export function mixedBundleZip(): Uint8Array {
  const manifest = {
    format: 'tokentrail-bundle',
    formatVersion: 1,
    case: {
      title: 'Northwind — replayed session',
      caseNumber: 'NW-IR-2026-0150',
      collectedBy: 'e2e',
      collectedAt: '2026-11-19T10:15:00Z',
    },
    files: Object.entries(FILES).map(([path, [content, kind, mediaType]]) => ({
      path,
      kind,
      mediaType,
      size: Buffer.byteLength(content),
      sha256: createHash('sha256').update(content).digest('hex'),
    })),
  };
  return zipSync({
    'manifest.json': strToU8(JSON.stringify(manifest, null, 2)),
    ...Object.fromEntries(Object.entries(FILES).map(([path, [content]]) => [path, strToU8(content)])),
  });
}
