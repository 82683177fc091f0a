// A block's events as the store gives events out (StoredEvent, with the row layout's facet keys and the analysis's
// token links merged in), for the block layout's reads (event-block-store.ts, event-block-walk.ts).
import { Dexie } from 'dexie';
import { BLOCK_EVENTS, type EventBlock } from './event-blocks';
import type { StoredEvent, StoredTokenLink } from './event-records';
import { buildEventRows, withTokenLinks, type PendingEvent } from './event-rows';
import type { TokentrailDatabase } from './schema';

export type Links = ReadonlyMap<number, readonly StoredTokenLink[]>;

/** The token links of every event of `blocks`: one key range per block, read in parallel. */
export async function linksOfBlocks(
  database: TokentrailDatabase,
  caseId: string,
  blocks: readonly number[],
): Promise<Links> {
  const ranges = await Promise.all(
    blocks.map((block) =>
      database.eventTokenLinks
        .where('[caseId+seq]')
        .between([caseId, block * BLOCK_EVENTS], [caseId, (block + 1) * BLOCK_EVENTS], true, false)
        .toArray(),
    ),
  );
  return new Map(ranges.flat().map((record) => [record.seq, record.links]));
}

/** The event at `offset` of `block`, as the row layout stores it (facet keys, links). */
export function eventOfBlock(block: EventBlock, offset: number, links: Links): StoredEvent | undefined {
  const event = block.events[offset];
  if (!event) return undefined;
  const [row] = buildEventRows(block.caseId, block.ingestId, block.fileId, [event]) as [PendingEvent];
  const seq = block.block * BLOCK_EVENTS + offset;
  row.seq = seq;
  for (const key of row.facets) key[4] = seq;
  const linked = links.get(seq);
  return linked ? withTokenLinks(row, linked) : row;
}

export const blockRows = (block: EventBlock, links: Links): StoredEvent[] =>
  block.events.map((_, offset) => eventOfBlock(block, offset, links)!);

/** True when any event of the case has token links: walks that find none skip reading them block by block. */
export async function caseHasTokenLinks(database: TokentrailDatabase, caseId: string): Promise<boolean> {
  const [first] = await database.eventTokenLinks
    .where('[caseId+seq]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
    .limit(1)
    .primaryKeys();
  return first !== undefined;
}
