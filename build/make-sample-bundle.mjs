// Writes the shipped sample case and the e2e fixtures. Run: node build/make-sample-bundle.mjs
// Tokens are really signed (node:crypto) with keys generated here; only the public keys go into the bundle.
// Output: renderer/samples/sample-case.zip (opened by the welcome screen), test/fixtures/bundles/sample-case.zip,
// test/fixtures/bundles/tampered-case.zip, test/fixtures/loose/capture.har.
// Re-running makes new keys and so new hashes; the committed files are the reference copies.
import { build } from 'esbuild';
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The HAR and manifest writers are core's (core/scenarios), shared with the training-scenario generator; Node 20 runs
// no TypeScript, so that entry point is bundled in memory and imported.
const coreBundle = await build({
  entryPoints: [path.join(root, 'core/scenarios/index.ts')],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  write: false,
  logLevel: 'warning',
});
const { bundleManifest, harDocument, harEntry } = await import(
  `data:text/javascript;base64,${Buffer.from(coreBundle.outputFiles[0].text).toString('base64')}`
);
const b64url = (data) => Buffer.from(typeof data === 'string' ? data : JSON.stringify(data)).toString('base64url');
const at = (iso) => Math.floor(Date.parse(iso) / 1000);

const oldKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const currentKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = (pair, kid) => ({ ...pair.publicKey.export({ format: 'jwk' }), kid, use: 'sig', alg: 'RS256' });

function rs256(pair, kid, claims) {
  const input = `${b64url({ alg: 'RS256', typ: 'JWT', kid })}.${b64url(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), pair.privateKey).toString('base64url')}`;
}
function hs256(secret, claims) {
  const input = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}
const unsecured = (claims) => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;

const iss = 'https://login.northwind.example/';
const base = { iss, aud: 'orders-api', scope: 'orders:read orders:write' };
const alice = rs256(currentKey, 'nw-2026-11', {
  ...base,
  sub: 'alice@northwind.example',
  sid: 'S-7741',
  jti: 'at-0001',
  iat: at('2026-11-18T08:59:58Z'),
  exp: at('2026-11-18T09:59:58Z'),
  client_id: 'nw-mobile',
  app_ver: '5.2.0',
});
const aliceRefreshed = rs256(currentKey, 'nw-2026-11', {
  ...base,
  sub: 'alice@northwind.example',
  sid: 'S-7741',
  jti: 'at-0002',
  iat: at('2026-11-18T09:55:02Z'),
  exp: at('2026-11-18T10:55:02Z'),
  client_id: 'nw-mobile',
  app_ver: '4.9.1',
});
const retired = rs256(oldKey, 'nw-2026-05', {
  ...base,
  sub: 'bob@northwind.example',
  jti: 'at-0417',
  iat: at('2026-11-18T09:20:00Z'),
  exp: at('2026-11-18T10:20:00Z'),
});
const forgedNone = unsecured({
  ...base,
  sub: 'admin@northwind.example',
  jti: 'at-9999',
  iat: at('2026-11-18T09:31:00Z'),
  exp: at('2026-11-19T09:31:00Z'),
  role: 'admin',
});
const weakHmac = hs256('secret', {
  ...base,
  sub: 'alice@northwind.example',
  jti: 'at-6666',
  iat: at('2026-11-18T09:40:00Z'),
  exp: at('2026-11-18T21:40:00Z'),
});

const files = {
  'tokens/captured-tokens.txt': [alice, retired, forgedNone, weakHmac].join('\n') + '\n',
  'logs/auth-server.jsonl':
    [
      {
        ts: '2026-11-18T08:59:58Z',
        kind: 'issue',
        sub: 'alice@northwind.example',
        sessionId: 'S-7741',
        jti: 'at-0001',
        clientId: 'nw-mobile',
        appVersion: '5.2.0',
        ip: '81.2.69.160',
        userAgent: 'NorthwindMobile/5.2.0 (iPhone; iOS 19.1)',
        token: alice,
      },
      {
        ts: '2026-11-18T09:20:00Z',
        kind: 'issue',
        sub: 'bob@northwind.example',
        jti: 'at-0417',
        clientId: 'nw-web',
        ip: '81.2.69.161',
        userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/141.0',
        token: retired,
      },
      {
        ts: '2026-11-18T09:55:02Z',
        kind: 'refresh',
        sub: 'alice@northwind.example',
        sessionId: 'S-7741',
        jti: 'at-0002',
        clientId: 'nw-mobile',
        appVersion: '4.9.1',
        ip: '175.45.176.3',
        userAgent: 'NorthwindMobile/4.9.1 (Android 11)',
        token: aliceRefreshed,
      },
    ]
      .map((event) => JSON.stringify(event))
      .join('\n') + '\n',
  'logs/orders-api-access.log':
    [
      `81.2.69.160 - - [18/Nov/2026:09:02:11 +0000] "GET /orders/v2/list?access_token=${alice} HTTP/1.1" 200 5120 "-" "NorthwindMobile/5.2.0 (iPhone; iOS 19.1)"`,
      `175.45.176.3 - - [18/Nov/2026:09:07:40 +0000] "GET /orders/v2/list HTTP/1.1" 200 5120 "-" "python-requests/2.32"`,
      `203.0.113.77 - - [18/Nov/2026:09:31:15 +0000] "POST /orders/v2/refunds HTTP/1.1" 201 88 "-" "curl/8.5.0"`,
    ].join('\n') + '\n',
  'har/support-laptop.har': JSON.stringify(
    harWith([
      {
        time: '2026-11-18T09:07:40.120+00:00',
        url: 'https://api.northwind.example/orders/v2/list',
        headers: [{ name: 'Authorization', value: `Bearer ${alice}` }],
      },
      {
        time: '2026-11-18T09:31:15.004+00:00',
        url: 'https://api.northwind.example/orders/v2/refunds',
        method: 'POST',
        headers: [{ name: 'Authorization', value: `Bearer ${forgedNone}` }],
      },
      {
        time: '2026-11-18T09:41:03.500+00:00',
        url: 'https://api.northwind.example/orders/v2/list',
        headers: [{ name: 'Cookie', value: `nw_session=${weakHmac}` }],
      },
    ]),
    null,
    2,
  ),
  'keys/jwks.json': JSON.stringify({ keys: [jwk(currentKey, 'nw-2026-11'), jwk(oldKey, 'nw-2026-05')] }, null, 2),
  'keys/key-rotation.json': JSON.stringify(
    {
      format: 'tokentrail-key-rotation',
      formatVersion: 1,
      keys: [
        {
          kid: 'nw-2026-05',
          created: '2026-05-01T00:00:00Z',
          activated: '2026-05-02T00:00:00Z',
          retired: '2026-11-02T00:00:00Z',
        },
        { kid: 'nw-2026-11', created: '2026-11-01T00:00:00Z', activated: '2026-11-02T00:00:00Z' },
      ],
    },
    null,
    2,
  ),
  'case-config.json': JSON.stringify(
    {
      format: 'tokentrail-case-config',
      formatVersion: 1,
      expectedIssuers: [iss],
      apis: [{ name: 'Orders API', baseUrl: 'https://api.northwind.example/orders/', audiences: ['orders-api'] }],
      allowedAlgorithms: ['RS256'],
      maxTokenLifetimeSeconds: 3600,
      minimumAppVersion: '5.0.0',
      jwksUri: 'https://login.northwind.example/.well-known/jwks.json',
    },
    null,
    2,
  ),
};

function harWith(requests) {
  return JSON.parse(harDocument(requests.map((request) => JSON.stringify(harEntry(request)))).join(''));
}

const kinds = { tokens: 'tokens', logs: 'auth-log', har: 'har', keys: 'jwks' };
const describe = {
  'tokens/captured-tokens.txt': 'Tokens copied from the fraud team ticket NW-SEC-2211',
  'logs/auth-server.jsonl': 'Authorization server token events, exported by the IAM team',
  'logs/orders-api-access.log': 'nginx combined log of the Orders API edge, 09:00-10:00 UTC',
  'har/support-laptop.har': 'HAR capture from the support laptop of the affected user',
  'keys/jwks.json': 'Public signing keys published by login.northwind.example',
  'keys/key-rotation.json': 'Signing-key rotation history from the IAM runbook',
  'case-config.json': 'What Northwind expects of its tokens',
};
function kindOf(file) {
  if (file.endsWith('access.log')) return ['access-log', 'text/plain'];
  if (file === 'case-config.json') return ['case-config', 'application/json'];
  if (file.endsWith('key-rotation.json')) return ['key-rotation', 'application/json'];
  if (file.endsWith('.jsonl')) return ['auth-log', 'application/x-ndjson'];
  if (file.endsWith('.har')) return ['har', 'application/json'];
  if (file.endsWith('jwks.json')) return ['jwks', 'application/jwk-set+json'];
  return [kinds[file.split('/')[0]] ?? 'other', 'text/plain'];
}
const manifestFor = (entries) =>
  bundleManifest(
    {
      title: 'Northwind — suspected theft of a mobile session token',
      caseNumber: 'NW-IR-2026-0142',
      collectedBy: 'Dana Whitfield, Northwind CSIRT',
      collectedAt: '2026-11-19T10:15:00+01:00',
      timeZone: 'Europe/Berlin',
      sourceSystems: ['login.northwind.example (IAM)', 'Orders API nginx edge', 'Support laptop SUP-0931'],
      notes: 'Alice reports refunds she did not make. Sample case shipped with Tokentrail.',
    },
    Object.entries(entries).map(([file, content]) => {
      const [kind, mediaType] = kindOf(file);
      return { path: file, kind, mediaType, bytes: Buffer.from(content), description: describe[file] };
    }),
  );
const zipOf = (manifest, entries) =>
  zipSync(
    {
      'manifest.json': strToU8(JSON.stringify(manifest, null, 2)),
      ...Object.fromEntries(Object.entries(entries).map(([file, content]) => [file, strToU8(content)])),
    },
    { mtime: new Date('2026-11-19T09:15:00Z') },
  );

const write = (relative, data) => {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), data);
  console.log(`wrote ${relative}`);
};
const sample = zipOf(manifestFor(files), files);
write('renderer/samples/sample-case.zip', sample);
write('test/fixtures/bundles/sample-case.zip', sample);

// Tampered: one token line altered after the manifest was written, the HAR missing, an extra file slipped in.
const tampered = {
  ...files,
  'tokens/captured-tokens.txt': files['tokens/captured-tokens.txt'].replace('\n', '\nX'),
  'notes/readme.txt': 'added later\n',
};
delete tampered['har/support-laptop.har'];
write('test/fixtures/bundles/tampered-case.zip', zipOf(manifestFor(files), tampered));

write(
  'test/fixtures/loose/capture.har',
  JSON.stringify(
    harWith([
      {
        time: '2026-11-18T10:02:00.000+01:00',
        url: 'https://api.northwind.example/orders/v2/list',
        headers: [{ name: 'Authorization', value: `Bearer ${aliceRefreshed}` }],
      },
    ]),
    null,
    2,
  ),
);
