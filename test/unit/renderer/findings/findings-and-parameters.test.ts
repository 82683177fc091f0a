import { describe, expect, it } from 'vitest';
import { checkCaseParameters } from '../../../../core/timeline';
import {
  changedParameters,
  mergeParameterOverrides,
  parseParameterText,
} from '../../../../renderer/timeline-analysis/detector-parameters';
import type { StoredFinding } from '../../../../renderer/db/case-analysis-records';
import {
  filterFindings,
  findingIds,
  groupBySeverity,
  NO_FINDING_FILTER,
} from '../../../../renderer/findings/finding-filter';
import { detailLabel, mapFocus, mapScopeOf, parseMapFocus } from '../../../../renderer/findings/finding-links';

function finding(
  key: string,
  id: string,
  severity: StoredFinding['severity'],
  extra: Partial<StoredFinding> = {},
): StoredFinding {
  return {
    key,
    id,
    severity,
    origin: 'detector',
    title: id,
    message: `${id} happened`,
    explanation: '',
    tokenHashes: [],
    ts: 0,
    events: [],
    eventCount: 0,
    detail: {},
    references: [],
    caseId: 'c',
    rank: 0,
    firstSeenAt: 0,
    runAt: 0,
    ...extra,
  };
}

const findings = [
  finding('a', 'alg-none', 'critical', { origin: 'token-check', tokenHashes: ['f00d'] }),
  finding('b', 'impossible-travel', 'high', {
    subject: 'alice@example.com',
    sessionId: 'S-1',
    message: 'seen from 175.45.176.3 (KP)',
  }),
  finding('c', 'outdated-client', 'medium', { subject: 'alice@example.com' }),
];

describe('the Findings view filter', () => {
  it('narrows by severity, id, origin and text, and groups most severe first', () => {
    expect(filterFindings(findings, NO_FINDING_FILTER)).toHaveLength(3);
    expect(
      filterFindings(findings, { ...NO_FINDING_FILTER, severities: ['high', 'medium'] }).map((item) => item.key),
    ).toEqual(['b', 'c']);
    expect(filterFindings(findings, { ...NO_FINDING_FILTER, origin: 'token-check' }).map((item) => item.key)).toEqual([
      'a',
    ]);
    expect(filterFindings(findings, { ...NO_FINDING_FILTER, text: '175.45' }).map((item) => item.key)).toEqual(['b']);
    expect(filterFindings(findings, { ...NO_FINDING_FILTER, text: 'F00D' }).map((item) => item.key)).toEqual(['a']);
    expect(filterFindings(findings, { ...NO_FINDING_FILTER, id: 'outdated-client' }).map((item) => item.key)).toEqual([
      'c',
    ]);
    expect(groupBySeverity(findings).map((group) => group.severity)).toEqual(['critical', 'high', 'medium']);
    expect(findingIds([...findings, findings[0]!]).find((entry) => entry.id === 'alg-none')?.count).toBe(2);
  });

  it('maps a finding by its widest scope and round-trips the map focus', () => {
    expect(mapScopeOf(findings[1]!)).toEqual({ facet: 'subject', value: 'alice@example.com' });
    expect(mapScopeOf(findings[0]!)).toEqual({ facet: 'token', value: 'f00d' });
    expect(parseMapFocus(mapFocus({ facet: 'session', value: 'S:1/2' }))).toEqual({ facet: 'session', value: 'S:1/2' });
    expect(parseMapFocus('nonsense')).toBeUndefined();
    expect(detailLabel('speedKmh')).toBe('speed km/h');
    expect(detailLabel('fromIp')).toBe('from IP');
  });
});

describe('detector parameters of a case', () => {
  it('reads typed values by the type of their default and reports what does not fit', () => {
    expect(parseParameterText(805, ' 900 ')).toBe(900);
    expect(parseParameterText([], '203.0.113.0/24, 10.0.0.0/8')).toEqual(['203.0.113.0/24', '10.0.0.0/8']);
    expect(parseParameterText(true, 'false')).toBe(false);
    expect(parseParameterText({}, '{"nw-mobile":"5.0.0"}')).toEqual({ 'nw-mobile': '5.0.0' });
    const checked = checkCaseParameters({
      'impossible-travel': { maxSpeedKmh: 'fast', minDistanceKm: 50 },
      'no-such-detector': {},
    });
    expect(checked.parameters).toEqual({ 'impossible-travel': { minDistanceKm: 50 } });
    expect(checked.problems.map((problem) => problem.code).sort()).toEqual(['invalid-parameter', 'unknown-detector']);
  });

  it('lets the case override case-config.json parameter by parameter, and saves only changes', () => {
    const merged = mergeParameterOverrides(
      { 'impossible-travel': { maxSpeedKmh: 900, minDistanceKm: 50 } },
      { 'impossible-travel': { maxSpeedKmh: 1000 } },
    );
    expect(merged['impossible-travel']).toEqual({ maxSpeedKmh: 1000, minDistanceKm: 50 });
    expect(changedParameters({ 'impossible-travel': { maxSpeedKmh: 805, minDistanceKm: 10 } })).toEqual({
      'impossible-travel': { minDistanceKm: 10 },
    });
  });
});
