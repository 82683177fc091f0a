/**
 * Deterministic generators of large logs for the parse benchmarks: every format, any size, same bytes each run.
 * A small pool of tokens, IPs and user agents repeats, as in real logs.
 */
import type { SourceFormatName } from '../../../core';

const TOKENS = Array.from(
  { length: 50 },
  (_, i) =>
    `eyJhbGciOiJSUzI1NiIsImtpZCI6Im53LTEifQ.${Buffer.from(JSON.stringify({ sub: `user${i}@example.com`, jti: `at-${i}`, iat: 1794992398 + i })).toString('base64url')}.${Buffer.from(`signature-${i}`.repeat(12)).toString('base64url')}`,
);
const IPS = [
  '81.2.69.160',
  '175.45.176.3',
  '203.0.113.77',
  '8.8.8.8',
  '2001:4860:4860::8888',
  '91.198.174.192',
  '185.60.216.35',
  '104.16.132.229',
];
const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36',
  'NorthwindMobile/5.2.0 (iPhone; iOS 19.1)',
  'python-requests/2.32',
  'curl/8.5.0',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function clf(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** One record of the given format, number `i`. */
function line(format: SourceFormatName, i: number): string {
  const ts = Date.UTC(2026, 10, 18) + i * 250;
  const token = TOKENS[i % TOKENS.length]!;
  const ip = IPS[i % IPS.length]!;
  const agent = AGENTS[i % AGENTS.length]!;
  const user = `user${i % 97}@example.com`;
  switch (format) {
    case 'tokentrail-jsonl':
      return JSON.stringify({
        ts: new Date(ts).toISOString(),
        kind: ['issue', 'use', 'use', 'refresh'][i % 4],
        sub: user,
        sessionId: `S-${i % 500}`,
        jti: `at-${i}`,
        clientId: 'nw-mobile',
        appVersion: '5.2.0',
        ip,
        userAgent: agent,
        token,
      });
    case 'access-log':
      return `${ip.includes(':') ? '81.2.69.160' : ip} - - [${clf(ts)}] "GET /orders/v2/list?page=${i % 9} HTTP/1.1" ${i % 50 === 0 ? 401 : 200} ${1000 + (i % 4000)} "-" "${agent}" "Bearer ${token}"`;
    case 'okta':
      return JSON.stringify({
        uuid: `u-${i}`,
        published: new Date(ts).toISOString(),
        eventType: 'app.oauth2.as.token.grant.access_token',
        displayMessage: 'OAuth2 access token is granted',
        actor: { id: '00u1', type: 'User', alternateId: user },
        client: {
          ipAddress: ip,
          userAgent: { rawUserAgent: agent },
          geographicalContext: { city: 'London', country: 'United Kingdom' },
        },
        outcome: { result: 'SUCCESS' },
        authenticationContext: { externalSessionId: `S-${i % 500}` },
        debugContext: { debugData: { grantType: 'authorization_code' } },
      });
    case 'auth0':
      return JSON.stringify({
        date: new Date(ts).toISOString(),
        type: ['seacft', 's', 'sertft', 'fertft'][i % 4],
        client_id: 'AaBb',
        ip,
        user_agent: agent,
        user_id: `auth0|${i % 97}`,
        log_id: `l${i}`,
      });
    case 'keycloak':
      return JSON.stringify({
        time: ts,
        type: ['CODE_TO_TOKEN', 'REFRESH_TOKEN', 'LOGIN', 'LOGOUT'][i % 4],
        realmId: 'nw',
        clientId: 'nw-web',
        userId: `u${i % 97}`,
        sessionId: `S-${i % 500}`,
        ipAddress: ip,
        details: { token_id: `t-${i}`, refresh_token_id: `r-${i}` },
      });
    case 'entra':
      return JSON.stringify({
        id: `s-${i}`,
        createdDateTime: new Date(ts).toISOString(),
        userPrincipalName: user,
        appId: 'de8b',
        ipAddress: ip,
        isInteractive: i % 3 === 0,
        status: { errorCode: i % 20 === 0 ? 50126 : 0 },
        uniqueTokenIdentifier: `uti-${i}`,
        incomingTokenType: i % 2 ? 'primaryRefreshToken' : 'none',
        location: { city: 'London', countryOrRegion: 'GB' },
      });
    case 'cloudtrail':
      return JSON.stringify({
        eventVersion: '1.08',
        eventTime: new Date(ts).toISOString(),
        eventSource: 'cognito-idp.amazonaws.com',
        eventName: i % 2 ? 'InitiateAuth' : 'GetUser',
        sourceIPAddress: ip,
        userAgent: agent,
        requestParameters: { authFlow: 'REFRESH_TOKEN_AUTH', clientId: 'c1' },
        additionalEventData: { sub: `sub-${i % 97}` },
        eventID: `e-${i}`,
      });
    case 'csv':
      return `${new Date(ts).toISOString()},${user},nw-web,${ip},issue,${token}`;
    case 'token-list':
      return token;
    case 'har':
      return JSON.stringify({
        startedDateTime: new Date(ts).toISOString().replace('Z', '+00:00'),
        time: 42,
        request: {
          method: 'GET',
          url: `https://api.example/orders/${i}`,
          httpVersion: 'HTTP/1.1',
          headers: [
            { name: 'Authorization', value: `Bearer ${token}` },
            { name: 'User-Agent', value: agent },
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
        timings: { send: 0, wait: 40, receive: 2 },
      });
  }
}

/**
 * Chunks of a generated log of about `bytes` bytes. Array-shaped formats (HAR, CloudTrail) are wrapped the way
 * their producers write them; the rest are one record per line.
 */
export function* generateLog(format: SourceFormatName, bytes: number, chunkBytes = 1024 * 1024): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  const [open, separator, close] =
    format === 'har'
      ? ['{"log":{"version":"1.2","creator":{"name":"bench","version":"1"},"entries":[\n', ',\n', ']}}\n']
      : format === 'cloudtrail'
        ? ['{"Records":[\n', ',\n', ']}\n']
        : format === 'csv'
          ? ['time,user,client,ip,kind,token\n', '\n', '\n']
          : ['', '\n', '\n'];
  let parts: string[] = [open];
  let size = open.length;
  let written = 0;
  for (let i = 0; written + size < bytes; i++) {
    const text = (i > 0 ? separator : '') + line(format, i);
    parts.push(text);
    size += text.length;
    if (size >= chunkBytes) {
      const chunk = encoder.encode(parts.join(''));
      written += chunk.length;
      yield chunk;
      parts = [];
      size = 0;
    }
  }
  parts.push(close);
  yield encoder.encode(parts.join(''));
}
