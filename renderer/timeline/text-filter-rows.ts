// The rows that filter records speak for, each with the finest filter worth reading for a needle (event-text.ts): a
// pack's own filter rules all its rows out at once; only for the packs it lets through are the rows' own filters read
// (one bulkGet for all of them), so a needle absent from the case reads ~1 B of filter per event, not ~8.
import { mayContainText } from '../../core/timeline';
import { filteredRows, type EventTextFilterRecord, type FilteredRow } from '../db/event-text';
import type { TokentrailDatabase } from '../db/schema';
import { filterable } from './text-row-source';

export async function rowsOfRecords(
  database: TokentrailDatabase,
  records: readonly EventTextFilterRecord[],
  needle: string,
): Promise<FilteredRow[]> {
  const passing = filterable(needle)
    ? records.filter((record) => record.rows && (!record.filter || mayContainText(record.filter, needle)))
    : [];
  const rowFilters =
    passing.length > 0
      ? await database.eventTextRowFilters.bulkGet(
          passing.map((record) => [record.caseId, record.start, record.firstSeq]),
        )
      : [];
  const refined = new Map(passing.map((record, index) => [record, rowFilters[index]]));
  return records.flatMap((record) => [...filteredRows(record, refined.get(record))]);
}
