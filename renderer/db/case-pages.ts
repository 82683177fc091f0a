// A case's rows of one table in pages, by keyset on its primary key [caseId+key]: a case may hold far more events
// or tokens than a worker should load at once, and offset() would rescan every earlier row for each page.
import { Dexie, type Table } from 'dexie';

/**
 * Every row of `caseId` in `table`, `pageSize` at a time, in `key` order (seq for events: import order; tokenHash
 * for tokens). The table's primary key must be `[caseId+key]`.
 */
export async function* casePages<Row extends { readonly caseId: string }, Key extends keyof Row & string>(
  table: Table<Row, [string, Row[Key]]>,
  key: Key,
  caseId: string,
  pageSize: number,
): AsyncGenerator<Row[]> {
  let after: Row[Key] | undefined;
  for (;;) {
    const page = await table
      .where(`[caseId+${key}]`)
      .between([caseId, after ?? Dexie.minKey], [caseId, Dexie.maxKey], after === undefined, true)
      .limit(pageSize)
      .toArray();
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]![key];
    if (page.length < pageSize) return;
  }
}
