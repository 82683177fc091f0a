// Whether an imported case's free-text rows are all in filter packs (event-text.ts). An archive made before schema v9
// holds one filter record per row, or none (before v8): its case must keep the search that reads the rows' keys,
// since a forward search that reads packs alone would not see those rows (records.ts, `textFiltersIncomplete`).
import type { TokentrailDatabase } from '../db/schema';

/** True when every text row of the case is named by a filter pack. Reads each record once, one at a time. */
export async function textRowsAllPacked(database: TokentrailDatabase, caseId: string): Promise<boolean> {
  const range = [
    [caseId, -Infinity, -Infinity],
    [caseId, Infinity, Infinity],
  ] as const;
  const textRows = await database.eventText
    .where('[caseId+start+firstSeq]')
    .between(...range)
    .count();
  let packedRows = 0;
  let oneRowRecords = 0;
  await database.eventTextFilters
    .where('[caseId+start+firstSeq]')
    .between(...range)
    .each((record) => {
      if (!record.rows) oneRowRecords += 1;
      else packedRows += record.rows.firstSeq.length;
    });
  return oneRowRecords === 0 && packedRows === textRows;
}
