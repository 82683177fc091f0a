import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../renderer/ui/route';

describe('hash routes', () => {
  it('round-trips a case route', () => {
    const route = { view: 'case', caseId: 'abc123', tab: 'tokens' } as const;
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('defaults an unknown tab to evidence and anything else to the case list', () => {
    expect(parseRoute('#/case/abc123/nonsense')).toEqual({ view: 'case', caseId: 'abc123', tab: 'evidence' });
    expect(parseRoute('')).toEqual({ view: 'cases' });
    expect(parseRoute('#/case/')).toEqual({ view: 'cases' });
  });
});
