import { describe, expect, it } from 'vitest';
import {
  analyzeTimeline,
  TIMELINE_DETECTORS,
  type TimelineAnalysisOptions,
  type TimelineEvent,
} from '../../../../core/timeline';
import type { CaseConfig } from '../../../../core/evidence/case-config';
import { event, facts, hash } from './events';

const t1 = hash('t1');
const t2 = hash('t2');
const rt = hash('rt');

const run = (id: string, events: TimelineEvent[], options: TimelineAnalysisOptions = {}) =>
  analyzeTimeline(events, { ...options, detectors: [id] });
const found = (id: string, events: TimelineEvent[], options: TimelineAnalysisOptions = {}) =>
  run(id, events, options).findings.filter((finding) => finding.id === id);

const config: CaseConfig = {
  expectedIssuers: ['https://login.example/'],
  apis: [
    { name: 'Orders API', baseUrl: 'https://api.example/orders/', audiences: ['orders-api'] },
    { name: 'Billing API', baseUrl: 'https://api.example/billing/', audiences: ['billing-api'] },
  ],
  allowedAlgorithms: ['RS256'],
  minimumAppVersion: '5.0.0',
};

describe('the detector registry', () => {
  it('has unique kebab-case ids, documented parameters and references', () => {
    const ids = TIMELINE_DETECTORS.map((detector) => detector.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const detector of TIMELINE_DETECTORS) {
      expect(detector.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(Object.keys(detector.parameterHelp).sort()).toEqual(Object.keys(detector.defaults).sort());
      expect(detector.references.length).toBeGreaterThan(0);
    }
  });
});

describe('impossible-travel', () => {
  it('flags London → Pyongyang within an hour in one session, with both events linked', () => {
    const events = [
      event({
        at: '2026-11-18T09:02:11Z',
        kind: 'use',
        sessionId: 'S-1',
        subject: 'alice',
        ip: '81.2.69.160',
        place: 'london',
        tokens: [t1],
      }),
      event({
        at: '2026-11-18T09:55:02Z',
        kind: 'refresh',
        sessionId: 'S-1',
        subject: 'alice',
        ip: '175.45.176.3',
        place: 'pyongyang',
        tokens: [[t2, 'field']],
      }),
    ];
    const [finding, ...rest] = found('impossible-travel', events);
    expect(rest).toHaveLength(0);
    expect(finding).toMatchObject({
      severity: 'high',
      subject: 'alice',
      sessionId: 'S-1',
      events: [
        { role: 'from', source: { sha256: events[0]!.source.sha256, line: events[0]!.source.line } },
        { role: 'to', id: events[1]!.id },
      ],
    });
    expect(finding!.detail.speedKmh).toBeGreaterThan(9000);
    expect(finding!.message).toMatch(/session S-1, subject alice/);
  });

  it('measures country-level locations between country centres, and says so', () => {
    const events = [
      event({
        at: '2026-11-18T09:02:11Z',
        kind: 'use',
        subject: 'alice',
        ip: '81.2.69.160',
        place: 'britainCentre',
        tokens: [t1],
      }),
      event({
        at: '2026-11-18T09:55:02Z',
        kind: 'use',
        subject: 'alice',
        ip: '175.45.176.3',
        place: 'koreaNorthCentre',
        tokens: [t1],
      }),
    ];
    const [finding] = found('impossible-travel', events);
    expect(finding!.detail.countryLevel).toBe(true);
    expect(finding!.message).toContain('81.2.69.160 (GB, country centre)');
    expect(finding!.explanation).toContain('distance is between country centres');
  });

  it('ignores a fast hop inside the jitter floor (London → Reading, 59 km, in one minute)', () => {
    const events = [
      event({
        at: '2026-11-18T09:00:00Z',
        kind: 'use',
        subject: 'alice',
        ip: '198.51.100.1',
        place: 'london',
        tokens: [t1],
      }),
      event({
        at: '2026-11-18T09:01:00Z',
        kind: 'use',
        subject: 'alice',
        ip: '198.51.100.2',
        place: 'reading',
        tokens: [t1],
      }),
    ];
    expect(found('impossible-travel', events)).toHaveLength(0);
    expect(
      found('impossible-travel', events, { parameters: { 'impossible-travel': { minDistanceKm: 10 } } }),
    ).toHaveLength(1);
  });

  it('allows a plausible flight (London → New York in 8 h) and skips excluded egress ranges', () => {
    const flight = [
      event({
        at: '2026-11-18T09:00:00Z',
        kind: 'use',
        subject: 'alice',
        ip: '198.51.100.1',
        place: 'london',
        tokens: [t1],
      }),
      event({
        at: '2026-11-18T17:00:00Z',
        kind: 'use',
        subject: 'alice',
        ip: '203.0.113.9',
        place: 'newYork',
        tokens: [t1],
      }),
    ];
    expect(found('impossible-travel', flight)).toHaveLength(0);
    const vpn = [
      event({
        at: '2026-11-18T09:00:00Z',
        kind: 'use',
        subject: 'alice',
        ip: '198.51.100.1',
        place: 'london',
        tokens: [t1],
      }),
      event({
        at: '2026-11-18T09:10:00Z',
        kind: 'use',
        subject: 'alice',
        ip: '203.0.113.9',
        place: 'newYork',
        tokens: [t1],
      }),
    ];
    expect(found('impossible-travel', vpn)).toHaveLength(1);
    expect(
      found('impossible-travel', vpn, { parameters: { 'impossible-travel': { excludedRanges: ['203.0.113.0/24'] } } }),
    ).toHaveLength(0);
  });
});

describe('country-change', () => {
  it('flags France → Belgium 10 minutes apart, not 40 minutes apart', () => {
    const at = (second: string) => [
      event({
        at: '2026-11-18T09:00:00Z',
        kind: 'use',
        subject: 'alice',
        ip: '198.51.100.1',
        place: 'lille',
        tokens: [t1],
      }),
      event({ at: second, kind: 'use', subject: 'alice', ip: '198.51.100.2', place: 'kortrijk', tokens: [t1] }),
    ];
    expect(found('country-change', at('2026-11-18T09:10:00Z'))[0]).toMatchObject({
      severity: 'medium',
      detail: { fromCountry: 'FR', toCountry: 'BE' },
    });
    expect(found('country-change', at('2026-11-18T09:40:00Z'))).toHaveLength(0);
    // Lille → Kortrijk is 26 km: no impossible travel, whatever the time.
    expect(found('impossible-travel', at('2026-11-18T09:01:00Z'))).toHaveLength(0);
  });
});

describe('use-after-expiry', () => {
  const tokens = [facts(t1, { exp: '2026-11-18T10:00:00Z' })];
  it('flags an accepted use after exp + skew, linking the issue and the late use', () => {
    const events = [
      event({ at: '2026-11-18T09:00:00Z', kind: 'issue', tokens: [[t1, 'access_token']] }),
      event({ at: '2026-11-18T10:05:00Z', kind: 'use', tokens: [t1], status: 200 }),
    ];
    const [finding] = found('use-after-expiry', events, { tokens });
    expect(finding).toMatchObject({
      tokenHashes: [t1],
      events: [{ role: 'issue' }, { role: 'use-after-expiry', id: events[1]!.id }],
    });
  });
  it('tolerates clock skew and ignores refused uses', () => {
    const events = [
      event({ at: '2026-11-18T10:00:59Z', kind: 'use', tokens: [t1] }),
      event({ at: '2026-11-18T10:30:00Z', kind: 'failure', tokens: [t1], status: 401 }),
    ];
    expect(found('use-after-expiry', events, { tokens })).toHaveLength(0);
    expect(
      found('use-after-expiry', events, { tokens, parameters: { 'use-after-expiry': { includeRejected: true } } }),
    ).toHaveLength(1);
  });
});

describe('use-after-revocation', () => {
  it('flags a use after the revocation, not one inside the propagation grace', () => {
    const revoked = [
      event({ at: '2026-11-18T09:00:00Z', kind: 'revoke', tokens: [[t1, 'field']] }),
      event({ at: '2026-11-18T09:00:30Z', kind: 'use', tokens: [t1] }),
    ];
    expect(found('use-after-revocation', revoked)).toHaveLength(0);
    const late = [...revoked, event({ at: '2026-11-18T09:05:00Z', kind: 'use', tokens: [t1] })];
    expect(found('use-after-revocation', late)[0]).toMatchObject({
      eventCount: 2,
      events: [{ role: 'revoke' }, { role: 'use-after-revocation' }],
    });
  });
});

describe('use-after-logout', () => {
  it('flags a session token (sid claim) used after the session logged out', () => {
    const events = [
      event({ at: '2026-11-18T09:00:00Z', kind: 'issue', sessionId: 'S-5', tokens: [[t1, 'access_token']] }),
      event({ at: '2026-11-18T09:10:00Z', kind: 'logout', sessionId: 'S-5' }),
      event({ at: '2026-11-18T09:20:00Z', kind: 'use', tokens: [t1] }),
    ];
    expect(found('use-after-logout', events, { tokens: [facts(t1, { sid: 'S-5' })] })[0]).toMatchObject({
      sessionId: 'S-5',
      events: [{ role: 'logout' }, { role: 'use-after-logout' }],
    });
  });
  it('does not flag uses before the logout or within the grace period', () => {
    const events = [
      event({ at: '2026-11-18T09:00:00Z', kind: 'use', sessionId: 'S-5', tokens: [t1] }),
      event({ at: '2026-11-18T09:10:00Z', kind: 'logout', sessionId: 'S-5' }),
      event({ at: '2026-11-18T09:10:30Z', kind: 'use', sessionId: 'S-5', tokens: [t1] }),
    ];
    expect(found('use-after-logout', events)).toHaveLength(0);
  });
});

describe('refresh-token-reuse', () => {
  const redeem = (at: string, ip: string, issued: string) =>
    event({
      at,
      kind: 'refresh',
      ip,
      tokens: [
        [rt, 'refresh_token'],
        [issued, 'access_token'],
      ],
    });
  it('flags a second redemption after the grace window', () => {
    const events = [
      event({ at: '2026-11-18T08:00:00Z', kind: 'issue', tokens: [[rt, 'refresh_token']] }),
      redeem('2026-11-18T09:00:00Z', '198.51.100.1', t1),
      redeem('2026-11-18T09:05:00Z', '203.0.113.5', t2),
    ];
    const [finding] = found('refresh-token-reuse', events);
    expect(finding).toMatchObject({
      severity: 'high',
      detail: { redemptions: 2, beyondGrace: 1, distinctIps: 2 },
      events: [{ role: 'first-redeem' }, { role: 'redeem-again' }],
    });
    expect(finding!.tokenHashes).toEqual([rt, t1, t2]);
  });
  it('tolerates a retry inside the grace window', () => {
    const events = [
      event({ at: '2026-11-18T08:00:00Z', kind: 'issue', tokens: [[rt, 'refresh_token']] }),
      redeem('2026-11-18T09:00:00Z', '198.51.100.1', t1),
      redeem('2026-11-18T09:00:20Z', '198.51.100.1', t2),
    ];
    expect(found('refresh-token-reuse', events)).toHaveLength(0);
  });
  it('flags a redemption after the family was revoked', () => {
    const events = [
      event({ at: '2026-11-18T08:00:00Z', kind: 'issue', tokens: [[rt, 'refresh_token']] }),
      event({ at: '2026-11-18T08:30:00Z', kind: 'revoke', tokens: [[rt, 'refresh_token']] }),
      redeem('2026-11-18T09:00:00Z', '203.0.113.5', t1),
    ];
    expect(found('refresh-token-reuse', events)[0]).toMatchObject({
      detail: { afterRevocation: 1 },
      events: [{ role: 'revoke' }, { role: 'first-redeem' }, { role: 'redeem-after-revocation' }],
    });
  });
});

describe('outdated-client', () => {
  const refresh = (appVersion: string) => [
    event({
      at: '2026-11-18T09:55:02Z',
      kind: 'refresh',
      subject: 'alice',
      appVersion,
      clientId: 'nw-mobile',
      tokens: [[t1, 'access_token']],
    }),
  ];
  it('flags a refresh from 4.9.1 below 5.0.0', () => {
    expect(found('outdated-client', refresh('4.9.1'), { caseConfig: config })[0]).toMatchObject({
      severity: 'medium',
      subject: 'alice',
      detail: { appVersion: '4.9.1', minimumVersion: '5.0.0' },
    });
  });
  it('does not flag a refresh exactly at the minimum version, nor a newer build', () => {
    expect(found('outdated-client', refresh('5.0.0'), { caseConfig: config })).toHaveLength(0);
    expect(found('outdated-client', refresh('v5.0.0 (1200)'), { caseConfig: config })).toHaveLength(0);
  });
  it('compares pre-releases and build numbers, with per-client minimums', () => {
    expect(found('outdated-client', refresh('5.0.0-rc.1'), { caseConfig: config })).toHaveLength(1);
    const perClient = {
      caseConfig: config,
      parameters: { 'outdated-client': { minimumByClient: { 'nw-mobile': '5.0.0+410' } } },
    };
    expect(found('outdated-client', refresh('5.0.0+409'), perClient)).toHaveLength(1);
    expect(found('outdated-client', refresh('5.0.0+410'), perClient)).toHaveLength(0);
  });
  it('says why it did not run without a configured minimum', () => {
    expect(run('outdated-client', refresh('1.0.0')).runs[0]!.skipped).toMatch(/minimum/);
  });
});

describe('retired-key-signature', () => {
  const keyHistory = [
    {
      kid: 'k-old',
      thumbprint: 'tp-k-old',
      activated: Date.parse('2026-05-02T00:00:00Z'),
      retired: Date.parse('2026-11-02T00:00:00Z'),
      compromised: false,
      source: { file: 'keys/key-rotation.json', sha256: 'b'.repeat(64), line: 6 },
    },
  ];
  const events = [
    event({ at: '2026-11-18T09:20:00Z', kind: 'issue', tokens: [[t1, 'field']] }),
    event({ at: '2026-11-18T09:25:00Z', kind: 'key-rotation', details: { kid: 'k-old' } }),
  ];
  it('flags a token signed by a retired key, with the key history and rotation events', () => {
    const [finding] = found('retired-key-signature', events, {
      keyHistory,
      tokens: [facts(t1, { iat: '2026-11-18T09:20:00Z', signature: 'valid', kid: 'k-old' })],
    });
    expect(finding).toMatchObject({
      severity: 'high',
      keys: [{ kid: 'k-old', source: { line: 6 } }],
      events: [{ role: 'issue' }, { role: 'key-rotation' }],
    });
  });
  it('does not flag a token signed while the key was active, or an unverified one', () => {
    expect(
      found('retired-key-signature', events, {
        keyHistory,
        tokens: [facts(t1, { iat: '2026-11-01T23:59:59Z', signature: 'valid', kid: 'k-old' })],
      }),
    ).toHaveLength(0);
    expect(
      found('retired-key-signature', events, {
        keyHistory,
        tokens: [facts(t1, { iat: '2026-11-18T09:20:00Z', signature: 'invalid' })],
      }),
    ).toHaveLength(0);
  });
});

describe('token-never-issued', () => {
  const issued = event({ at: '2026-11-18T08:00:00Z', kind: 'issue', tokens: [[t2, 'access_token']] });
  it('flags an unsigned token used but never issued as critical, explaining how to tell forgery from a log gap', () => {
    const use = event({
      at: '2026-11-18T09:31:15Z',
      kind: 'use',
      tokens: [t1],
      host: 'api.example',
      path: '/orders/v2/refunds',
    });
    const [finding] = found('token-never-issued', [issued, use], {
      tokens: [facts(t1, { signature: 'unsigned', iat: '2026-11-18T09:31:00Z' })],
    });
    expect(finding).toMatchObject({ severity: 'critical', events: [{ id: use.id, role: 'use' }] });
    expect(finding!.explanation).toMatch(/forgery.*key compromise.*gap/s);
  });
  it('grades a validly signed stranger high, and one older than the issuance log low', () => {
    const use = event({ at: '2026-11-18T09:31:15Z', kind: 'use', tokens: [t1] });
    expect(
      found('token-never-issued', [issued, use], {
        tokens: [facts(t1, { signature: 'valid', iat: '2026-11-18T09:00:00Z' })],
      })[0]!.severity,
    ).toBe('high');
    expect(
      found('token-never-issued', [issued, use], {
        tokens: [facts(t1, { signature: 'valid', iat: '2026-11-18T07:00:00Z' })],
      })[0]!.severity,
    ).toBe('low');
  });
  it('does not flag issued tokens, and stays silent when the evidence has no issuance at all', () => {
    expect(
      found('token-never-issued', [issued, event({ at: '2026-11-18T09:00:00Z', kind: 'use', tokens: [t2] })]),
    ).toHaveLength(0);
    const onlyUses = run('token-never-issued', [event({ at: '2026-11-18T09:00:00Z', kind: 'use', tokens: [t1] })]);
    expect(onlyUses.findings).toHaveLength(0);
    expect(onlyUses.runs[0]!.skipped).toMatch(/no issuance/);
  });
});

describe('replay', () => {
  it('flags one token from two user agents, and concurrent use from two IPs', () => {
    const events = [
      event({
        at: '2026-11-18T09:00:00Z',
        kind: 'issue',
        tokens: [[t1, 'access_token']],
        ip: '198.51.100.1',
        userAgent: 'App/5.2 (iPhone)',
      }),
      event({
        at: '2026-11-18T09:10:00Z',
        kind: 'use',
        tokens: [t1],
        ip: '198.51.100.1',
        userAgent: 'App/5.2 (iPhone)',
      }),
      event({
        at: '2026-11-18T09:10:02Z',
        kind: 'use',
        tokens: [t1],
        ip: '203.0.113.7',
        userAgent: 'python-requests/2.32',
      }),
    ];
    const [finding] = found('replay', events);
    expect(finding).toMatchObject({ severity: 'high', detail: { distinctUserAgents: 2, concurrent: true } });
    expect(finding!.events.map((item) => item.role)).toContain('concurrent');
  });
  it('tolerates a mobile client changing networks with the same user agent', () => {
    const events = [
      event({ at: '2026-11-18T09:00:00Z', kind: 'use', tokens: [t1], ip: '198.51.100.1', userAgent: 'App/5.2' }),
      event({ at: '2026-11-18T09:20:00Z', kind: 'use', tokens: [t1], ip: '198.51.100.200', userAgent: 'App/5.2' }),
    ];
    expect(found('replay', events)).toHaveLength(0);
  });
  it('flags one jti carried by two different tokens', () => {
    const events = [
      event({ at: '2026-11-18T09:00:00Z', kind: 'use', tokens: [t1] }),
      event({ at: '2026-11-18T09:01:00Z', kind: 'use', tokens: [t2] }),
    ];
    expect(
      found('replay', events, { tokens: [facts(t1, { jti: 'same' }), facts(t2, { jti: 'same' })] })[0],
    ).toMatchObject({ tokenHashes: [t1, t2], detail: { jti: 'same' } });
  });
});

describe('audience-misuse', () => {
  const tokens = [facts(t1, { aud: ['orders-api'] })];
  it('flags an orders-api token presented to the Billing API', () => {
    const events = [
      event({
        at: '2026-11-18T09:00:00Z',
        kind: 'use',
        tokens: [t1],
        host: 'api.example',
        path: '/billing/v1/invoices',
      }),
    ];
    expect(found('audience-misuse', events, { tokens, caseConfig: config })[0]).toMatchObject({
      severity: 'high',
      detail: { api: 'Billing API', tokenAudiences: 'orders-api' },
    });
  });
  it('accepts it at the Orders API (also matched by path when the log has no host)', () => {
    const events = [
      event({
        at: '2026-11-18T09:00:00Z',
        kind: 'use',
        tokens: [t1],
        host: 'api.example:443',
        path: '/orders/v2/list',
      }),
      event({ at: '2026-11-18T09:01:00Z', kind: 'use', tokens: [t1], path: '/orders/v2/list?page=2' }),
      event({
        at: '2026-11-18T09:02:00Z',
        kind: 'use',
        tokens: [t1],
        host: 'other.example',
        path: '/billing/v1/invoices',
      }),
    ];
    expect(found('audience-misuse', events, { tokens, caseConfig: config })).toHaveLength(0);
  });
});

describe('volume-anomaly', () => {
  const burst = (count: number, spacingMs: number) =>
    Array.from({ length: count }, (_, i) =>
      event({
        at: new Date(Date.parse('2026-11-18T09:00:00Z') + i * spacingMs).toISOString(),
        kind: 'use',
        tokens: [t1],
      }),
    );
  it('flags 150 uses of one token within a minute', () => {
    const [finding] = found('volume-anomaly', burst(150, 300));
    expect(finding).toMatchObject({ tokenHashes: [t1], detail: { scope: 'token', events: 150 } });
    expect(finding!.events.length).toBeLessThanOrEqual(50);
  });
  it('does not flag 150 uses spread over ten minutes', () => {
    expect(found('volume-anomaly', burst(150, 4000))).toHaveLength(0);
  });
});
