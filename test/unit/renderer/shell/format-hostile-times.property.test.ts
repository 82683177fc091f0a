import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoTimeOrNumber } from '../../../../core';
import { iso } from '../../../../core/timeline/util/describe';
import { formatInstant, zoneOffsetMs } from '../../../../renderer/shell/format-time';

// Stored times come from evidence: any double at all. Every formatter a view uses must give text for each of them.
const anyTime = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(9999999999999000, -8.64e15 - 1, 8.64e15, Number.MAX_VALUE, NaN, Infinity),
);
const zones = fc.constantFrom('UTC', 'local', 'Europe/Berlin', 'America/St_Johns', 'Asia/Kathmandu');

describe('time formatting never throws on a stored value', () => {
  it('formatInstant and zoneOffsetMs give text or a number for any time in any zone', () => {
    fc.assert(
      fc.property(anyTime, zones, (time, zone) => {
        expect(typeof formatInstant(time, zone)).toBe('string');
        expect(Number.isFinite(zoneOffsetMs(time, zone))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('finding messages (core) do the same', () => {
    fc.assert(
      fc.property(anyTime, (time) => void expect(typeof iso(time)).toBe('string')),
      { numRuns: 2000 },
    );
  });

  it('shows a time beyond the calendar as its raw number, saying why', () => {
    expect(formatInstant(9999999999999000, 'UTC')).toBe('9999999999999000 ms (outside the calendar range)');
    expect(isoTimeOrNumber(8.64e15)).toBe('+275760-09-13T00:00:00.000Z');
  });
});
