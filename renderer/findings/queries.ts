// The findings feature's reads of the window's store, in one place: views call these, never `db` itself.
import type { StoredFinding } from '../db/case-analysis-records';
import { db } from '../db/schema';
import { storedAnalysis, storedFindings } from '../timeline-analysis/queries';
import { eventMatches } from '../timeline/event-matches';
import { isEmptyFilter, type TimelineFilter } from '../timeline/timeline-filter';
import { resolvedMatcher } from '../timeline/annotated-seqs';
import { evidenceSeqs, findingsInFilter } from './findings-in-filter';

export interface TimelineFindings {
  readonly all: readonly StoredFinding[];
  /** The findings with a linked event the filter keeps: all of them when no filter is set. */
  readonly kept: readonly StoredFinding[];
  /** seq → kept, for the linked events; undefined when no filter is set (every event is kept). */
  readonly eventsKept?: ReadonlyMap<number, boolean>;
}

/** The case's findings and those the timeline filter keeps, read together so both come from the same run. */
export async function timelineFindings(caseId: string, filter: TimelineFilter): Promise<TimelineFindings> {
  const all = await storedFindings(caseId);
  if (isEmptyFilter(filter)) return { all, kept: all };
  const eventsKept = await eventMatches(
    db,
    caseId,
    all.flatMap(evidenceSeqs),
    await resolvedMatcher(db, caseId, filter),
  );
  return { all, kept: findingsInFilter(all, eventsKept), eventsKept };
}

/** How many findings the last case analysis stored. */
export async function storedFindingCount(caseId: string): Promise<number> {
  return (await storedAnalysis(caseId))?.findingCount ?? 0;
}
