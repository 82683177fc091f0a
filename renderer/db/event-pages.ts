// A case's stored events in pages, by keyset on the primary key [caseId+seq]: the case analysis reads every
// event once, and offset() would rescan every earlier row for each page. Seq order is import order; core/timeline
// sorts by time itself.
import { Dexie } from 'dexie';
import type { StoredEvent } from './event-records';
import type { TokentrailDatabase } from './schema';

/** Every event of a case, `pageSize` at a time. */
export async function* eventPages(database: TokentrailDatabase, caseId: string, pageSize: number): AsyncGenerator<StoredEvent[]> {
  let after: number | undefined;
  for (;;) {
    const page = await database.authEvents
      .where('[caseId+seq]')
      .between([caseId, after ?? Dexie.minKey], [caseId, Dexie.maxKey], after === undefined, true)
      .limit(pageSize)
      .toArray();
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.seq;
    if (page.length < pageSize) return;
  }
}
