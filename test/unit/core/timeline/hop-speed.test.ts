import { describe, expect, it } from 'vitest';
import { hopSpeed, isImpossibleHop } from '../../../../core/timeline';
import { PLACES } from './events';

const at = (place: keyof typeof PLACES, ts: number) => ({ ...PLACES[place], ts });
const RULE = { maxSpeedKmh: 805, minDistanceKm: 100 };

describe('hop speed and the impossible-travel rule', () => {
  it('judges London → Pyongyang in 53 minutes impossible, and the same hop over a day possible', () => {
    const fast = hopSpeed(at('london', 0), at('pyongyang', 53 * 60_000));
    expect(Math.round(fast.km)).toBeGreaterThan(8_500);
    expect(isImpossibleHop(fast, RULE)).toBe(true);
    expect(isImpossibleHop(hopSpeed(at('london', 0), at('pyongyang', 24 * 3_600_000)), RULE)).toBe(false);
  });

  it('treats the same instant as infinite speed, and a hop inside the jitter floor as no hop', () => {
    expect(hopSpeed(at('london', 5), at('paris', 5)).speedKmh).toBe(Infinity);
    const jitter = hopSpeed(at('lille', 0), at('kortrijk', 1_000));
    expect(jitter.km).toBeLessThan(100);
    expect(isImpossibleHop(jitter, RULE)).toBe(false);
  });
});
