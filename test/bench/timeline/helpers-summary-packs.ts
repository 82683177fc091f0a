// Packed block summaries, for the store-designs benchmark (bundled into its page): the time range, first sequence
// number, event count and few-valued facet counts of 256 blocks in one row of typed-array columns, so a case opens by
// reading a row per 65 536 events (16 rows at 1M, 153 at 10M) instead of a row per block; and, in a table of their
// own, the same blocks' trigram filters, read only when a free-text search reaches their time span.
import type { Table } from 'dexie';
import { BlockDatabase, type BlockSummary } from './helpers-block-store';
import type { PostingRow } from './helpers-postings';

/** Blocks per packed row (the segment the postings are flushed with, helpers-postings.ts). */
export const PACK_BLOCKS = 256;

/** The summaries of up to PACK_BLOCKS consecutive blocks, column by column (index i is block pack·256 + i). */
export interface SummaryPack {
  readonly caseId: string;
  readonly pack: number;
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly firstSeqs: Float64Array;
  readonly counts: Uint16Array;
  /** facet → value → events of that value per block. */
  readonly facetCounts: Readonly<Record<string, Readonly<Record<string, Uint16Array>>>>;
}

/** The trigram filters of the same blocks as the SummaryPack of the same number. */
export interface TextFilterPack {
  readonly caseId: string;
  readonly pack: number;
  readonly filters: readonly Uint8Array[];
}

/** The block store with packed summaries, packed text filters and postings (helpers-postings.ts). */
export class PackedBlockDatabase extends BlockDatabase {
  summaryPacks!: Table<SummaryPack, [string, number]>;
  textFilterPacks!: Table<TextFilterPack, [string, number]>;
  postings!: Table<PostingRow, unknown>;

  constructor(name: string) {
    super(name);
    // Dexie merges the stores of one version: these tables join the block store's own.
    this.version(1).stores({
      summaryPacks: '[caseId+pack]',
      textFilterPacks: '[caseId+pack]',
      postings: '[caseId+facet+value+lastTs+flush+part]',
    });
  }
}

/** Packs consecutive block summaries (their Bloom filters, if any, are left out: they are not read on opening). */
export function packSummaries(caseId: string, pack: number, summaries: readonly BlockSummary[]): SummaryPack {
  const size = summaries.length;
  const facetCounts: Record<string, Record<string, Uint16Array>> = {};
  summaries.forEach((summary, index) => {
    for (const [facet, perValue] of Object.entries(summary.counts)) {
      const columns = (facetCounts[facet] ??= {});
      for (const [value, count] of Object.entries(perValue)) (columns[value] ??= new Uint16Array(size))[index] = count;
    }
  });
  return {
    caseId,
    pack,
    starts: Float64Array.from(summaries, (summary) => summary.start),
    ends: Float64Array.from(summaries, (summary) => summary.end),
    firstSeqs: Float64Array.from(summaries, (summary) => summary.firstSeq),
    counts: Uint16Array.from(summaries, (summary) => summary.count),
    facetCounts,
  };
}

/** Opens a case: every packed row in order, unpacked to one summary per block (without filters); and the rows read. */
export async function readSummaryPacks(
  database: PackedBlockDatabase,
  caseId: string,
): Promise<{ summaries: BlockSummary[]; rows: number }> {
  const packs = await database.summaryPacks
    .where('[caseId+pack]')
    .between([caseId, -Infinity], [caseId, Infinity])
    .toArray();
  const summaries: BlockSummary[] = [];
  for (const pack of packs) {
    for (let index = 0; index < pack.counts.length; index += 1) {
      const counts: Record<string, Record<string, number>> = {};
      for (const [facet, columns] of Object.entries(pack.facetCounts)) {
        const perValue: Record<string, number> = (counts[facet] = {});
        for (const [value, column] of Object.entries(columns)) if (column[index]) perValue[value] = column[index]!;
      }
      summaries.push({
        caseId,
        start: pack.starts[index]!,
        end: pack.ends[index]!,
        firstSeq: pack.firstSeqs[index]!,
        count: pack.counts[index]!,
        counts,
        filters: {},
      });
    }
  }
  return { summaries, rows: packs.length };
}
