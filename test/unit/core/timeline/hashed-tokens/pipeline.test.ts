// Hash-linked records through the real pipeline: core/sources parsers keep the digest fields, the token engine
// analyses the captured token, and the detectors treat the record that holds only a digest as a use of it.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyzeTimeline, tokenFactsFromClaims } from '../../../../../core/timeline';
import { parse } from '../../sources/helpers';
import { analyzeFiles, CLEAN, FLAWED, T0 } from '../acceptance/acceptance-case';

const sha256 = (text: string) => createHash('sha256').update(text, 'ascii').digest();
const at = (minute: number) => new Date(T0 + minute * 60_000).toISOString();

/** A gateway log in the canonical JSON Lines format: the request and its answer, the token only as a digest. */
function gatewayLine(minute: number, status: number, details: Record<string, string>): string {
  return `${JSON.stringify({ ts: at(minute), kind: 'use', method: 'GET', path: '/orders/v2/list', status, details })}\n`;
}

describe('hash-linked records in the detectors', () => {
  it('bad-token-accepted fires for an expired token the gateway logged only by its signature digest', async () => {
    const expired = FLAWED.expired;
    const signature = sha256(expired.split('.')[2]!).toString('hex');
    const result = await analyzeFiles({
      'tokens/captured.txt': `${expired}\n${CLEAN}\n`,
      'logs/gateway.jsonl':
        gatewayLine(1, 200, { token_sha256: signature.slice(0, 32) }) +
        gatewayLine(2, 401, { token_sha256: signature.slice(0, 32) }) +
        gatewayLine(3, 200, { token_sha256: sha256(CLEAN).toString('base64url') }),
    });
    const accepted = result.findings.filter((finding) => finding.id === 'bad-token-accepted');
    expect(accepted).toHaveLength(1);
    expect(accepted[0]).toMatchObject({
      severity: 'critical',
      tokenHashes: [sha256(expired).toString('hex')],
      detail: { flaw: 'expired', accepted: 1, refused: 1, firstStatus: 200 },
    });
    expect(accepted[0]!.events.map((event) => [event.role, event.linkedBy])).toEqual([
      ['accepted', 'linked by the SHA-256 of its signature (hex, first 32 characters) in field token_sha256'],
      ['refused', 'linked by the SHA-256 of its signature (hex, first 32 characters) in field token_sha256'],
    ]);
    // The counts analyze --json prints, and the links a store writes into the three gateway events.
    expect(result.stats.hashLinking).toEqual({ linked: 3, ambiguous: 0 });
    expect(result.tokenLinks.map((item) => item.tokens.map((token) => [token.hash, token.link.by]))).toEqual([
      [[sha256(expired).toString('hex'), 'signature-sha256']],
      [[sha256(expired).toString('hex'), 'signature-sha256']],
      [[sha256(CLEAN).toString('hex'), 'token-sha256']],
    ]);
  }, 60_000);
});

describe('parsers keep the digest fields the linking reads', () => {
  const token = CLEAN;
  const hex = sha256(token).toString('hex');
  const captured = async () => (await parse('tokens/captured.txt', `${token}\n`)).events;
  const usesOf = async (
    events: Awaited<ReturnType<typeof captured>>,
    caseConfig?: Parameters<typeof analyzeTimeline>[1],
  ) => {
    const result = analyzeTimeline([...(await captured()), ...events], {
      tokens: [tokenFactsFromClaims(hex, { sub: 'alice' })],
      ...caseConfig,
    });
    return result.lifecycles.find((lifecycle) => lifecycle.tokenHash === hex)?.uses.count;
  };

  it('access log with a layout string: a further variable is kept by name and linked when the case names it', async () => {
    const line = `203.0.113.9 [18/Nov/2026:10:05:00 +0000] "GET /orders/v2/list HTTP/1.1" 200 ${hex.slice(0, 16)}\n`;
    const { events } = await parse('logs/access.log', line, {
      format: 'access-log',
      formatOptions: { accessLogFormat: '$remote_addr [$time_local] "$request" $status $http_x_token_sha256' },
    });
    expect(events[0]!.details).toMatchObject({ http_x_token_sha256: hex.slice(0, 16) });
    expect(await usesOf(events)).toBe(0);
    const caseConfig = {
      expectedIssuers: [],
      apis: [],
      allowedAlgorithms: [],
      tokenHashFields: ['http_x_token_sha256'],
    };
    expect(await usesOf(events, { caseConfig })).toBe(1);
  });

  it('Keycloak details and Okta debugData keep the common digest and jti names', async () => {
    const keycloak = await parse(
      'logs/keycloak.json',
      `${JSON.stringify({ time: T0, type: 'INTROSPECT_TOKEN', realmId: 'nw', clientId: 'api', userId: 'u-1', details: { token_sha256: hex } })}\n`,
      { format: 'keycloak' },
    );
    expect(keycloak.events[0]!.details).toMatchObject({ token_sha256: hex });
    expect(await usesOf(keycloak.events)).toBe(1);
    const okta = await parse(
      'logs/okta.json',
      `${JSON.stringify({ uuid: 'e-1', published: at(5), eventType: 'app.oauth2.as.token.grant.access_token', outcome: { result: 'SUCCESS' }, debugContext: { debugData: { tokenHash: sha256(token).toString('base64url') } } })}\n`,
      { format: 'okta' },
    );
    expect(okta.events[0]!.details).toMatchObject({ tokenHash: sha256(token).toString('base64url') });
  });

  it('CSV keeps an unmapped digest column by its header, and a column the case names, and links them', async () => {
    const csv = `time,ip,path,token_sha256,x_digest,comment\n${at(5)},203.0.113.9,/orders/v2/list,${hex},${hex.slice(0, 20)},ok\n`;
    const plain = await parse('logs/gateway.csv', csv, { format: 'csv' });
    expect(plain.events[0]!.details).toEqual({ token_sha256: hex }); // not x_digest, not the comment
    expect(await usesOf(plain.events)).toBe(1);
    const named = await parse('logs/gateway.csv', csv.replace('token_sha256', 'other'), {
      format: 'csv',
      formatOptions: { tokenReferenceFields: ['X_Digest'] },
    });
    expect(named.events[0]!.details).toEqual({ x_digest: hex.slice(0, 20) });
    const caseConfig = { expectedIssuers: [], apis: [], allowedAlgorithms: [], tokenHashFields: ['x_digest'] };
    expect(await usesOf(named.events, { caseConfig })).toBe(1);
  });

  it('the canonical format keeps a digest written beside ts rather than inside details', async () => {
    const line = `${JSON.stringify({ ts: at(5), kind: 'use', path: '/orders', jti: 'j-1', token_sha256: hex, details: { a: 'b' } })}\n`;
    const { events } = await parse('logs/gateway.jsonl', line);
    expect(events[0]!.details).toEqual({ a: 'b', token_sha256: hex });
    expect(events[0]!.jti).toBe('j-1');
    expect(await usesOf(events)).toBe(1);
  });

  it('vendor allow-lists keep a field name the case adds, only when the case adds it', async () => {
    const line = `${JSON.stringify({ time: T0, type: 'CODE_TO_TOKEN', realmId: 'nw', userId: 'u-1', details: { gw_token_digest: hex } })}\n`;
    const without = await parse('logs/keycloak.json', line, { format: 'keycloak' });
    expect(without.events[0]!.details?.gw_token_digest).toBeUndefined();
    const withName = await parse('logs/keycloak.json', line, {
      format: 'keycloak',
      formatOptions: { tokenReferenceFields: ['gw_token_digest'] },
    });
    expect(withName.events[0]!.details).toMatchObject({ gw_token_digest: hex });
    const auth0 = await parse(
      'logs/auth0.json',
      `${JSON.stringify({ date: at(5), type: 'seacft', log_id: 'l-1', user_id: 'u-1', details: { gw_token_digest: hex } })}\n`,
      { format: 'auth0', formatOptions: { tokenReferenceFields: ['gw_token_digest'] } },
    );
    expect(auth0.events[0]!.details).toMatchObject({ gw_token_digest: hex });
  });
});
