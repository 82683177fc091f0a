import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../../renderer/db/event-records';
import type { PageRequest, PageResult } from '../../../../renderer/timeline/timeline-query';
import { TimelineWindow } from '../../../../renderer/timeline/timeline-window';

/** An in-memory page source with the same contract as queryPage, over events 0..n-1 (ts = 10 * seq). */
function source(n: number, keep: (seq: number) => boolean = () => true) {
  const all = Array.from({ length: n }, (_, seq) => ({ seq, ts: seq * 10 }) as StoredEvent).filter((row) =>
    keep(row.seq),
  );
  return async (request: PageRequest): Promise<PageResult> => {
    const key = (row: StoredEvent) => row.ts * 1e6 + row.seq;
    const at = request.from ? request.from.ts * 1e6 + request.from.seq : undefined;
    const forward = request.direction === 'forward';
    const candidates = forward
      ? all.filter((row) => at === undefined || (request.inclusive ? key(row) >= at : key(row) > at))
      : all.filter((row) => at === undefined || (request.inclusive ? key(row) <= at : key(row) < at)).reverse();
    const rows = candidates.slice(0, request.limit);
    const last = rows.at(-1);
    return {
      rows: forward ? rows : rows.reverse(),
      resume: last && { ts: last.ts, seq: last.seq },
      exhausted: candidates.length <= request.limit,
      scanned: rows.length,
    };
  };
}

describe('TimelineWindow', () => {
  it('pages forward to the end without gaps or repeats, keeping at most maxRows', async () => {
    const window = new TimelineWindow(source(1_050), 100, 300);
    await window.open();
    const seen = window.rows.map((row) => row.seq);
    while (!window.atEnd) {
      const before = window.rows.length;
      const change = await window.extendForward();
      seen.push(...window.rows.slice(before - change.dropped).map((row) => row.seq));
      expect(window.rows.length).toBeLessThanOrEqual(300);
    }
    expect(seen).toEqual(Array.from({ length: 1_050 }, (_, seq) => seq));
    expect(window.atStart).toBe(false);
  });

  it('opens around an event and extends both ways', async () => {
    const window = new TimelineWindow(
      source(1_000, (seq) => seq % 3 === 0),
      50,
      500,
    );
    await window.open({ ts: 3000, seq: 300 });
    expect(window.rows.map((row) => row.seq)).toContain(300);
    const first = window.rows[0]!.seq;
    await window.extendBackward();
    expect(window.rows[0]!.seq).toBeLessThan(first);
    const seqs = window.rows.map((row) => row.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('opens at the end', async () => {
    const window = new TimelineWindow(source(500), 100, 300);
    await window.open('end');
    expect(window.rows.at(-1)!.seq).toBe(499);
    expect(window.atEnd).toBe(true);
    await window.extendBackward();
    expect(window.rows[0]!.seq).toBe(300);
  });
});

describe('TimelineWindow when a filter matches rarely', () => {
  /** A source that examines at most `budget` events per page, as a searching page does, and says how many. */
  function budgeted(n: number, keep: (seq: number) => boolean, budget: number) {
    return async (request: PageRequest): Promise<PageResult> => {
      const start = request.from ? request.from.seq + (request.inclusive ? 0 : 1) : 0;
      const end = Math.min(n, start + budget);
      const rows = Array.from({ length: end - start }, (_, index) => start + index)
        .filter(keep)
        .slice(0, request.limit)
        .map((seq) => ({ seq, ts: seq }) as StoredEvent);
      const last = rows.length === request.limit ? rows.at(-1)!.seq : end - 1;
      return {
        rows,
        resume: { ts: last, seq: last },
        exhausted: end === n && rows.length < request.limit,
        scanned: last - start + 1,
      };
    };
  }

  it('asks to be filled while it is shorter than the view, and counts what the pages examined', async () => {
    const window = new TimelineWindow(
      budgeted(10_000, (seq) => seq % 1_000 === 999, 1_500),
      100,
      500,
    );
    await window.open();
    expect(window.rows.map((row) => row.seq)).toEqual([999]);
    expect(window.examined).toBe(1_500);
    let extended = 0;
    while (window.edgeToFill(40)) {
      await window.extendForward();
      extended += 1;
    }
    expect(window.rows.map((row) => row.seq)).toEqual([999, 1999, 2999, 3999, 4999, 5999, 6999, 7999, 8999, 9999]);
    expect(window.atEnd).toBe(true);
    expect(window.examined).toBe(10_000);
    expect(extended).toBe(6);
  });

  it('fills a window opened at the end backwards, and asks for nothing once the view is full', async () => {
    const window = new TimelineWindow(
      source(1_000, (seq) => seq < 5),
      50,
      500,
    );
    await window.open('end');
    expect(window.edgeToFill(40)).toBeUndefined();
    const full = new TimelineWindow(source(1_000), 50, 500);
    await full.open();
    expect(full.edgeToFill(40)).toBeUndefined();
    expect(full.edgeToFill(60)).toBe('forward');
  });

  it('runs an extension asked while the window is opening after the open, so no row is listed twice', async () => {
    const window = new TimelineWindow(source(3), 100, 300);
    // A list shorter than its view asks for more at once, before the first page has arrived.
    await Promise.all([window.open(), window.extendForward()]);
    expect(window.rows.map((row) => row.seq)).toEqual([0, 1, 2]);
  });
});
