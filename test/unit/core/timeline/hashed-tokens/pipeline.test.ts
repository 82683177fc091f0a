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
});
