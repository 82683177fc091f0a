// The case's event store (renderer/db/event-store.ts) on real IndexedDB in Chromium: each read against its plain
// definition over the events the test wrote — by seq, the whole case in import and in time order, the latest event,
// a facet value's events and times, a facet's distinct values — as written, after token links are set and some
// cleared, after two ingests are removed and after the case is deleted, with another case beside it that no read may show. The contract a
// new physical layout of the events (issue 19's blocks) has to keep.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { servePage, type ServedPage } from './page-bundle';

let served: ServedPage;

test.beforeAll(async () => {
  served = await servePage(path.join(path.dirname(fileURLToPath(import.meta.url)), 'pages/event-store.page.ts'));
});

test.afterAll(() => served?.close());

for (const [seed, layout] of [
  [1, 'rows'],
  [2, 'rows'],
  [1, 'blocks'],
  [2, 'blocks'],
] as const) {
  test(`every event-store read gives exactly its plain definition, through links, removal and deletion (${layout}, seed ${seed})`, async ({}, testInfo) => {
    testInfo.setTimeout(120_000);
    const result = await served.inFreshProfile(testInfo.project.use.launchOptions, (page) =>
      page.evaluate(
        (value) =>
          (
            globalThis as unknown as {
              runEventStoreChecks(
                seed: number,
                layout: 'rows' | 'blocks',
              ): Promise<{
                checks: number;
                failures: string[];
                written: number;
                linked: number;
                bulkChunks: number[];
                postings: { levelZero: number; levelOne: number };
                stored: { rows: number; blocks: number };
                otherKept: boolean;
              }>;
            }
          ).runEventStoreChecks(...value),
        [seed, layout] as const,
      ),
    );
    expect(result.failures).toEqual([]);
    // Five rounds of the reads, each with one check per facet value (a dozen subjects, three tokens…).
    expect(result.checks).toBeGreaterThan(200);
    // Every linked event was written; the seq with no event was skipped.
    expect(result.written).toBe(result.linked);
    // More links than one transaction writes (1 000), and a removal in more than one chunk (5 000 events each) plus the
    // small ingest's one.
    expect(result.linked).toBeGreaterThan(1_000);
    if (layout === 'rows') {
      expect(result.bulkChunks).toEqual([5_000, 5_200, 5_200]);
      expect(result.postings).toEqual({ levelZero: 0, levelOne: 0 });
    } else {
      // Whole blocks: 39 (5 000 ÷ 128) of the ingest's 54 blocks of 97 events, then the other 15.
      expect(result.bulkChunks).toEqual([39 * 97, 5_200, 5_200]);
      // Reads went through both posting levels: compacted ingests (level 1) and bulk's last batches (level 0).
      expect(result.postings.levelZero).toBeGreaterThan(0);
      expect(result.postings.levelOne).toBeGreaterThan(0);
    }
    // Only the other case's three events are left, in the case's layout: two blocks, as its untimed event sorts more than
    // a block's span before the two timed ones.
    expect(result.stored).toEqual(layout === 'rows' ? { rows: 3, blocks: 0 } : { rows: 0, blocks: 2 });
    expect(result.otherKept).toBe(true);
  });
}
