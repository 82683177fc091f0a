// The line above the event list that says what it holds, including while a rare filter is still being searched for.
import type { TimelineWindow } from './timeline-window';
import { plural } from '../shell/format';

export function timelineStatus(
  window: Pick<TimelineWindow, 'rows' | 'atEnd' | 'examined' | 'pageSize'>,
  loading: boolean,
  unfiltered: boolean,
): string {
  const found = plural(window.rows.length, 'event');
  // Short pages while loading: the list keeps asking (TimelineList), so say how far the search has come.
  if (loading && !unfiltered && window.rows.length < window.pageSize && window.examined > 0) {
    return `Searching… ${found} matching the filters so far, ${window.examined.toLocaleString('en-US')} events searched`;
  }
  if (loading) return 'Loading…';
  return `${found} loaded${unfiltered ? '' : ' matching the filters'}${window.atEnd ? '' : '; scroll for more'}`;
}
