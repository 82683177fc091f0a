// Which findings the timeline filter keeps: a finding is shown when at least one of the events it links as
// evidence is an event the Timeline would list under the same filter. Judged on the linked events only (at most
// maxEventsPerFinding of them; see docs/detectors.md), so a finding with no linked event is never kept by a filter.
import type { FindingEventRef } from '../../core/timeline';
import type { StoredFinding } from '../db/case-analysis-records';

/** The stored event seqs a finding links (the store's event id is its seq). */
export function evidenceSeqs(finding: Pick<StoredFinding, 'events'>): number[] {
  return finding.events.map((event) => event.id).filter((id): id is number => typeof id === 'number');
}

/** Whether the timeline filter keeps this linked event; `kept` is seq → kept, from eventMatches. */
export function evidenceKept(event: Pick<FindingEventRef, 'id'>, kept: ReadonlyMap<number, boolean>): boolean {
  return typeof event.id === 'number' && kept.get(event.id) === true;
}

/** The findings with at least one linked event the timeline filter keeps, in their order. */
export function findingsInFilter<T extends Pick<StoredFinding, 'events'>>(
  findings: readonly T[],
  kept: ReadonlyMap<number, boolean>,
): T[] {
  return findings.filter((finding) => finding.events.some((event) => evidenceKept(event, kept)));
}
