import { beforeAll, describe, expect, it } from 'vitest';
import { FLAW_CLASSES, type FlawClass, type TimelineFinding, type TimelineResult } from '../../../../../core/timeline';
import { accessLog, analyzeFiles, CLEAN, FLAWED, har, INSIDE_SKEW, type TestRequest } from './acceptance-case';

const accepted = (result: TimelineResult) => result.findings.filter((finding) => finding.id === 'bad-token-accepted');
const byFlaw = (findings: readonly TimelineFinding[], flaw: FlawClass) =>
  findings.filter((finding) => String(finding.detail.flaws).split(' ').includes(flaw));

/** Each flaw token answered 200 at minute 1 + its index, then 401 a minute later; a clean token 200 too. */
function requests(): TestRequest[] {
  return [
    ...FLAW_CLASSES.flatMap((flaw, index): TestRequest[] => [
      { token: FLAWED[flaw], status: 200, minute: 1 + 2 * index },
      { token: FLAWED[flaw], status: 401, minute: 2 + 2 * index },
    ]),
    { token: CLEAN, status: 200, minute: 30 },
  ];
}

describe.each([
  ['HAR', (items: TestRequest[]) => ({ 'har/capture.har': har(items) })],
  ['access log', (items: TestRequest[]) => ({ 'logs/orders-access.log': accessLog(items) })],
])('bad-token-accepted on %s evidence', (_name, files) => {
  let result: TimelineResult;
  beforeAll(async () => {
    result = await analyzeFiles(files(requests()));
  }, 60_000);

  it.each(FLAW_CLASSES.map((flaw) => [flaw]))(
    'reports the %s token answered 200, critical, naming API and flaw',
    (flaw) => {
      const [finding, ...more] = byFlaw(accepted(result), flaw);
      expect(more).toEqual([]);
      expect(finding).toMatchObject({
        severity: 'critical',
        detail: {
          api: 'api:orders',
          apiName: 'orders',
          path: '/orders/v2',
          flaw,
          accepted: 1,
          refused: 1,
          firstStatus: 200,
        },
      });
      expect(finding!.detail.firstRequest).toBe('GET /orders/v2/list');
      expect(finding!.message).toContain('orders (https://api.northwind.example/orders/v2) accepted');
      expect(finding!.events.map((event) => event.role)).toEqual(['accepted', 'refused']);
    },
  );

  it('names exactly one flaw per forged token (the signature flaws are exclusive) and nothing for a clean token', () => {
    const findings = accepted(result);
    expect(findings).toHaveLength(FLAW_CLASSES.length);
    expect(findings.map((finding) => finding.detail.flaws).sort()).toEqual([...FLAW_CLASSES].sort());
  });

  it('profiles the orders API: every flaw class accepted once and refused once', () => {
    const [profile, ...others] = result.apiProfiles!;
    expect(others).toEqual([]);
    expect(profile).toMatchObject({ key: 'api:orders', configured: true, requests: 21, accepted: 11, refused: 10 });
    for (const row of profile!.flaws) {
      expect(row, row.flaw).toMatchObject({ verdict: 'accepts', accepted: { count: 1, statuses: [200] } });
      expect(row.refused, row.flaw).toMatchObject({ count: 1, statuses: [401] });
      expect(row.accepted.events[0]!.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe('bad-token-accepted: refusals and near misses', () => {
  it('records an expired token answered 401 as refused, not as a finding', async () => {
    const result = await analyzeFiles({
      'logs/a.log': accessLog([
        { token: FLAWED.expired, status: 401, minute: 1 },
        { token: FLAWED.expired, status: 403, minute: 2, carrier: 'query' },
        { token: CLEAN, status: 200, minute: 3 },
      ]),
    });
    expect(accepted(result)).toEqual([]);
    const expired = result.apiProfiles![0]!.flaws.find((row) => row.flaw === 'expired')!;
    expect(expired).toMatchObject({
      verdict: 'refuses',
      accepted: { count: 0 },
      refused: { count: 2, statuses: [401, 403] },
    });
    expect(result.apiProfiles![0]!.flaws.find((row) => row.flaw === 'unsigned')!.verdict).toBe('never-tested');
  });

  it('accepts a token expired 30 s before the request (inside the 60 s clock skew), but not with a 10 s skew', async () => {
    const files = { 'har/c.har': har([{ token: INSIDE_SKEW, status: 200, minute: 0 }]) };
    expect(accepted(await analyzeFiles(files))).toEqual([]);
    const strict = accepted(await analyzeFiles(files, { common: { clockSkewSeconds: 10 } }));
    expect(strict.map((finding) => finding.detail.flaws)).toEqual(['expired']);
  });

  it('reads the token from the query string and from a cookie', async () => {
    const viaQuery = await analyzeFiles({
      'logs/q.log': accessLog([{ token: FLAWED.unsigned, status: 200, minute: 1, carrier: 'query' }]),
    });
    expect(accepted(viaQuery).map((finding) => finding.detail.flaw)).toEqual(['unsigned']);
    const viaCookie = await analyzeFiles({
      'har/k.har': har([{ token: FLAWED['invalid-signature'], status: 302, minute: 1, carrier: 'cookie' }]),
    });
    expect(accepted(viaCookie).map((finding) => [finding.detail.flaw, finding.detail.firstStatus])).toEqual([
      ['invalid-signature', 302],
    ]);
  });

  it('does not take a token quoted in free text (a field appended to the line) as presented to the API', async () => {
    const line = `203.0.113.9 - - [18/Nov/2026:10:01:00 +0000] "GET /orders/v2/list HTTP/1.1" 200 120 "-" "curl/8.5.0" "debug ${FLAWED.unsigned}"\n`;
    const result = await analyzeFiles({ 'logs/r.log': line });
    expect(result.stats.tokens).toBe(1);
    expect(accepted(result)).toEqual([]);
    expect(result.apiProfiles).toEqual([]);
  });

  it('says nothing about statuses that neither accept nor refuse (404, 500)', async () => {
    const result = await analyzeFiles({
      'logs/n.log': accessLog([
        { token: FLAWED.unsigned, status: 404, minute: 1 },
        { token: FLAWED.unsigned, status: 500, minute: 2 },
      ]),
    });
    expect(accepted(result)).toEqual([]);
    expect(result.apiProfiles).toEqual([]);
  });

  it('groups requests outside the configured APIs by host and path prefix', async () => {
    const result = await analyzeFiles({
      'har/o.har': har([
        { token: FLAWED.unsigned, status: 200, minute: 1, path: '/billing/v1/invoices/42' },
        { token: FLAWED.unsigned, status: 401, minute: 2, path: '/billing/v1/invoices/43' },
      ]),
    });
    const [finding] = accepted(result);
    expect(finding!.detail).toMatchObject({ api: 'host:api.northwind.example/billing/v1', flaw: 'unsigned' });
    const [profile] = result.apiProfiles!;
    expect(profile).toMatchObject({ configured: false, name: 'api.northwind.example/billing/v1', requests: 2 });
    // No configured audiences for that API: audience cannot be judged there.
    expect(profile!.flaws.find((row) => row.flaw === 'wrong-audience')!.verdict).toBe('not-judged');
  });
});
