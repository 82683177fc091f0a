// Free text over the whole case with the trigram filters, for the store-designs benchmark (bundled into its page): a
// time span's packed filters are read, and only the blocks they cannot rule out have their text read and searched
// (scanText, the same search the designs without filters run on every block).
import { scanText, type BlockSummary } from './helpers-block-store';
import { PACK_BLOCKS, type PackedBlockDatabase } from './helpers-summary-packs';
import { mayContainText } from '../../../core/timeline/trigram-filter';

/** How often `needle` occurs in the case, how many blocks' texts were read, and how many filter rows. */
export async function filteredTextSearch(
  database: PackedBlockDatabase,
  caseId: string,
  summaries: readonly BlockSummary[],
  needle: string,
): Promise<{ found: number; blocksRead: number; filterRows: number }> {
  let found = 0;
  let blocksRead = 0;
  let filterRows = 0;
  for (let pack = 0; pack * PACK_BLOCKS < summaries.length; pack += 1) {
    const row = await database.textFilterPacks.get([caseId, pack]);
    if (!row) throw new Error(`text filters of pack ${pack} missing`);
    filterRows += 1;
    const candidates = summaries
      .slice(pack * PACK_BLOCKS, (pack + 1) * PACK_BLOCKS)
      .filter((_, index) => mayContainText(row.filters[index]!, needle));
    blocksRead += candidates.length;
    if (candidates.length > 0) found += await scanText(database, candidates, needle);
  }
  return { found, blocksRead, filterRows };
}
