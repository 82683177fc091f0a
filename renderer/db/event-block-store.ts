// The block layout's reads and writes (event-blocks.ts says what is stored and why). event-store.ts sends a case's
// calls here when its events are in blocks; every function gives exactly what the row layout gives for the same
// events (test/e2e/event-store.spec.ts runs one contract over both). Blocks are never rewritten: the analysis's token
// links live in rows of their own (EventTokenLinksRecord), merged into the events as they are read.
import { Dexie } from 'dexie';
import { blockEventCount } from '../../core/timeline';
import {
  BLOCK_EVENTS,
  blockOfSeq,
  blocksOfBatch,
  compactPostings,
  levelZeroPostings,
  storedBlock,
  type EventBlock,
  type EventTokenLinksRecord,
  type StoredPostingRow,
} from './event-blocks';
import { UNTIMED_TS, type EventFacet, type StoredEvent, type StoredTokenLink } from './event-records';
import type { PendingEvent } from './event-rows';
import { buildTextRows, type EventTextRecord } from './event-text';
import { casePages } from './case-pages';
import { blockRows, eventOfBlock, linksOfBlocks, linksOfSeqs, tokenLinkKeys } from './event-block-rows';
import { BlockWalk } from './event-block-walk';
import { PostingWalk } from './posting-walk';
import type { TokentrailDatabase } from './schema';

/** Level-0 batches of an ingest merged by one compaction (docs/storage.md). */
export const COMPACTION_BATCHES = 32;

export async function blockEventsBySeq(
  database: TokentrailDatabase,
  caseId: string,
  seqs: readonly number[],
): Promise<(StoredEvent | undefined)[]> {
  const numbers = [...new Set(seqs.map(blockOfSeq))];
  const [blocks, links] = await Promise.all([
    database.eventBlocks.bulkGet(numbers.map((block): [string, number] => [caseId, block])),
    linksOfSeqs(database, caseId, seqs),
  ]);
  const byNumber = new Map(numbers.map((block, index) => [block, blocks[index]]));
  return seqs.map((seq) => {
    const block = byNumber.get(blockOfSeq(seq));
    return block && eventOfBlock(block, seq - block.block * BLOCK_EVENTS, links);
  });
}

/** Blocks read per request when the whole case is walked. */
const BLOCKS_PER_READ = 32;

/** `rows` in pages of `pageSize` (the last one shorter). */
async function* inPages(rows: AsyncIterable<StoredEvent>, pageSize: number): AsyncGenerator<StoredEvent[]> {
  let page: StoredEvent[] = [];
  for await (const row of rows) {
    page.push(row);
    if (page.length === pageSize) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

/** The case's events in seq order: its blocks by number. */
async function* eventsInSeqOrder(database: TokentrailDatabase, caseId: string): AsyncGenerator<StoredEvent> {
  for await (const blocks of casePages(database.eventBlocks, 'block', caseId, BLOCKS_PER_READ)) {
    const links = await linksOfBlocks(
      database,
      caseId,
      blocks.map((block) => block.block),
    );
    for (const block of blocks) yield* blockRows(block, links);
  }
}

/** The case's events in time order (ties by seq): the blocks merged. */
async function* eventsInTimeOrder(database: TokentrailDatabase, caseId: string): AsyncGenerator<StoredEvent> {
  const walk = new BlockWalk(database, caseId, 'forward');
  for (let rows = await walk.take(BLOCK_EVENTS); rows.length > 0; rows = await walk.take(BLOCK_EVENTS)) yield* rows;
}

export const blockEventsBySeqOrder = (database: TokentrailDatabase, caseId: string, pageSize: number) =>
  inPages(eventsInSeqOrder(database, caseId), pageSize);

export const blockEventsByTime = (database: TokentrailDatabase, caseId: string, pageSize: number) =>
  inPages(eventsInTimeOrder(database, caseId), pageSize);

export async function latestBlockEvent(database: TokentrailDatabase, caseId: string): Promise<StoredEvent | undefined> {
  // The block that ends last (ties: the highest block, whose seqs are the highest) ends with the latest event.
  const last = await database.eventBlocks
    .where('[caseId+end+block]')
    .between([caseId, Dexie.minKey, Dexie.minKey], [caseId, Dexie.maxKey, Dexie.maxKey])
    .last();
  if (!last) return undefined;
  return eventOfBlock(last, blockEventCount(last) - 1, await linksOfBlocks(database, caseId, [last.block]));
}

/**
 * The first and last time of the case's timed events, undefined when it has none; null when the case's events are
 * not in blocks. A block holds timed or untimed events, never both: an untimed event sorts a block's span before any
 * time.
 */
export async function caseBlockExtent(
  database: TokentrailDatabase,
  caseId: string,
): Promise<{ first: number; last: number } | undefined | null> {
  const [any, first, last] = await Promise.all([
    database.eventBlocks
      .where('[caseId+block]')
      .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
      .limit(1)
      .primaryKeys(),
    database.eventBlocks
      .where('[caseId+start+block]')
      .between([caseId, UNTIMED_TS, Dexie.maxKey], [caseId, Dexie.maxKey, Dexie.maxKey], false, true)
      .first(),
    database.eventBlocks
      .where('[caseId+end+block]')
      .between([caseId, UNTIMED_TS, Dexie.maxKey], [caseId, Dexie.maxKey, Dexie.maxKey], false, true)
      .last(),
  ]);
  if (any.length === 0) return null;
  return first && last ? { first: first.start, last: last.end } : undefined;
}

/**
 * When the first `limit` events with `value` for `facet` happened, in time order (ties by seq), each event once: the
 * value's posting rows opened from its first (PostingWalk), not its whole history.
 */
export function blockFacetTimes(
  database: TokentrailDatabase,
  caseId: string,
  facet: EventFacet,
  value: string,
  limit: number,
): Promise<{ ts: number; seq: number }[]> {
  return new PostingWalk(database, caseId, facet, value, 'forward').take(limit);
}

export async function blockFacetEvents(
  database: TokentrailDatabase,
  caseId: string,
  facet: EventFacet,
  value: string,
  limit: number,
): Promise<StoredEvent[]> {
  const times = await blockFacetTimes(database, caseId, facet, value, limit);
  const rows = await blockEventsBySeq(
    database,
    caseId,
    times.map((entry) => entry.seq),
  );
  return rows.filter((row): row is StoredEvent => row !== undefined);
}

/**
 * The distinct values of an identifier facet (subject, session, token, IP), in value order, read from its posting
 * rows — every row of the facet, one at a time, so this takes the time the facet's postings take to read (seconds at
 * 10M events) and holds its distinct values. (A counted facet's are its count rows: event-store.ts.)
 */
export async function blockDistinctValues(
  database: TokentrailDatabase,
  caseId: string,
  facet: EventFacet,
  limit: number,
): Promise<string[]> {
  // Row by row (a cursor), so what is held is the distinct values, not the facet's every entry.
  const values = new Set<string>();
  await database.eventPostings
    .where('[caseId+facet+level+bucket+id]')
    .between(
      [caseId, facet, Dexie.minKey, Dexie.minKey, Dexie.minKey],
      [caseId, facet, Dexie.maxKey, Dexie.maxKey, Dexie.maxKey],
    )
    .each((row) => {
      for (const value of row.values) values.add(value);
    });
  if (facet === 'token') for (const [, token] of await tokenLinkKeys(database, caseId, undefined)) values.add(token);
  return [...values].sort().slice(0, limit);
}

/** Block layout of storeTokenLinks: one chunk of seqs, inside a read-write transaction over eventTables(). */
export async function storeBlockTokenLinks(
  database: TokentrailDatabase,
  caseId: string,
  links: ReadonlyMap<number, readonly StoredTokenLink[] | undefined>,
  seqs: readonly number[],
): Promise<number> {
  const events = (await blockEventsBySeq(database, caseId, seqs)).filter(
    (row): row is StoredEvent => row !== undefined,
  );
  const records: EventTokenLinksRecord[] = [];
  const cleared: [string, number][] = [];
  for (const { seq, ts, event } of events) {
    const linked = links.get(seq);
    if (!linked || linked.length === 0) {
      cleared.push([caseId, seq]);
      continue;
    }
    const parsed = new Set(event.tokenHashes);
    const keys = linked.filter(({ hash }) => !parsed.has(hash)).map(({ hash }) => [caseId, hash, ts, seq] as const);
    records.push({ caseId, seq, links: linked, keys });
  }
  await Promise.all([database.eventTokenLinks.bulkPut(records), database.eventTokenLinks.bulkDelete(cleared)]);
  return events.length;
}

/** What one batch of one file writes in the block layout, its events' seqs stamped. */
export interface BlockBatch {
  readonly blocks: EventBlock[];
  readonly postings: StoredPostingRow[];
  readonly textRows: EventTextRecord[];
  readonly nextSeq: number;
}

/**
 * The blocks, level-0 posting rows and free-text rows of a batch, numbered from `nextSeq` on. Stamps each row's seq
 * (and its facet keys') as the row layout's stampSeq does, so the aggregates and the caller see the stored numbers.
 */
export function blockBatch(
  ingest: { readonly id: string; readonly caseId: string; readonly fileId: string },
  rows: readonly PendingEvent[],
  texts: readonly string[],
  nextSeq: number,
): BlockBatch {
  // The blocks' order (time, ties in file order): sorted here once so rows, texts and events stay aligned.
  const order = rows.map((_, index) => index).sort((a, b) => rows[a]!.ts - rows[b]!.ts);
  const sorted = order.map((index) => rows[index]!);
  const built = blocksOfBatch(
    ingest.caseId,
    ingest.id,
    ingest.fileId,
    sorted.map((row) => row.event),
    nextSeq,
  );
  let at = 0;
  for (const block of built.blocks)
    block.events.forEach((_, offset) => {
      const row = sorted[at++]!;
      row.seq = block.block * BLOCK_EVENTS + offset;
      for (const key of row.facets) key[4] = row.seq;
    });
  const first = built.blocks[0];
  const postings = first
    ? levelZeroPostings(ingest.caseId, first.block, built.blocks).map((row) => ({ ...row, ingestId: ingest.id }))
    : [];
  const textRows = buildTextRows(
    ingest.caseId,
    ingest.id,
    sorted,
    order.map((index) => texts[index]!),
  );
  return { blocks: built.blocks, postings, textRows, nextSeq: built.nextSeq };
}

/** Writes a batch built by blockBatch; call inside a read-write transaction over eventTables(). */
export async function storeBlockBatch(database: TokentrailDatabase, batch: BlockBatch): Promise<void> {
  await Promise.all([
    database.eventBlocks.bulkAdd(batch.blocks.map(storedBlock)),
    database.eventPostings.bulkAdd(batch.postings),
  ]);
}

const postingKey = (row: StoredPostingRow): [string, string, number, number | string, number] => [
  row.caseId,
  row.facet,
  row.level,
  row.bucket,
  row.id,
];

/**
 * Merges an ingest's level-0 posting rows into level-1 rows, in one transaction of its own: a crash before it commits
 * leaves the level-0 rows, which every read still reads. The level-1 rows take the first merged batch's number, so
 * they are unique in the case.
 */
export async function compactIngestPostings(database: TokentrailDatabase, ingestId: string): Promise<void> {
  await database.transaction('rw', [database.eventPostings, database.ingests], async () => {
    const after = (await database.ingests.get(ingestId))?.compactedThrough ?? -Infinity;
    const rows = await database.eventPostings
      .where('[ingestId+level+id]')
      .between([ingestId, 0, after], [ingestId, 0, Dexie.maxKey], false, true)
      .toArray();
    const first = rows[0];
    let compactedThrough = after;
    if (first) {
      const id = rows.reduce((least, row) => Math.min(least, row.id), first.id);
      compactedThrough = rows.reduce((most, row) => Math.max(most, row.id), first.id);
      const merged = compactPostings(first.caseId, id, rows).map((row) => ({ ...row, ingestId }));
      await database.eventPostings.bulkAdd(merged);
      await database.eventPostings.bulkDelete(rows.map(postingKey));
    }
    await database.ingests.update(ingestId, {
      uncompactedBatches: 0,
      ...(Number.isFinite(compactedThrough) ? { compactedThrough } : {}),
    });
  });
}

/**
 * Removes up to about `limit` events of an ingest — whole blocks — with their token links, and returns them; call
 * inside a read-write transaction over eventTables(). The ingest's posting rows go with the last chunk (the one that
 * finds no block left): until then they still lead facet reads to the ingest's remaining events, and the entries of
 * removed ones name no event and are skipped (a crash in between leaves both as they were).
 */
export async function removeIngestBlocks(
  database: TokentrailDatabase,
  { caseId, id }: { readonly caseId: string; readonly id: string },
  limit: number,
): Promise<StoredEvent[]> {
  const blocks = await database.eventBlocks
    .where('ingestId')
    .equals(id)
    .limit(Math.max(1, Math.floor(limit / BLOCK_EVENTS)))
    .toArray();
  if (blocks.length === 0) {
    await database.eventPostings
      .where('[ingestId+level+id]')
      .between([id, Dexie.minKey, Dexie.minKey], [id, Dexie.maxKey, Dexie.maxKey])
      .delete();
    return [];
  }
  const numbers = blocks.map((block) => block.block);
  const links = await linksOfBlocks(database, caseId, numbers);
  const rows = blocks.flatMap((block) => blockRows(block, links));
  await Promise.all([
    database.eventBlocks.bulkDelete(numbers.map((block): [string, number] => [caseId, block])),
    database.eventTokenLinks.bulkDelete([...links.keys()].map((seq): [string, number] => [caseId, seq])),
  ]);
  return rows;
}

/** Deletes every block, posting row and token link of the case. */
export async function deleteCaseBlocks(database: TokentrailDatabase, caseId: string): Promise<number> {
  const [blocks] = await Promise.all([
    database.eventBlocks.where('[caseId+block]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).delete(),
    database.eventPostings
      .where('[caseId+facet+level+bucket+id]')
      .between(
        [caseId, Dexie.minKey, Dexie.minKey, Dexie.minKey, Dexie.minKey],
        [caseId, Dexie.maxKey, Dexie.maxKey, Dexie.maxKey, Dexie.maxKey],
      )
      .delete(),
    database.eventTokenLinks.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).delete(),
  ]);
  return blocks;
}
