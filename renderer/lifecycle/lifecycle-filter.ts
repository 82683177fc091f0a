// Which events of a lifecycle diagram the shared timeline filter keeps: every event of each lane's token (read
// through the timeline's own query, at most MAX_TICKS_PER_TOKEN of them, as many as a lane draws) and the
// milestone events the lifecycles point at. The diagram keeps the token's whole life on its axis and dims what
// the filter drops, so a filter never makes a life look shorter than the evidence says.
import type { TokenLifecycle } from '../../core/timeline';
import { UNTIMED_TS, type StoredEvent } from '../db/event-records';
import type { TokentrailDatabase } from '../db/schema';
import type { TimelineFilter } from '../timeline/timeline-filter';
import { MAX_TICKS_PER_TOKEN } from './token-event-times';
import { eventMatches } from '../timeline/event-matches';
import { eachTimelineRow } from '../timeline/timeline-rows';
import type { EventMatcher } from '../timeline/timeline-match';
import { resolvedMatcher } from '../timeline/annotated-seqs';

export interface LifecycleFilterMarks {
  /** Times of each token's events the filter keeps. */
  readonly keptUses: ReadonlyMap<string, readonly number[]>;
  /** Times of each token's events the filter drops. */
  readonly outsideUses: ReadonlyMap<string, readonly number[]>;
  /** Seqs of the milestone events (issue, refresh, revocation…) the filter drops. */
  readonly outsideEvents: ReadonlySet<number>;
}

/** The seqs of the events a lifecycle's markers open. */
function milestoneSeqs(lifecycle: TokenLifecycle): number[] {
  return [...lifecycle.milestones.map((step) => step.event), lifecycle.issue, lifecycle.end.event]
    .map((event) => event?.id)
    .filter((id): id is number => typeof id === 'number');
}

/** A token's events in time order, first MAX_TICKS_PER_TOKEN, each with whether the filter keeps it. */
async function tokenEvents(
  database: TokentrailDatabase,
  caseId: string,
  tokenHash: string,
  matches: EventMatcher,
): Promise<{ row: StoredEvent; kept: boolean }[]> {
  const out: { row: StoredEvent; kept: boolean }[] = [];
  await eachTimelineRow(
    database,
    caseId,
    { facets: { token: tokenHash } },
    (row) => out.push({ row, kept: matches(row) }) < MAX_TICKS_PER_TOKEN,
  );
  return out;
}

export async function lifecycleFilterMarks(
  database: TokentrailDatabase,
  caseId: string,
  lanes: readonly TokenLifecycle[],
  filter: TimelineFilter,
): Promise<LifecycleFilterMarks> {
  const matches = await resolvedMatcher(database, caseId, filter);
  const keptUses = new Map<string, number[]>();
  const outsideUses = new Map<string, number[]>();
  const keptBySeq = new Map<number, boolean>();
  for (const lane of lanes) {
    const events = await tokenEvents(database, caseId, lane.tokenHash, matches);
    const timed = events.filter(({ row }) => row.ts !== UNTIMED_TS);
    keptUses.set(
      lane.tokenHash,
      timed.filter(({ kept }) => kept).map(({ row }) => row.ts),
    );
    outsideUses.set(
      lane.tokenHash,
      timed.filter(({ kept }) => !kept).map(({ row }) => row.ts),
    );
    for (const { row, kept } of events) keptBySeq.set(row.seq, kept);
  }
  // Milestones found through a jti rather than the token itself are not among the token's events: read them by key.
  const missing = lanes.flatMap(milestoneSeqs).filter((seq) => !keptBySeq.has(seq));
  for (const [seq, kept] of await eventMatches(database, caseId, missing, matches)) keptBySeq.set(seq, kept);
  const outsideEvents = new Set([...keptBySeq].filter(([, kept]) => !kept).map(([seq]) => seq));
  return { keptUses, outsideUses, outsideEvents };
}
