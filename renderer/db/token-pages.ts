// The tokens of a case in pages, by keyset on the primary key [caseId+tokenHash]: a case may hold far more
// tokens than a worker should load at once, and offset() would rescan every earlier row for each page.
import { Dexie } from 'dexie';
import type { TokenRecord } from './records';
import type { TokentrailDatabase } from './schema';

/** Every token of a case, `pageSize` at a time, in tokenHash order. */
export async function* tokenPages(database: TokentrailDatabase, caseId: string, pageSize: number): AsyncGenerator<TokenRecord[]> {
  let after: string | undefined;
  for (;;) {
    const lower: [string, string | typeof Dexie.minKey] = [caseId, after ?? Dexie.minKey];
    const page = await database.tokens
      .where('[caseId+tokenHash]')
      .between(lower, [caseId, Dexie.maxKey], after === undefined, true)
      .limit(pageSize)
      .toArray();
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.tokenHash;
    if (page.length < pageSize) return;
  }
}
