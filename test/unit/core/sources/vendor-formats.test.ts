import { describe, expect, it } from 'vitest';
import { sha256HexOfText } from '../../../../core/evidence/sha256';
import { parseFixture, T1, T2 } from './helpers';

describe("vendor log formats (samples shaped from each vendor's documented schema)", () => {
  it('Okta System Log: token grants, refresh failure, session end, geo from the log', async () => {
    const { events, problems, summary } = await parseFixture('okta-system-log.json', {}, 97);
    expect(summary.format).toBe('okta');
    expect(problems).toEqual([]);
    expect(events.map((e) => e.kind)).toEqual(['issue', 'failure', 'logout']);
    const [grant, failed] = events;
    expect(grant).toMatchObject({
      ts: Date.parse('2026-11-18T08:59:58.123Z'),
      subject: 'alice@example.com',
      sessionId: '102abcSESSION',
      clientId: 'Northwind Web',
      ip: '81.2.69.160',
      action: 'app.oauth2.as.token.grant.access_token',
      outcome: 'success',
      source: { index: 0, line: 2 },
    });
    expect(grant!.geo).toMatchObject({ source: 'log', city: 'London', latitude: 51.5142 });
    expect(grant!.agent).toMatchObject({ browser: 'Safari', os: 'macOS', device: 'desktop' });
    expect(failed).toMatchObject({ outcome: 'failure', reason: 'invalid_grant', source: { index: 1 } });
    expect(JSON.parse(grant!.record).uuid).toBe('6b0c2f1e-0001');
  });

  it('Auth0: type codes, the log-stream envelope, client and location', async () => {
    const { events, problems, summary } = await parseFixture('auth0-tenant.jsonl');
    expect(summary.format).toBe('auth0');
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.action, e.kind])).toEqual([
      ['seacft', 'issue'],
      ['fertft', 'failure'],
      ['slo', 'logout'],
      ['sertft', 'refresh'],
      ['srrt', 'revoke'],
    ]);
    expect(events[0]).toMatchObject({
      subject: 'auth0|6543',
      clientId: 'AaBbCc123',
      geo: { country: 'GB', city: 'London', source: 'log' },
      source: { line: 1 },
    });
    expect(events[1]!.agent).toMatchObject({ browser: 'okhttp', device: 'script' });
    expect(events[2]!.source.line).toBe(3);
  });

  it('Keycloak admin-API JSON: token_id as jti, refresh_token_id kept, *_ERROR as failure', async () => {
    const { events, summary } = await parseFixture('keycloak-events.json');
    expect(summary.format).toBe('keycloak');
    expect(events.map((e) => e.kind)).toEqual(['issue', 'failure', 'logout']);
    expect(events[0]).toMatchObject({
      jti: 'onrtac:at-7',
      sessionId: 'c3be023a-sess',
      clientId: 'nw-web',
      subject: '8f2c-user',
      ts: 1794992398000,
      details: { refresh_token_id: 'rt-7', realm: 'northwind' },
    });
    expect(events[1]).toMatchObject({ reason: 'invalid_token', outcome: 'failure' });
  });

  it('Keycloak jboss-logging lines, quoted and unquoted', async () => {
    const { events, problems, summary } = await parseFixture('keycloak-jboss.log');
    expect(summary.format).toBe('keycloak');
    expect(problems).toEqual([]);
    expect(events.map((e) => [e.kind, e.ip, e.ts])).toEqual([
      ['login', '81.2.69.160', Date.UTC(2026, 10, 18, 8, 59, 58, 120)],
      ['failure', '203.0.113.77', Date.UTC(2026, 10, 18, 9, 12, 0, 1)],
    ]);
    expect(events[0]!.sessionId).toBe('c3be023a-sess');
  });

  it('Entra ID sign-ins from a Graph page: uniqueTokenIdentifier, refresh by PRT, failure with reason', async () => {
    const { events, summary } = await parseFixture('entra-signins.json', {}, 50);
    expect(summary.format).toBe('entra');
    expect(events.map((e) => e.kind)).toEqual(['login', 'refresh', 'failure']);
    expect(events[0]).toMatchObject({
      jti: 'ZTE0OTk1ZjMtMzY0Zi00',
      subject: 'alice@northwind.example',
      geo: { country: 'GB', city: 'London', latitude: 51.5 },
      details: { incomingTokenType: 'none', deviceOs: 'Windows 10' },
      source: { index: 0 },
    });
    expect(events[2]!.reason).toMatch(/invalid username or password/);
  });

  it('CloudTrail (Cognito): InitiateAuth, refresh failure, Token_POST refresh, RevokeToken, other services kept', async () => {
    const { events, summary } = await parseFixture('cloudtrail-cognito.json');
    expect(summary.format).toBe('cloudtrail');
    expect(events.map((e) => e.kind)).toEqual(['issue', 'failure', 'refresh', 'revoke', 'other']);
    expect(events[0]).toMatchObject({ subject: 'a1b2c3d4-sub', clientId: '1example23456789', ip: '81.2.69.160' });
    expect(events[1]!.reason).toBe('NotAuthorizedException: Refresh Token has been revoked');
    expect(events[2]).toMatchObject({ clientId: '1example23456789', http: { status: 200 } });
    expect(events.map((e) => e.source.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('nginx with a custom layout: the Authorization header and a token query parameter, offsets applied', async () => {
    const format =
      '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" "$http_authorization" rt=$request_time';
    const { events, problems } = await parseFixture('custom-nginx.log', {
      format: 'access-log',
      formatOptions: { accessLogFormat: format },
    });
    expect(problems).toEqual([]);
    expect(events[0]).toMatchObject({
      kind: 'use',
      ts: Date.UTC(2026, 10, 18, 9, 2, 11),
      http: { method: 'GET', path: '/orders/v2/list', status: 200 },
    });
    expect(events[0]!.tokens).toEqual([{ hash: sha256HexOfText(T1), compact: T1, role: 'authorization' }]);
    expect(events[1]).toMatchObject({ kind: 'failure', ts: Date.UTC(2026, 10, 18, 9, 7, 40) });
    expect(events[1]!.tokens[0]).toMatchObject({ role: 'query', field: 'access_token', hash: sha256HexOfText(T2) });
    // The same file is also readable without the layout: combined, with the extras found in the rest of the line.
    const auto = await parseFixture('custom-nginx.log');
    expect(auto.summary.format).toBe('access-log');
    expect(auto.events[0]!.tokens[0]).toMatchObject({ role: 'authorization', hash: sha256HexOfText(T1) });
  });

  it('CSV with header aliases and a mapping preset; quoted fields across lines keep their first line', async () => {
    const auto = await parseFixture('sign-ins.csv', { format: 'csv' });
    expect(auto.problems).toEqual([]);
    expect(auto.events.map((e) => [e.source.line, e.subject, e.ip, e.ts])).toEqual([
      [2, 'alice@example.com', '81.2.69.160', Date.UTC(2026, 10, 18, 8, 59, 58)],
      [4, 'alice@example.com', '175.45.176.3', 1794995702000],
    ]);
    const preset = {
      name: 'Northwind proxy',
      delimiter: ';',
      columns: { time: 'Timestamp', subject: 'User', clientId: 'Client', ip: 'IP Address', kind: 'Event', token: 5 },
      kinds: { TokenIssued: 'issue', TokenRefreshed: 'refresh' },
      utcOffset: '+01:00',
    } as const;
    const mapped = await parseFixture('sign-ins.csv', { format: 'csv', formatOptions: { csvMapping: preset } });
    expect(mapped.events.map((e) => e.kind)).toEqual(['issue', 'refresh']);
    expect(mapped.events[0]!.ts).toBe(Date.UTC(2026, 10, 18, 7, 59, 58));
    expect(mapped.events[0]!.tokenHashes).toEqual([sha256HexOfText(T1)]);
    expect(mapped.events[0]!.record).toContain('first\nline of a note');
  });

  it('plain token lists: one sighting per token line, comments skipped, other lines reported', async () => {
    const { events, problems, summary } = await parseFixture('tokens.txt');
    expect(summary.format).toBe('token-list');
    expect(events.map((e) => [e.kind, e.source.line, e.ts])).toEqual([
      ['sighting', 2, null],
      ['sighting', 5, null],
    ]);
    expect(problems).toEqual([
      { code: 'no-token', file: 'tokens.txt', line: 4, message: 'no compact token on this line' },
    ]);
  });
});
