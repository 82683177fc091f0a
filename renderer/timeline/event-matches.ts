// Which of some stored events (by seq) the timeline filter keeps, for views that hold references to events rather
// than the events themselves (a finding's evidence, a lifecycle's milestones). Read by key in chunks: a case has
// hundreds of findings of at most maxEventsPerFinding events each, never a scan of the whole case.
import type { TokentrailDatabase } from '../db/schema';
import { eventsBySeq } from '../db/event-store';
import type { EventMatcher } from './timeline-match';

const CHUNK = 2_000;

/** seq → whether the matcher keeps it. A seq with no stored event (its file was parsed again since) is absent. */
export async function eventMatches(
  database: TokentrailDatabase,
  caseId: string,
  seqs: Iterable<number>,
  matches: EventMatcher,
): Promise<Map<number, boolean>> {
  const wanted = [...new Set(seqs)];
  const out = new Map<number, boolean>();
  for (let start = 0; start < wanted.length; start += CHUNK) {
    for (const row of await eventsBySeq(database, caseId, wanted.slice(start, start + CHUNK)))
      if (row) out.set(row.seq, matches(row));
  }
  return out;
}
