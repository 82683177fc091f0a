// Filter records for free-text rows stored before schema v8 (no rewrite at upgrade): a search that had to read such a
// row builds its record from the text (text-pages.ts), and this writes it after the page, so the next search can
// rule the row out. Written in the background, without holding the page: a write waits for any ingest transaction
// in progress, and the page must not. Best effort by design: a record not written only means the row is read again.
import type { EventTextFilterRecord } from '../db/event-text';
import type { TokentrailDatabase } from '../db/schema';

let written: Promise<void> = Promise.resolve();

/**
 * Writes the records whose text rows still exist (one removed with its ingest meanwhile gets none) and have no record
 * under their key yet (a record written meanwhile, by another search, is kept).
 */
export function recordTextFilters(database: TokentrailDatabase, records: readonly EventTextFilterRecord[]): void {
  written = written
    .then(() =>
      database.transaction('rw', [database.eventText, database.eventTextFilters], async () => {
        const keys = records.map((record): [string, number, number] => [record.caseId, record.start, record.firstSeq]);
        const [rows, existing] = await Promise.all([
          database.eventText.bulkGet(keys),
          database.eventTextFilters.bulkGet(keys),
        ]);
        await database.eventTextFilters.bulkPut(
          records.filter((_, index) => rows[index] !== undefined && existing[index] === undefined),
        );
      }),
    )
    .catch(() => undefined);
}

/** Settles once every record asked for so far is written (or given up): for tests. */
export function textFiltersRecorded(): Promise<void> {
  return written;
}
