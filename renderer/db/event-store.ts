// The case's stored events, read and written through one module. Views, the analysis, reports and case deletion ask
// for events by what they need (by seq, all of them in import or time order, those of one facet value, the distinct
// values of a facet) and never name the table or its indexes: the physical layout — one row per event today, blocks
// of events with postings as issue 19 measured (docs/benchmarks.md) — can change here alone. The timeline's paging
// engine (renderer/timeline/timeline-query.ts and its helpers) is the one other reader: it plans over the indexes.
// test/e2e/event-store.spec.ts holds every function here to its plain definition on real IndexedDB.
import { Dexie, type Table } from 'dexie';
import type { EventFacet, FacetKey, StoredEvent, StoredTokenLink } from './event-records';
import { withTokenLinks } from './event-rows';
import type { TokentrailDatabase } from './schema';
import { casePages } from './case-pages';

/** The events numbered `seqs`, in the same order; undefined where none is stored (removed with its ingest). */
export function eventsBySeq(
  database: TokentrailDatabase,
  caseId: string,
  seqs: readonly number[],
): Promise<(StoredEvent | undefined)[]> {
  return database.authEvents.bulkGet(seqs.map((seq): [string, number] => [caseId, seq]));
}

/** The event numbered `seq`, or undefined. */
export function eventBySeq(
  database: TokentrailDatabase,
  caseId: string,
  seq: number,
): Promise<StoredEvent | undefined> {
  return database.authEvents.get([caseId, seq]);
}

/** Every event of the case, `pageSize` at a time, in import order (by seq). */
export function caseEventsBySeq(
  database: TokentrailDatabase,
  caseId: string,
  pageSize: number,
): AsyncGenerator<StoredEvent[]> {
  return casePages(database.authEvents, 'seq', caseId, pageSize);
}

/** Every event of the case, `pageSize` at a time, in time order (untimed ones first, ties by seq). */
export async function* caseEventsByTime(
  database: TokentrailDatabase,
  caseId: string,
  pageSize: number,
): AsyncGenerator<StoredEvent[]> {
  let after: StoredEvent | undefined;
  for (;;) {
    const page = await database.authEvents
      .where('[caseId+ts+seq]')
      .between(
        after ? [caseId, after.ts, after.seq] : [caseId, Dexie.minKey, Dexie.minKey],
        [caseId, Dexie.maxKey, Dexie.maxKey],
        after === undefined,
        true,
      )
      .limit(pageSize)
      .toArray();
    if (page.length === 0) return;
    yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1];
  }
}

/** The case's last event in time order (ties by seq), or undefined when it has none. */
export function latestEvent(database: TokentrailDatabase, caseId: string): Promise<StoredEvent | undefined> {
  return database.authEvents
    .where('[caseId+ts+seq]')
    .between([caseId, Dexie.minKey, Dexie.minKey], [caseId, Dexie.maxKey, Dexie.maxKey])
    .last();
}

const facetRange = (database: TokentrailDatabase, caseId: string, facet: EventFacet, value: string) =>
  database.authEvents
    .where('facets')
    .between([caseId, facet, value, Dexie.minKey, Dexie.minKey], [caseId, facet, value, Dexie.maxKey, Dexie.maxKey]);

/** The first `limit` events that have `value` for `facet`, in time order (ties by seq). */
export function facetEvents(
  database: TokentrailDatabase,
  caseId: string,
  facet: EventFacet,
  value: string,
  limit: number,
): Promise<StoredEvent[]> {
  return facetRange(database, caseId, facet, value).limit(limit).toArray();
}

/** When the first `limit` events with `value` for `facet` happened, in time order: no event is read or decoded. */
export async function facetEventTimes(
  database: TokentrailDatabase,
  caseId: string,
  facet: EventFacet,
  value: string,
  limit: number,
): Promise<{ ts: number; seq: number }[]> {
  const keys = (await facetRange(database, caseId, facet, value).limit(limit).keys()) as unknown as FacetKey[];
  return keys.map((key) => ({ ts: key[3], seq: key[4] }));
}

/**
 * The first `limit` distinct values `facet` takes in the case's events, in value order. A skip scan: one keyed read
 * per value, never a read of the events, so a facet with millions of events per value costs what its values do.
 */
export async function distinctFacetValues(
  database: TokentrailDatabase,
  caseId: string,
  facet: EventFacet,
  limit: number,
): Promise<string[]> {
  const values: string[] = [];
  let lower: unknown[] = [caseId, facet, '', Dexie.minKey, Dexie.minKey];
  const upper = [caseId, facet, Dexie.maxKey, Dexie.maxKey, Dexie.maxKey];
  while (values.length < limit) {
    const [key] = await database.authEvents.where('facets').between(lower, upper, true, true).limit(1).keys();
    if (!key) break;
    const value = (key as unknown as FacetKey)[2];
    values.push(value);
    lower = [caseId, facet, value, Dexie.maxKey, Dexie.maxKey];
  }
  return values;
}

/** Events whose links are written per transaction. */
const LINK_BATCH = 1_000;

/**
 * Sets the case analysis's token links of the events numbered by `links`' keys (undefined: the event has none now),
 * so the token's facet reads (facetEvents, facetEventTimes, the timeline's token filter) include those events. The
 * parsed event is never changed. A seq with no event is skipped. Returns the number of events written.
 */
export async function storeTokenLinks(
  database: TokentrailDatabase,
  caseId: string,
  links: ReadonlyMap<number, readonly StoredTokenLink[] | undefined>,
): Promise<number> {
  const seqs = [...links.keys()];
  let written = 0;
  for (let start = 0; start < seqs.length; start += LINK_BATCH) {
    const chunk = seqs.slice(start, start + LINK_BATCH);
    written += await database.transaction('rw', database.authEvents, async () => {
      const rows = await eventsBySeq(database, caseId, chunk);
      const updated = rows
        .filter((row): row is StoredEvent => row !== undefined)
        .map((row) => withTokenLinks(row, links.get(row.seq)));
      await database.authEvents.bulkPut(updated);
      return updated.length;
    });
  }
  return written;
}

/** The tables that hold events: a transaction that writes or deletes them, or pages them consistently, spans these. */
export function eventTables(database: TokentrailDatabase): Table[] {
  return [database.authEvents];
}

/** Stores a batch of new events (their seqs stamped); call inside a read-write transaction over eventTables(). */
export async function storeEvents(database: TokentrailDatabase, rows: readonly StoredEvent[]): Promise<void> {
  await database.authEvents.bulkAdd(rows as StoredEvent[]);
}

/**
 * Up to `limit` events the ingest stored: what removing it deletes next, a chunk at a time. Read by the ingest's file:
 * a file's ingests follow one another, each one's events removed before the next writes any.
 */
export async function ingestEvents(
  database: TokentrailDatabase,
  { caseId, fileId, id }: { readonly caseId: string; readonly fileId: string; readonly id: string },
  limit: number,
): Promise<StoredEvent[]> {
  const rows = await facetEvents(database, caseId, 'file', fileId, limit);
  return rows.filter((row) => row.ingestId === id);
}

/** Deletes the events numbered `seqs`; call inside a read-write transaction over eventTables(). */
export async function deleteEvents(
  database: TokentrailDatabase,
  caseId: string,
  seqs: readonly number[],
): Promise<void> {
  await database.authEvents.bulkDelete(seqs.map((seq): [string, number] => [caseId, seq]));
}

/** Deletes every event of the case; call inside a read-write transaction over the case's tables (caseTables()). */
export function deleteCaseEvents(database: TokentrailDatabase, caseId: string): Promise<number> {
  return database.authEvents.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).delete();
}
