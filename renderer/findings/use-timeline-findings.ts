// The case's findings and those the shared timeline filter keeps (renderer/findings/findings-in-filter.ts), read in
// one live query so the two never come from different runs of the detectors.
import { useLiveQuery } from 'dexie-react-hooks';
import type { TimelineFilter } from '../timeline/timeline-filter';
import { timelineFindings, type TimelineFindings } from './queries';

export type { TimelineFindings } from './queries';

export function useTimelineFindings(caseId: string, filter: TimelineFilter): TimelineFindings | undefined {
  return useLiveQuery(() => timelineFindings(caseId, filter), [caseId, filter]);
}
