import { describe, expect, it } from 'vitest';
import { COMMON_DEFAULTS } from '../../../../core/timeline/parameters';
import { PARAMETER_DEFAULTS, parameterLabel, parameterUnit } from '../../../../core/timeline';

describe('parameter labels', () => {
  it('spells the name in words with its unit', () => {
    expect(parameterLabel('maxSpeedKmh')).toBe('Max speed (km/h)');
    expect(parameterLabel('minDistanceKm')).toBe('Min distance (km)');
    expect(parameterLabel('clockSkewSeconds')).toBe('Clock skew (s)');
    expect(parameterLabel('windowMinutes')).toBe('Window (min)');
    expect(parameterLabel('maxDistinctIps')).toBe('Max distinct IPs');
    expect(parameterLabel('flagMissingAudience')).toBe('Flag missing audience');
    expect(parameterUnit('maxPerToken')).toBeUndefined();
    expect(parameterUnit('graceSeconds')).toBe('s');
  });

  it('every parameter of every detector gets a label without camelCase, and every number a unit or none on purpose', () => {
    const all = [...PARAMETER_DEFAULTS.entries(), ['common', COMMON_DEFAULTS] as const];
    for (const [, defaults] of all)
      for (const [name, value] of Object.entries(defaults)) {
        const label = parameterLabel(name);
        expect(label).not.toMatch(/[a-z][A-Z]/);
        expect(label.length).toBeGreaterThan(2);
        // Durations and distances must say their unit; counts (max…, min…Version) need none.
        if (typeof value === 'number' && /Seconds|Minutes|Km|Ms$/.test(name)) expect(label).toMatch(/\(.+\)$/);
      }
  });
});
