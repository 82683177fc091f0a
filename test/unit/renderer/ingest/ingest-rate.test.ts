import { describe, expect, it } from 'vitest';
import {
  addSample,
  describeRate,
  ingestRate,
  NO_REPORTS,
  RATE_WINDOW_MS,
  type RateState,
} from '../../../../renderer/ingest/ingest-rate';

const SLICE = 4 * 1024 * 1024;

/**
 * Reports every `stepMs` of an ingest storing `eventsPerSecond` events of `bytesPerEvent` bytes each, with the bytes
 * read moving as the worker's do: a whole slice at a time, handed to the parser before its events are stored.
 */
function reports(count: number, stepMs: number, eventsPerSecond: number, bytesPerEvent: number, totalBytes: number) {
  let state: RateState = NO_REPORTS;
  for (let index = 0; index < count; index += 1) {
    const events = Math.round(((index * stepMs) / 1000) * eventsPerSecond);
    const parsedBytes = events * bytesPerEvent;
    const bytesRead = Math.min(totalBytes, (Math.floor(parsedBytes / SLICE) + 1) * SLICE);
    state = addSample(state, { at: 1_000_000 + index * stepMs, events, bytesRead });
  }
  return state;
}

describe('ingestRate', () => {
  it('gives events per second, and the time left once a whole slice has been parsed', () => {
    // 2 000 events/s of 1 048 bytes: a 4 MiB slice every 2 s; 100 slices in all, i.e. 200 s.
    const total = 100 * SLICE;
    const early = ingestRate(reports(3, 500, 2_000, 1_048.576, total), total)!;
    expect(early).toEqual({ eventsPerSecond: 2_000 });
    expect(describeRate(early)).toBe('2,000 events/s');
    // 5 s in: 195 s left.
    const later = ingestRate(reports(11, 500, 2_000, 1_048.576, total), total)!;
    expect(later.eventsPerSecond).toBeCloseTo(2_000, 6);
    expect(later.secondsLeft).toBeCloseTo(195, 0);
    expect(describeRate(later)).toBe('2,000 events/s · about 4 min left');
  });

  it('says nothing until the reports span a second (one batch is noise)', () => {
    expect(ingestRate(NO_REPORTS, 100)).toBeUndefined();
    expect(ingestRate(reports(2, 400, 2_000, 100, 10 ** 9), 10 ** 9)).toBeUndefined();
    expect(ingestRate(reports(3, 500, 2_000, 100, 10 ** 9), 10 ** 9)).toBeDefined();
  });

  it('follows the recent rate, not the average since the start', () => {
    // 30 s slow (cold start), then 30 s at ten times the rate: the window sees only the fast part.
    let state = reports(31, 1_000, 100, 100, 10 ** 9);
    const last = state.samples.at(-1)!;
    for (let second = 1; second <= 30; second += 1) {
      state = addSample(state, {
        at: last.at + second * 1_000,
        events: last.events + second * 1_000,
        bytesRead: last.bytesRead,
      });
    }
    expect(state.samples.at(-1)!.at - state.samples[0]!.at).toBeLessThanOrEqual(RATE_WINDOW_MS);
    expect(ingestRate(state, 10 ** 9)!.eventsPerSecond).toBeCloseTo(1_000, 6);
  });

  it('keeps the bytes per event of the last step while the window moves on, and never reports negative time', () => {
    let state = addSample(NO_REPORTS, { at: 0, events: 0, bytesRead: SLICE });
    state = addSample(state, { at: 1_000, events: 4_000, bytesRead: 2 * SLICE });
    for (let second = 2; second <= 40; second += 1)
      state = addSample(state, { at: second * 1_000, events: 4_000 + second, bytesRead: 2 * SLICE });
    expect(state.parsed).toEqual({ bytes: SLICE, events: 4_000 });
    // The file is smaller than the events already stored suggest: nothing left, not a negative time.
    expect(ingestRate(state, SLICE)!.secondsLeft).toBe(0);
    const stalled = addSample(addSample(NO_REPORTS, { at: 0, events: 10, bytesRead: 500 }), {
      at: 2_000,
      events: 10,
      bytesRead: 500,
    });
    expect(ingestRate(stalled, 1_000)).toEqual({ eventsPerSecond: 0 });
  });
});
