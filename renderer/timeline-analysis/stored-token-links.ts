// Writes the analysis's hash and jti links (core/timeline/hashed-tokens) into the events they were found on, so the
// views that read the store — a token's events, the timeline's token filter, the lifecycle's use times — see a record
// that names a token only by its digest as a use of that token, as the detectors did. Only rows whose links changed
// are written: a re-run with the same case configuration writes nothing.
import type { EventTokenLinks } from '../../core/timeline';
import type { FacetKey, StoredEvent, StoredTokenLink } from '../db/event-records';
import type { TokentrailDatabase } from '../db/schema';
import { rewriteEvents } from '../db/event-store';

/** Rows written per transaction. */
const LINK_BATCH = 1_000;

/** The links events held before this run, by seq: collected while the analysis reads the case's pages. */
export class PreviousTokenLinks {
  readonly bySeq = new Map<number, readonly StoredTokenLink[]>();

  note(row: StoredEvent): void {
    if (row.tokenLinks && row.tokenLinks.length > 0) this.bySeq.set(row.seq, row.tokenLinks);
  }
}

const sameLinks = (a: readonly StoredTokenLink[] | undefined, b: readonly StoredTokenLink[] | undefined) =>
  JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/** The row with `links` in place of its previous ones, its token facets following; the parsed event untouched. */
export function withTokenLinks(row: StoredEvent, links: readonly StoredTokenLink[] | undefined): StoredEvent {
  const parsed = new Set(row.event.tokenHashes);
  const previous = new Set((row.tokenLinks ?? []).map((item) => item.hash));
  const facets: FacetKey[] = row.facets.filter(
    ([, facet, value]) => !(facet === 'token' && previous.has(value) && !parsed.has(value)),
  );
  for (const { hash } of links ?? []) if (!parsed.has(hash)) facets.push([row.caseId, 'token', hash, row.ts, row.seq]);
  const { tokenLinks: _dropped, ...rest } = row;
  return links && links.length > 0 ? { ...rest, facets, tokenLinks: links } : { ...rest, facets };
}

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
  const changed: number[] = [];
  for (const [seq, tokens] of next) if (!sameLinks(previous.bySeq.get(seq), tokens)) changed.push(seq);
  for (const seq of previous.bySeq.keys()) if (!next.has(seq)) changed.push(seq);
  let written = 0;
  for (let start = 0; start < changed.length; start += LINK_BATCH) {
    const seqs = changed.slice(start, start + LINK_BATCH);
    written += await rewriteEvents(database, caseId, seqs, (row) => withTokenLinks(row, next.get(row.seq)));
  }
  return written;
}
