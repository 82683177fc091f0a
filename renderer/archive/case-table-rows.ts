// Reading and writing one case's rows of ANY table of the store, found from the table's own schema: a table keyed
// by [caseId+…] (or by caseId) is paged by its primary key; a table with a `caseId` index is read by the primary
// keys that index lists. So a table added to caseTables() later is archived without touching this file, and a table
// that offers neither is refused loudly instead of being skipped.
import { Dexie, type Table } from 'dexie';

/** Rows per page when a table is read for an archive. */
export const ARCHIVE_PAGE_ROWS = 2000;

type Row = Record<string, unknown>;
type AnyTable = Table<Row, unknown>;

/** How one table's rows of a case are found. */
type CaseAccess =
  | { readonly by: 'primary-key'; readonly parts: number }
  | { readonly by: 'case-id-index' }
  | { readonly by: 'case-record' };

/** The table that holds the case records themselves, keyed by the case id. */
export const CASE_RECORD_TABLE = 'cases';

/** How `table` holds a case's rows; throws for a table that has no way to find them. */
export function caseAccess(table: AnyTable): CaseAccess {
  if (table.name === CASE_RECORD_TABLE) return { by: 'case-record' };
  const keyPath = table.schema.primKey.keyPath;
  if (keyPath === 'caseId') return { by: 'primary-key', parts: 1 };
  if (Array.isArray(keyPath) && keyPath[0] === 'caseId') return { by: 'primary-key', parts: keyPath.length };
  if (table.schema.idxByName.caseId) return { by: 'case-id-index' };
  throw new Error(
    `the table "${table.name}" has neither a [caseId+…] key nor a caseId index, so no case's rows can be found in it`,
  );
}

function bounds(caseId: string, parts: number): [unknown, unknown] {
  if (parts === 1) return [caseId, caseId];
  const rest = parts - 1;
  return [
    [caseId, ...Array<unknown>(rest).fill(Dexie.minKey)],
    [caseId, ...Array<unknown>(rest).fill(Dexie.maxKey)],
  ];
}

/**
 * Every row of `caseId` in `table`, page by page (each page its own short read, so the store is never held open and
 * memory holds one page). Primary-key tables are paged by keyset (from the last key, never offset()); index tables
 * list the case's primary keys once (keys only) and fetch them a page at a time.
 */
export async function* caseTableRows(
  table: AnyTable,
  caseId: string,
  pageRows = ARCHIVE_PAGE_ROWS,
): AsyncGenerator<Row> {
  const access = caseAccess(table);
  if (access.by === 'case-record') {
    const record = await table.get(caseId);
    if (record) yield record;
    return;
  }
  if (access.by === 'case-id-index') {
    const keys = await table.where('caseId').equals(caseId).primaryKeys();
    for (let at = 0; at < keys.length; at += pageRows)
      for (const row of await table.bulkGet(keys.slice(at, at + pageRows))) if (row) yield row;
    return;
  }
  const [lower, upper] = bounds(caseId, access.parts);
  let from = lower;
  let includeFrom = true;
  for (;;) {
    const page = await table.where(':id').between(from, upper, includeFrom, true).limit(pageRows).toArray();
    for (const row of page) yield row;
    if (page.length < pageRows) return;
    from =
      table.schema.primKey.keyPath === 'caseId'
        ? caseId
        : keyOf(page.at(-1)!, table.schema.primKey.keyPath as string[]);
    includeFrom = false;
  }
}

function keyOf(row: Row, keyPath: readonly string[]): unknown[] {
  return keyPath.map((part) => row[part]);
}
