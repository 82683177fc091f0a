// Writes the analysis's hash and jti links (core/timeline/hashed-tokens) into the events they were found on, so the
// views that read the store — a token's events, the timeline's token filter, the lifecycle's use times — see a record
// that names a token only by its digest as a use of that token, as the detectors did. Only events whose links changed
// are written (renderer/db/event-store.ts storeTokenLinks): a re-run with the same case configuration writes nothing.
import type { EventTokenLinks } from '../../core/timeline';
import type { StoredEvent, StoredTokenLink } from '../db/event-records';
import type { TokentrailDatabase } from '../db/schema';
import { storeTokenLinks } from '../db/event-store';

/** The links events held before this run, by seq: collected while the analysis reads the case's pages. */
export class PreviousTokenLinks {
  readonly bySeq = new Map<number, readonly StoredTokenLink[]>();

  note(row: StoredEvent): void {
    if (row.tokenLinks && row.tokenLinks.length > 0) this.bySeq.set(row.seq, row.tokenLinks);
  }
}

const sameLinks = (a: readonly StoredTokenLink[] | undefined, b: readonly StoredTokenLink[] | undefined) =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/**
 * Store `links` (the analysis's, keyed by the event id it was given: the seq) and clear links no longer found.
 * Returns the number of rows written. A row deleted meanwhile is skipped.
 */
export async function saveTokenLinks(
  database: TokentrailDatabase,
  caseId: string,
  previous: PreviousTokenLinks,
  links: readonly EventTokenLinks[],
): Promise<number> {
  const next = new Map<number, readonly StoredTokenLink[]>();
  for (const item of links) if (typeof item.eventId === 'number') next.set(item.eventId, item.tokens);
  const changed = new Map<number, readonly StoredTokenLink[] | undefined>();
  for (const [seq, tokens] of next) if (!sameLinks(previous.bySeq.get(seq), tokens)) changed.set(seq, tokens);
  for (const seq of previous.bySeq.keys()) if (!next.has(seq)) changed.set(seq, undefined);
  return storeTokenLinks(database, caseId, changed);
}
