// The timeline list's data: a TimelineWindow (renderer/timeline/timeline-window.ts) for one case and filter, opened
// again whenever either changes, with a version number React can re-render on.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TimelineFilter } from './timeline-filter';
import { timelinePage } from './queries';
import type { EventCursor } from './timeline-query';
import { TimelineWindow, type PageSource, type WindowChange } from './timeline-window';

export interface TimelineData {
  readonly window: TimelineWindow;
  readonly version: number;
  readonly loading: boolean;
  readonly error: string;
  /** Events were added since the window was read and it holds more than a page: a refresh would move the view. */
  readonly stale: boolean;
  extend(direction: 'forward' | 'backward'): Promise<WindowChange>;
  reopen(at?: EventCursor | 'start' | 'end'): Promise<void>;
}

/**
 * `eventCount` is the case's event count: while an ingest commits batches, a window that shows everything it
 * found (less than a page) is read again; a longer one is only marked stale, so the list never jumps under
 * the investigator's eyes.
 */
export function useTimeline(
  caseId: string,
  filter: TimelineFilter,
  anchor: EventCursor | undefined,
  eventCount: number,
  /** Where pages come from: the case's store, unless a test gives its own (keep it stable across renders). */
  source?: PageSource,
): TimelineData {
  const window = useMemo(
    () => new TimelineWindow(source ?? ((request) => timelinePage(caseId, filter, request))),
    [caseId, filter, source],
  );
  const [version, setVersion] = useState(0);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const [readAtCount, setReadAtCount] = useState(eventCount);
  // One load at a time: a scroll that asks again while a page is loading is ignored.
  const busy = useRef(false);

  const guarded = useCallback(async <T>(work: () => Promise<T>, fallback: T): Promise<T> => {
    if (busy.current) return fallback;
    busy.current = true;
    setLoading(true);
    try {
      const result = await work();
      setError('');
      return result;
    } catch (failure) {
      setError(`Reading the timeline failed: ${failure instanceof Error ? failure.message : String(failure)}`);
      return fallback;
    } finally {
      busy.current = false;
      setLoading(false);
      setVersion((value) => value + 1);
    }
  }, []);

  const reopen = useCallback(
    (at?: EventCursor | 'start' | 'end') => guarded(() => window.open(at), undefined),
    [guarded, window],
  );
  const extend = useCallback(
    (direction: 'forward' | 'backward') =>
      guarded(() => (direction === 'forward' ? window.extendForward() : window.extendBackward()), {
        added: 0,
        dropped: 0,
      }),
    [guarded, window],
  );

  useEffect(() => {
    busy.current = false;
    void reopen(anchor);
  }, [reopen, anchor]);

  const small = window.rows.length < window.pageSize;
  // `loading` is a dependency so the check runs again when a read ends: a batch that committed while the window was
  // being read (busy: skipped here) would otherwise leave a short window behind the case's count until the next
  // batch — after an ingest's last batch, for good (seen as 9 of 13 events listed, the count saying 13).
  useEffect(() => {
    if (eventCount === readAtCount || busy.current) return;
    if (small) {
      setReadAtCount(eventCount);
      void reopen(anchor);
    }
  }, [eventCount, readAtCount, small, reopen, anchor, loading]);

  const refresh = useCallback(
    (at?: EventCursor | 'start' | 'end') => {
      setReadAtCount(eventCount);
      return reopen(at);
    },
    [eventCount, reopen],
  );

  return { window, version, loading, error, stale: eventCount !== readAtCount && !small, extend, reopen: refresh };
}
