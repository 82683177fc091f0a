import { describe, expect, it } from 'vitest';
import {
  addSample,
  describeRate,
  ingestRate,
  RATE_WINDOW_MS,
  type ProgressSample,
} from '../../../../renderer/ingest/ingest-rate';

/** Samples every `stepMs` at `eventsPerSecond` and `bytesPerSecond`, as the worker's batch reports arrive. */
function steady(count: number, stepMs: number, eventsPerSecond: number, bytesPerSecond: number): ProgressSample[] {
  let samples: ProgressSample[] = [];
  for (let index = 0; index < count; index += 1) {
    const seconds = (index * stepMs) / 1000;
    samples = addSample(samples, {
      at: 1_000_000 + index * stepMs,
      events: Math.round(seconds * eventsPerSecond),
      bytesRead: Math.round(seconds * bytesPerSecond),
    });
  }
  return samples;
}

describe('ingestRate', () => {
  it('gives events per second and the time the rest of the file takes at the current byte rate', () => {
    const samples = steady(11, 500, 2_000, 600_000);
    const rate = ingestRate(samples, 600_000 * 65)!;
    expect(rate.eventsPerSecond).toBeCloseTo(2_000, 6);
    // 5 s read of a 65 s file: 60 s left.
    expect(rate.secondsLeft).toBeCloseTo(60, 6);
    expect(describeRate(rate)).toBe('2,000 events/s · about 1 min left');
  });

  it('says nothing until the reports span a second (one batch is noise)', () => {
    expect(ingestRate([], 100)).toBeUndefined();
    expect(ingestRate(steady(2, 400, 2_000, 1_000), 100_000)).toBeUndefined();
    expect(ingestRate(steady(3, 500, 2_000, 1_000), 100_000)).toBeDefined();
  });

  it('follows the recent rate, not the average since the start', () => {
    // 30 s slow (cold start), then 30 s at ten times the rate: the window sees only the fast part.
    let samples = steady(31, 1_000, 100, 10_000);
    const last = samples.at(-1)!;
    for (let second = 1; second <= 30; second += 1) {
      samples = addSample(samples, {
        at: last.at + second * 1_000,
        events: last.events + second * 1_000,
        bytesRead: last.bytesRead + second * 100_000,
      });
    }
    expect(samples.at(-1)!.at - samples[0]!.at).toBeLessThanOrEqual(RATE_WINDOW_MS);
    expect(ingestRate(samples, Number.MAX_SAFE_INTEGER)!.eventsPerSecond).toBeCloseTo(1_000, 6);
  });

  it('leaves the time unknown while no bytes move, and never counts a finished file as time left', () => {
    const stalled = [
      { at: 0, events: 10, bytesRead: 500 },
      { at: 2_000, events: 10, bytesRead: 500 },
    ];
    expect(ingestRate(stalled, 1_000)).toEqual({ eventsPerSecond: 0 });
    expect(describeRate({ eventsPerSecond: 0 })).toBe('0 events/s');
    const done = [
      { at: 0, events: 0, bytesRead: 0 },
      { at: 2_000, events: 4_000, bytesRead: 1_000 },
    ];
    expect(ingestRate(done, 1_000)!.secondsLeft).toBe(0);
  });
});
