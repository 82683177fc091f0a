// A block's events as the store gives events out (StoredEvent, with the row layout's facet keys and the analysis's
// token links merged in), for the block layout's reads (event-block-store.ts, event-block-walk.ts).
import { Dexie } from 'dexie';
import { blockEventCount, decodeBlockEvent } from '../../core/timeline';
import { BLOCK_EVENTS, type StoredEventBlock } from './event-blocks';
import type { StoredEvent, StoredTokenLink } from './event-records';
import { buildEventRows, withTokenLinks, type PendingEvent } from './event-rows';
import type { TokentrailDatabase } from './schema';

export type Links = ReadonlyMap<number, readonly StoredTokenLink[]>;

/**
 * The token links of every event of `blocks`: one key range per run of consecutive block numbers (an ingest's blocks
 * are numbered in a row, so a walk's blocks make few runs), read in parallel.
 */
export async function linksOfBlocks(
  database: TokentrailDatabase,
  caseId: string,
  blocks: readonly number[],
): Promise<Links> {
  const sorted = [...new Set(blocks)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const block of sorted) {
    const run = runs.at(-1);
    if (run && run[1] === block) run[1] = block + 1;
    else runs.push([block, block + 1]);
  }
  const ranges = await Promise.all(
    runs.map(([first, end]) =>
      database.eventTokenLinks
        .where('[caseId+seq]')
        .between([caseId, first * BLOCK_EVENTS], [caseId, end * BLOCK_EVENTS], true, false)
        .toArray(),
    ),
  );
  return new Map(ranges.flat().map((record) => [record.seq, record.links]));
}

/** The token links of the events numbered `seqs` (one request), or none when the case has no link at all. */
export async function linksOfSeqs(
  database: TokentrailDatabase,
  caseId: string,
  seqs: readonly number[],
): Promise<Links> {
  if (!(await caseHasTokenLinks(database, caseId))) return new Map();
  const records = await database.eventTokenLinks.bulkGet(seqs.map((seq): [string, number] => [caseId, seq]));
  return new Map(records.filter((record) => record !== undefined).map((record) => [record!.seq, record!.links]));
}

/** The event at `offset` of `block`, as the row layout stores it (facet keys, links). */
export function eventOfBlock(block: StoredEventBlock, offset: number, links: Links): StoredEvent | undefined {
  const event = decodeBlockEvent(block, offset);
  if (!event) return undefined;
  const [row] = buildEventRows(block.caseId, block.ingestId, block.fileId, [event]) as [PendingEvent];
  const seq = block.block * BLOCK_EVENTS + offset;
  row.seq = seq;
  for (const key of row.facets) key[4] = seq;
  const linked = links.get(seq);
  return linked ? withTokenLinks(row, linked) : row;
}

export const blockRows = (block: StoredEventBlock, links: Links): StoredEvent[] =>
  Array.from({ length: blockEventCount(block) }, (_, offset) => eventOfBlock(block, offset, links)!);

/** True when any event of the case has token links: walks that find none skip reading them block by block. */
export async function caseHasTokenLinks(database: TokentrailDatabase, caseId: string): Promise<boolean> {
  const [first] = await database.eventTokenLinks
    .where('[caseId+seq]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
    .limit(1)
    .primaryKeys();
  return first !== undefined;
}

/** The linked-token index keys [caseId, token, ts, seq] of `token`, or of every token when undefined. */
export async function tokenLinkKeys(
  database: TokentrailDatabase,
  caseId: string,
  token: string | undefined,
): Promise<[string, string, number, number][]> {
  const keys = await database.eventTokenLinks
    .where('keys')
    .between(
      [caseId, token ?? Dexie.minKey, Dexie.minKey, Dexie.minKey],
      [caseId, token ?? Dexie.maxKey, Dexie.maxKey, Dexie.maxKey],
    )
    .keys();
  return keys as unknown as [string, string, number, number][];
}
