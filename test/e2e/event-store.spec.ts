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

for (const seed of [1, 2]) {
  test(`every event-store read gives exactly its plain definition, through links, removal and deletion (seed ${seed})`, async ({}, testInfo) => {
    testInfo.setTimeout(120_000);
    const result = await served.inFreshProfile(testInfo.project.use.launchOptions, (page) =>
      page.evaluate(
        (value) =>
          (
            globalThis as unknown as {
              runEventStoreChecks(seed: number): Promise<{
                checks: number;
                failures: string[];
                written: number;
                linked: number;
                bulkChunks: number[];
                otherKept: boolean;
              }>;
            }
          ).runEventStoreChecks(value),
        seed,
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
    expect(result.bulkChunks).toEqual([5_000, 5_200, 5_200]);
    expect(result.otherKept).toBe(true);
  });
}
