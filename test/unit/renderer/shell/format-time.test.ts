import { describe, expect, it } from 'vitest';
import {
  formatInstant,
  LOCAL_ZONE,
  timeZoneChoices,
  validZone,
  zonedProse,
} from '../../../../renderer/shell/format-time';

// 2026-11-18T09:59:58Z, the exp of the sample's first token.
const INSTANT = Date.UTC(2026, 10, 18, 9, 59, 58);

describe('formatInstant', () => {
  it('prints UTC with an explicit zero offset', () => {
    expect(formatInstant(INSTANT, 'UTC')).toMatch(/^2026-11-18 09:59:58 UTC(\+00:00)?$/);
  });

  it('prints the wall time and offset of an IANA zone, across a date line', () => {
    expect(formatInstant(INSTANT, 'Asia/Tokyo')).toBe('2026-11-18 18:59:58 UTC+09:00');
    expect(formatInstant(Date.UTC(2026, 10, 18, 2, 0, 0), 'America/New_York')).toBe('2026-11-17 21:00:00 UTC-05:00');
  });

  it('keeps milliseconds only when the instant has them', () => {
    expect(formatInstant(INSTANT + 7, 'Asia/Kolkata')).toBe('2026-11-18 15:29:58.007 UTC+05:30');
  });

  it('formats the local zone without throwing', () => {
    expect(formatInstant(INSTANT, LOCAL_ZONE)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
  });
});

describe('time zone choices', () => {
  it('offers UTC and local first, then IANA zones without repeating UTC', () => {
    const choices = timeZoneChoices();
    expect(choices.slice(0, 2)).toEqual(['UTC', LOCAL_ZONE]);
    expect(choices).toContain('Europe/Berlin');
    expect(choices.filter((zone) => zone === 'UTC')).toHaveLength(1);
  });

  it('falls back to UTC for a stored zone the runtime does not know', () => {
    expect(validZone('Mars/Olympus_Mons')).toBe('UTC');
    expect(validZone(undefined)).toBe('UTC');
    expect(validZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(validZone(LOCAL_ZONE)).toBe(LOCAL_ZONE);
  });
});

describe('zonedProse', () => {
  it("rewrites a finding's UTC instants in the chosen zone and leaves the rest as written", () => {
    const prose = 'used at 2026-11-18T09:55:02Z, 8,660 km from 2026-11-18T10:02:11.120Z.';
    expect(zonedProse(prose, 'Europe/Berlin')).toBe(
      'used at 2026-11-18 10:55:02 UTC+01:00, 8,660 km from 2026-11-18 11:02:11.120 UTC+01:00.',
    );
    expect(zonedProse(prose, 'UTC')).toMatch(
      /^used at 2026-11-18 09:55:02 UTC(\+00:00)?, 8,660 km from 2026-11-18 10:02:11\.120 UTC/,
    );
    expect(zonedProse('no time', 'Asia/Tokyo')).toBe('no time');
  });
});
