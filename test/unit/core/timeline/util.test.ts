import { describe, expect, it } from 'vitest';
import {
  checkCaseParameters,
  cidrList,
  compareAppVersions,
  COMMON_DEFAULTS,
  greatCircleKm,
  PARAMETER_DEFAULTS,
  parseAppVersion,
  TIMELINE_DETECTORS,
} from '../../../../core/timeline';

const older = (a: string, b: string) => compareAppVersions(parseAppVersion(a)!, parseAppVersion(b)!) < 0;

describe('app versions', () => {
  it('orders semver, pre-releases and build numbers', () => {
    expect(older('4.9.1', '5.0.0')).toBe(true);
    expect(older('5.0', '5.0.0')).toBe(false);
    expect(older('5.0.0-beta.2', '5.0.0-beta.10')).toBe(true);
    expect(older('5.0.0-rc.1', '5.0.0')).toBe(true);
    expect(older('5.0.0 (409)', '5.0.0+410')).toBe(true);
    expect(older('5.0.0 build 411', '5.0.0+410')).toBe(false);
    expect(older('1233', '1234')).toBe(true);
    expect(parseAppVersion('latest')).toBeUndefined();
  });
});

describe('CIDR lists', () => {
  it('matches IPv4, IPv6 and IPv4-mapped addresses, and names invalid ranges', () => {
    const list = cidrList(['203.0.113.0/24', '2001:db8::/32', '198.51.100.7', 'nonsense/8']);
    expect(list.match('203.0.113.200')).toBe('203.0.113.0/24');
    expect(list.match('203.0.114.1')).toBeUndefined();
    expect(list.match('2001:db8:1::5')).toBe('2001:db8::/32');
    expect(list.match('::ffff:203.0.113.9')).toBe('203.0.113.0/24');
    expect(list.match('198.51.100.7')).toBe('198.51.100.7');
    expect(list.invalid).toEqual(['nonsense/8']);
  });
});

describe('great-circle distance', () => {
  it('gives London → Paris ≈ 344 km', () => {
    expect(greatCircleKm(51.5072, -0.1276, 48.8566, 2.3522)).toBeCloseTo(344, -1);
  });
});

describe('per-case parameters', () => {
  it("knows the common parameters and every detector's, by id", () => {
    expect([...PARAMETER_DEFAULTS.keys()]).toEqual(['common', ...TIMELINE_DETECTORS.map((detector) => detector.id)]);
    expect(PARAMETER_DEFAULTS.get('common')).toBe(COMMON_DEFAULTS);
  });

  it('keeps valid overrides and names every wrong one', () => {
    const { parameters, problems } = checkCaseParameters({
      'impossible-travel': { maxSpeedKmh: 900, minDistancKm: 5 },
      'country-change': { windowMinutes: 'ten' },
      'no-such': {},
    });
    expect(parameters['impossible-travel']).toEqual({ maxSpeedKmh: 900 });
    expect(problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['unknown-parameter', 'detectors.impossible-travel.minDistancKm'],
      ['invalid-parameter', 'detectors.country-change.windowMinutes'],
      ['unknown-detector', 'detectors.no-such'],
    ]);
  });
});
