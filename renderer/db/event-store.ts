// The case's stored events, read and written through one module. Views, the analysis, reports and case deletion ask
// for events by what they need (by seq, all of them in import or time order, those of one facet value, the distinct
// values of a facet) and never name the table or its indexes. Two physical layouts answer: a row per event
// (authEvents, every case so far) and blocks of events with posting rows (event-block-store.ts, issue 19; cases created
// with `eventLayout: 'blocks'`). A case's layout is found from what it stores (layoutOf). The timeline's paging engine
// (renderer/timeline/timeline-query.ts and its helpers) is the one other reader: it plans over the row layout's
// indexes, so no case the investigator creates uses blocks until it pages blocks too.
// test/e2e/event-store.spec.ts holds every function here, in both layouts, to its plain definition on real IndexedDB.
import { Dexie, type Table } from 'dexie';
import {
  COUNTED_FACETS,
  type EventFacet,
  type FacetKey,
  type StoredEvent,
  type StoredTokenLink,
} from './event-records';
import { withTokenLinks } from './event-rows';
import type { TokentrailDatabase } from './schema';
import { casePages } from './case-pages';
import {
  blockDistinctValues,
  blockEventsBySeq,
  blockEventsBySeqOrder,
  blockEventsByTime,
  blockFacetEvents,
  blockFacetTimes,
  deleteCaseBlocks,
  latestBlockEvent,
  removeIngestBlocks,
  storeBlockTokenLinks,
} from './event-block-store';

type Layout = 'rows' | 'blocks';

/** Each database's known layouts by case: a case that stores events never changes layout. */
const knownLayouts = new WeakMap<TokentrailDatabase, Map<string, Layout>>();

/**
 * How the case's events are stored, found from its first stored block or row (one keyed read, then remembered). A case
 * with no events reads as rows: both layouts give nothing for it. Call inside a transaction over eventTables(), or none.
 */
async function layoutOf(database: TokentrailDatabase, caseId: string): Promise<Layout> {
  let known = knownLayouts.get(database);
  if (!known) knownLayouts.set(database, (known = new Map()));
  const cached = known.get(caseId);
  if (cached) return cached;
  const caseRange = <T>(table: Table<T, [string, number]>, key: string) =>
    table.where(key).between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).limit(1).primaryKeys();
  const [blocks, rows] = await Promise.all([
    caseRange(database.eventBlocks, '[caseId+block]'),
    caseRange(database.authEvents, '[caseId+seq]'),
  ]);
  const layout: Layout | undefined = blocks.length > 0 ? 'blocks' : rows.length > 0 ? 'rows' : undefined;
  if (layout) known.set(caseId, layout);
  return layout ?? 'rows';
}

/** The events numbered `seqs`, in the same order; undefined where none is stored (removed with its ingest). */
export async function eventsBySeq(
  database: TokentrailDatabase,
  caseId: string,
  seqs: readonly number[],
): Promise<(StoredEvent | undefined)[]> {
  if ((await layoutOf(database, caseId)) === 'blocks') return blockEventsBySeq(database, caseId, seqs);
  return database.authEvents.bulkGet(seqs.map((seq): [string, number] => [caseId, seq]));
}

/** The event numbered `seq`, or undefined. */
export async function eventBySeq(
  database: TokentrailDatabase,
  caseId: string,
  seq: number,
): Promise<StoredEvent | undefined> {
  if ((await layoutOf(database, caseId)) === 'blocks') return (await blockEventsBySeq(database, caseId, [seq]))[0];
  return database.authEvents.get([caseId, seq]);
}

/** Every event of the case, `pageSize` at a time, in import order (by seq). */
export async function* caseEventsBySeq(
  database: TokentrailDatabase,
  caseId: string,
  pageSize: number,
): AsyncGenerator<StoredEvent[]> {
  if ((await layoutOf(database, caseId)) === 'blocks') yield* blockEventsBySeqOrder(database, caseId, pageSize);
  else yield* casePages(database.authEvents, 'seq', caseId, pageSize);
}

/** Every event of the case, `pageSize` at a time, in time order (untimed ones first, ties by seq). */
export async function* caseEventsByTime(
  database: TokentrailDatabase,
  caseId: string,
  pageSize: number,
): AsyncGenerator<StoredEvent[]> {
  if ((await layoutOf(database, caseId)) === 'blocks') {
    yield* blockEventsByTime(database, caseId, pageSize);
    return;
  }
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
export async function latestEvent(database: TokentrailDatabase, caseId: string): Promise<StoredEvent | undefined> {
  if ((await layoutOf(database, caseId)) === 'blocks') return latestBlockEvent(database, caseId);
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
export async function facetEvents(
  database: TokentrailDatabase,
  caseId: string,
  facet: EventFacet,
  value: string,
  limit: number,
): Promise<StoredEvent[]> {
  if ((await layoutOf(database, caseId)) === 'blocks') return blockFacetEvents(database, caseId, facet, value, limit);
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
  if ((await layoutOf(database, caseId)) === 'blocks') return blockFacetTimes(database, caseId, facet, value, limit);
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
  // A few-valued facet's values are its count rows, kept at every batch in both layouts.
  if (COUNTED_FACETS.has(facet)) {
    const counts = await database.eventFacets
      .where('[caseId+facet+value]')
      .between([caseId, facet, Dexie.minKey], [caseId, facet, Dexie.maxKey])
      .limit(limit)
      .toArray();
    return counts.map((count) => count.value);
  }
  if ((await layoutOf(database, caseId)) === 'blocks') return blockDistinctValues(database, caseId, facet, limit);
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
  const layout = await layoutOf(database, caseId);
  let written = 0;
  for (let start = 0; start < seqs.length; start += LINK_BATCH) {
    const chunk = seqs.slice(start, start + LINK_BATCH);
    written += await database.transaction('rw', eventTables(database), async () => {
      if (layout === 'blocks') return storeBlockTokenLinks(database, caseId, links, chunk);
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

/**
 * The tables that hold events, and the ingest records (which say whether an ingest's posting rows are all compacted, so
 * which posting rows a read must look for): a transaction that writes or deletes events, or pages them consistently,
 * spans these.
 */
export function eventTables(database: TokentrailDatabase): Table[] {
  return [
    database.authEvents,
    database.eventBlocks,
    database.eventPostings,
    database.eventTokenLinks,
    database.ingests,
  ];
}

/**
 * Stores a batch of new events of the row layout (their seqs stamped); call inside a read-write transaction over
 * eventTables(). The block layout's batches are built and stored by event-block-store.ts (blockBatch, storeBlockBatch).
 */
export async function storeEvents(database: TokentrailDatabase, rows: readonly StoredEvent[]): Promise<void> {
  await database.authEvents.bulkAdd(rows as StoredEvent[]);
}

/**
 * Removes up to about `limit` events the ingest stored and returns them (none: nothing is left); call inside a
 * read-write transaction over eventTables(). Rows are found by the ingest's file: a file's ingests follow one another,
 * each one's events removed before the next writes any. Blocks go whole, with the ingest's posting rows in the first
 * chunk (removeIngestBlocks).
 */
export async function removeIngestChunk(
  database: TokentrailDatabase,
  ingest: { readonly caseId: string; readonly fileId: string; readonly id: string },
  limit: number,
): Promise<StoredEvent[]> {
  const { caseId } = ingest;
  if ((await layoutOf(database, caseId)) === 'blocks') return removeIngestBlocks(database, ingest, limit);
  const rows = (await facetEvents(database, caseId, 'file', ingest.fileId, limit)).filter(
    (row) => row.ingestId === ingest.id,
  );
  await database.authEvents.bulkDelete(rows.map((row): [string, number] => [caseId, row.seq]));
  return rows;
}

/** Deletes every event of the case; call inside a read-write transaction over the case's tables (caseTables()). */
export async function deleteCaseEvents(database: TokentrailDatabase, caseId: string): Promise<void> {
  knownLayouts.get(database)?.delete(caseId);
  await Promise.all([
    database.authEvents.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).delete(),
    deleteCaseBlocks(database, caseId),
  ]);
}
