import { describe, expect, it } from 'vitest';
import { eventFocus, focusedEventSeq, parseRoute, routeHash } from '../../../../renderer/shell/route';

describe('hash routes', () => {
  it('round-trips a case route', () => {
    const route = { view: 'case', caseId: 'abc123', tab: 'tokens' } as const;
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('round-trips the Verify a report route', () => {
    expect(routeHash({ view: 'verify-report' })).toBe('#/verify-report');
    expect(parseRoute('#/verify-report')).toEqual({ view: 'verify-report' });
  });

  it('defaults an unknown tab to the overview and anything else to the case list', () => {
    expect(parseRoute('#/case/abc123/nonsense')).toEqual({ view: 'case', caseId: 'abc123', tab: 'overview' });
    expect(parseRoute('')).toEqual({ view: 'cases' });
    expect(parseRoute('#/case/')).toEqual({ view: 'cases' });
  });
});

describe('focus in a case route', () => {
  it('round-trips a token focus on the tokens and timeline tabs', () => {
    for (const tab of ['tokens', 'timeline'] as const) {
      const route = { view: 'case', caseId: 'abc123', tab, focus: 'f'.repeat(64) } as const;
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
  });

  it('ignores a focus on the evidence tab', () => {
    expect(parseRoute('#/case/abc123/evidence/xyz')).toEqual({ view: 'case', caseId: 'abc123', tab: 'evidence' });
  });
});

describe('focus on the findings, lifecycle and map tabs, and on one event', () => {
  it('round-trips a finding key, a token and a map scope', () => {
    for (const [tab, focus] of [
      ['findings', 'impossible-travel|logs/a.log:1>logs/b.log:3'],
      ['lifecycle', 'f'.repeat(64)],
      ['map', 'subject:alice@example.com'],
    ] as const) {
      const route = { view: 'case', caseId: 'abc123', tab, focus } as const;
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
  });

  it('tells an event focus from a token focus', () => {
    expect(focusedEventSeq(eventFocus(42))).toBe(42);
    expect(focusedEventSeq('f'.repeat(64))).toBeUndefined();
    expect(focusedEventSeq(undefined)).toBeUndefined();
  });
});

describe('focus on the APIs tab', () => {
  it('round-trips an API key, whose host and path hold slashes, colons and spaces', () => {
    for (const focus of ['api:Orders API', 'host:api.example/orders/v2', 'host:/billing/v1']) {
      const route = { view: 'case', caseId: 'abc123', tab: 'apis', focus } as const;
      expect(routeHash(route)).not.toContain(`/${focus}`);
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
  });
});
