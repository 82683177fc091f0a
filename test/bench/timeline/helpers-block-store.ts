// A prototype of the block store issue 19 proposes, for the store-designs benchmark only (bundled into its page):
// events written in time order as blocks of N per row, each with a small summary (time range, counts of the
// few-valued facets, Bloom filters of the identifier facets) that a query reads first to choose which blocks to
// open, and the blocks' free-text column in a table of its own so a text scan never deserializes events. Blocks are
// stored either as structured-clone objects or as deflated JSON (CompressionStream). Not the app's schema.
import Dexie, { type Table } from 'dexie';
import type { AuthEvent } from '../../../core/sources';
import { facetValues, searchText, type EventFacet } from '../../../core/timeline';
import { bloomAdd, bloomBits, bloomHas, fnv1a } from '../../../core/util/bloom';

/** Two hashes of a whole string: the first and the (odd, so every probe differs) step of double hashing. */
function hashPair(value: string): [number, number] {
  return [fnv1a(value, 0, value.length), fnv1a(value, 0, value.length, 0x01000193, 0x5bd1e995) | 1];
}

/** Facets with few values: counted per block (a query skips blocks whose count is 0). */
const COUNTED: readonly EventFacet[] = ['kind', 'country', 'file', 'appVersion'];
/** Facets with many values: a Bloom filter per block (a query skips blocks the filter rules out). */
const FILTERED: readonly EventFacet[] = ['subject', 'ip', 'token', 'session'];
/** Bits per distinct value: with 3 hashes, about 1.7 % false positives. */
const BITS_PER_VALUE = 12;

export type BlockEncoding = 'objects' | 'deflate';

type BlockKey = [string, number, number];

export interface BlockSummary {
  readonly caseId: string;
  readonly start: number;
  readonly firstSeq: number;
  readonly end: number;
  readonly count: number;
  readonly counts: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly filters: Readonly<Record<string, Uint8Array>>;
}

interface BlockRow {
  readonly caseId: string;
  readonly start: number;
  readonly firstSeq: number;
  readonly events?: readonly AuthEvent[];
  readonly bytes?: Uint8Array;
}

interface TextRow {
  readonly caseId: string;
  readonly start: number;
  readonly firstSeq: number;
  readonly text?: string;
  readonly bytes?: Uint8Array;
}

export class BlockDatabase extends Dexie {
  blocks!: Table<BlockRow, BlockKey>;
  blockText!: Table<TextRow, BlockKey>;
  summaries!: Table<BlockSummary, BlockKey>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      blocks: '[caseId+start+firstSeq]',
      blockText: '[caseId+start+firstSeq]',
      summaries: '[caseId+start+firstSeq]',
    });
  }
}

function bloomOf(values: ReadonlySet<string>): Uint8Array {
  const filter = new Uint8Array(bloomBits(values.size, BITS_PER_VALUE) / 8);
  for (const value of values) bloomAdd(filter, ...hashPair(value), 3);
  return filter;
}

/** False when the block certainly holds no event with this value. */
export function mayContain(filter: Uint8Array, value: string): boolean {
  return bloomHas(filter, ...hashPair(value), 3);
}

function summarize(
  caseId: string,
  fileId: string,
  events: readonly AuthEvent[],
  firstSeq: number,
  filtered: readonly EventFacet[],
): BlockSummary {
  const counts: Record<string, Record<string, number>> = {};
  for (const facet of COUNTED) {
    const perValue: Record<string, number> = (counts[facet] = {});
    for (const event of events)
      for (const value of facetValues(event, fileId, facet)) perValue[value] = (perValue[value] ?? 0) + 1;
  }
  const filters: Record<string, Uint8Array> = {};
  for (const facet of filtered) {
    const values = new Set<string>();
    for (const event of events) for (const value of facetValues(event, fileId, facet)) values.add(value);
    filters[facet] = bloomOf(values);
  }
  return {
    caseId,
    start: events[0]!.ts ?? 0,
    firstSeq,
    end: events.at(-1)!.ts ?? 0,
    count: events.length,
    counts,
    filters,
  };
}

async function deflate(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function inflate(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

/** A block ready to write, and the time its encoding took. */
export interface EncodedBlock {
  readonly block: BlockRow;
  readonly text: TextRow;
  readonly summary: BlockSummary;
}

/**
 * Sorts one batch by time, summarizes it and encodes it (outside any transaction). `filtered` are the facets given a
 * Bloom filter in the summary (a design that indexes them otherwise passes none).
 */
export async function encodeBlock(
  caseId: string,
  fileId: string,
  batch: readonly AuthEvent[],
  firstSeq: number,
  encoding: BlockEncoding,
  filtered: readonly EventFacet[] = FILTERED,
): Promise<EncodedBlock> {
  const events = [...batch].sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
  const summary = summarize(caseId, fileId, events, firstSeq, filtered);
  const key = { caseId, start: summary.start, firstSeq };
  const text = events.map(searchText).join('\u0000');
  if (encoding === 'objects') return { block: { ...key, events }, text: { ...key, text }, summary };
  const [bytes, textBytes] = await Promise.all([deflate(JSON.stringify(events)), deflate(text)]);
  return { block: { ...key, bytes }, text: { ...key, bytes: textBytes }, summary };
}

/**
 * Writes one block, its text and (unless `withSummary` is false: a design that packs summaries writes them later, many
 * to a row) its summary in one transaction.
 */
export async function writeBlock(database: BlockDatabase, encoded: EncodedBlock, withSummary = true): Promise<void> {
  const tables = withSummary
    ? [database.blocks, database.blockText, database.summaries]
    : [database.blocks, database.blockText];
  await database.transaction('rw', tables, () =>
    Promise.all([
      database.blocks.add(encoded.block),
      database.blockText.add(encoded.text),
      ...(withSummary ? [database.summaries.add(encoded.summary)] : []),
    ]),
  );
}

/** The case's summaries in time order: what opening a case would read (a few bytes per event). */
export async function readSummaries(database: BlockDatabase, caseId: string): Promise<BlockSummary[]> {
  return database.summaries
    .where('[caseId+start+firstSeq]')
    .between([caseId, -Infinity, -Infinity], [caseId, Infinity, Infinity])
    .toArray();
}

/** One block's events, in time order. */
export async function openBlock(database: BlockDatabase, summary: BlockSummary): Promise<readonly AuthEvent[]> {
  const row = await database.blocks.get([summary.caseId, summary.start, summary.firstSeq]);
  if (!row) throw new Error('block missing');
  return row.events ?? (JSON.parse(await inflate(row.bytes!)) as AuthEvent[]);
}

/**
 * A page of up to `limit` events from time `from` on (or the last `limit` events when `from` is Infinity),
 * optionally of one facet value: summaries choose the blocks, only those are opened. Blocks of one file do not
 * overlap in time; several files would need the merge the text rows already do (renderer/timeline/text-pages.ts).
 */
export async function blockPage(
  database: BlockDatabase,
  summaries: readonly BlockSummary[],
  fileId: string,
  request: { readonly from: number; readonly limit: number; readonly facet?: [EventFacet, string] },
): Promise<{ events: AuthEvent[]; blocksOpened: number }> {
  const events: AuthEvent[] = [];
  let blocksOpened = 0;
  const wanted = (summary: BlockSummary) => {
    if (!request.facet) return true;
    const [facet, value] = request.facet;
    const filter = summary.filters[facet];
    return filter ? mayContain(filter, value) : (summary.counts[facet]?.[value] ?? 0) > 0;
  };
  const matches = (event: AuthEvent) =>
    !request.facet || facetValues(event, fileId, request.facet[0]).includes(request.facet[1]);
  if (request.from === Infinity) {
    for (let index = summaries.length - 1; index >= 0 && events.length < request.limit; index -= 1) {
      if (!wanted(summaries[index]!)) continue;
      blocksOpened += 1;
      const block = (await openBlock(database, summaries[index]!)).filter(matches);
      events.unshift(...block.slice(Math.max(0, block.length - (request.limit - events.length))));
    }
    return { events, blocksOpened };
  }
  // The first block that may hold `from`: a binary search on the blocks' ends.
  let low = 0;
  let high = summaries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (summaries[middle]!.end < request.from) low = middle + 1;
    else high = middle;
  }
  for (let index = low; index < summaries.length && events.length < request.limit; index += 1) {
    if (!wanted(summaries[index]!)) continue;
    blocksOpened += 1;
    for (const event of await openBlock(database, summaries[index]!)) {
      if ((event.ts ?? 0) >= request.from && matches(event)) events.push(event);
      if (events.length === request.limit) break;
    }
  }
  return { events, blocksOpened };
}

/** Free text over the whole case: every block's text column searched; returns how many times the needle occurs. */
export async function scanText(
  database: BlockDatabase,
  summaries: readonly BlockSummary[],
  needle: string,
): Promise<number> {
  let found = 0;
  // Eight blocks per read: one request each would wait a round trip per block.
  for (let first = 0; first < summaries.length; first += 8) {
    const keys = summaries
      .slice(first, first + 8)
      .map((summary): BlockKey => [summary.caseId, summary.start, summary.firstSeq]);
    for (const row of await database.blockText.bulkGet(keys)) {
      if (!row) throw new Error('text missing');
      const text = row.text ?? (await inflate(row.bytes!));
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) found += 1;
    }
  }
  return found;
}
