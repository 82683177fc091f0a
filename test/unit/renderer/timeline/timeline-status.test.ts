import { describe, expect, it } from 'vitest';
import { timelineStatus } from '../../../../renderer/timeline/timeline-status';

const window = (rows: number, atEnd: boolean, examined: number) =>
  ({ rows: Array.from({ length: rows }), atEnd, examined, pageSize: 200 }) as never;

describe('timelineStatus', () => {
  it('says how far a rare filter has been searched while short pages keep loading', () => {
    expect(timelineStatus(window(2, false, 48_000), true, false)).toBe(
      'Searching… 2 events matching the filters so far, 48,000 events searched',
    );
  });

  it('says what is loaded once the search rests, and whether there is more to scroll to', () => {
    expect(timelineStatus(window(2, true, 1_000_000), false, false)).toBe('2 events loaded matching the filters');
    expect(timelineStatus(window(200, false, 200), false, true)).toBe('200 events loaded; scroll for more');
    expect(timelineStatus(window(200, false, 200), true, true)).toBe('Loading…');
  });
});
