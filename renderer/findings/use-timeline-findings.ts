// The case's findings and those the shared timeline filter keeps (renderer/findings/findings-in-filter.ts), read in
// one live query so the two never come from different runs of the detectors.
import { useLiveQuery } from 'dexie-react-hooks';
import type { StoredFinding } from '../db/case-analysis-records';
import { caseFindings } from '../timeline-analysis/timeline-analysis-store';
import { db } from '../db/schema';
import { isEmptyFilter, type TimelineFilter } from '../timeline/timeline-filter';
import { evidenceSeqs, findingsInFilter } from './findings-in-filter';
import { eventMatches } from '../timeline/event-matches';
import { timelineMatcher } from '../timeline/timeline-match';

export interface TimelineFindings {
  readonly all: readonly StoredFinding[];
  /** The findings with a linked event the filter keeps: all of them when no filter is set. */
  readonly kept: readonly StoredFinding[];
  /** seq → kept, for the linked events; undefined when no filter is set (every event is kept). */
  readonly eventsKept?: ReadonlyMap<number, boolean>;
}

export function useTimelineFindings(caseId: string, filter: TimelineFilter): TimelineFindings | undefined {
  return useLiveQuery(async (): Promise<TimelineFindings> => {
    const all = await caseFindings(db, caseId);
    if (isEmptyFilter(filter)) return { all, kept: all };
    const eventsKept = await eventMatches(db, caseId, all.flatMap(evidenceSeqs), timelineMatcher(filter));
    return { all, kept: findingsInFilter(all, eventsKept), eventsKept };
  }, [caseId, filter]);
}
