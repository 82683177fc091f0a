// The timeline's store on real IndexedDB in Chromium. The keyset query against the plain definition of each filter:
// every plan (index range, intersected facet keys, packed free-text rows, the row-by-row search of pre-v5 cases), both
// directions, from a cursor, with a scan budget small enough to force partial pages, and after an ingest is removed.
// And the v4 → v5 upgrade. The page code (pages/timeline-store.page.ts) is bundled here and served from loopback, each
// test on a fresh profile.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { servePage, type ServedPage } from './page-bundle';

let served: ServedPage;

test.beforeAll(async () => {
  served = await servePage(path.join(path.dirname(fileURLToPath(import.meta.url)), 'pages/timeline-store.page.ts'));
});

test.afterAll(() => served?.close());

/** Runs `fn` in a page on a fresh profile. */
const inFreshProfile: ServedPage['inFreshProfile'] = (launchOptions, fn) => served.inFreshProfile(launchOptions, fn);

test('a v4 profile opens with its pre-v5 cases marked, its geolocation bytes moved intact and its custody chains anchored', async ({}, testInfo) => {
  const result = await inFreshProfile(testInfo.project.use.launchOptions, (page) =>
    page.evaluate(() =>
      (globalThis as unknown as { runUpgradeCheck(): Promise<{ headHash: string }> }).runUpgradeCheck(),
    ),
  );
  expect(result).toEqual({
    marked: ['with-events'],
    filtersIncomplete: ['with-events'],
    listingHasBytes: false,
    bytesIntact: true,
    listed: ['dbip-city-ipv4@2026-11-01'],
    anchors: {
      'with-events': { length: 2, headHash: result.headHash, anchoredBy: 'upgrade' },
      empty: { length: 0, headHash: '0'.repeat(64), anchoredBy: 'upgrade' },
    },
    headHash: result.headHash,
  });
});

// Batches of 97 events hold one text row each; batches of 1 000 several, whose filters share a record. Both layouts of
// the events: a row per event, and blocks with postings (issue 19), whose plans walk blocks or read postings.
for (const [seed, batch, layout] of [
  [1, 97, 'rows'],
  [2, 97, 'rows'],
  [1, 1_000, 'rows'],
  [1, 97, 'blocks'],
  [2, 97, 'blocks'],
  [1, 1_000, 'blocks'],
] as const) {
  const batches = batch === 97 ? '' : `, batches of ${batch}`;
  const blocks = layout === 'rows' ? '' : ', events in blocks';
  test(`every filter plan pages exactly the events the filter matches (seed ${seed}${batches}${blocks})`, async ({}, testInfo) => {
    testInfo.setTimeout(120_000);
    const result = await inFreshProfile(testInfo.project.use.launchOptions, (page) =>
      page.evaluate(
        (value) =>
          (
            globalThis as unknown as {
              runQueryChecks(
                seed: number,
                batch: number,
                layout: 'rows' | 'blocks',
              ): Promise<{
                checks: number;
                failures: string[];
                partialPages: number;
                textRows: number;
                allTextRows: number;
                textFilterRows: number;
                largestPack: number;
                filteredRows: number;
                unfilterableRows: number;
                rareRowsPassing: number;
                textRowsLeft: number;
                recordsWritten: number;
                filteredWritten: number;
                unfilterableWritten: number;
                absentReadAfterRecording: number;
                packedBefore: boolean;
                packedAfter: boolean;
                absentTextRowsRead: number;
                rareTextRowsRead: number;
                rareMatches: number;
              }>;
            }
          ).runQueryChecks(...value),
        [seed, batch, layout] as const,
      ),
    );
    expect(result.failures).toEqual([]);
    expect(result.checks).toBeGreaterThan(70);
    // The small budget really cut pages short, and the text rows exist.
    expect(result.partialPages).toBeGreaterThan(0);
    expect(result.textRows).toBeGreaterThan(20);
    // Every text row has a filter in a record, and most a trigram filter (not rows too small for one to pay, such as the
    // sparse file's single events): an absent needle read only the text of the rows without one, a rare one (about
    // 1 % of the events) only some rows'.
    expect(result.textFilterRows).toBe(result.allTextRows);
    // An ingest batch packs its rows' filters into one record (one value read speaks for many rows): the dense
    // file's batches of 1 000 events over 40 minutes hold 8 rows each.
    expect(result.largestPack).toBe(batch > 128 ? 8 : 1);
    expect(result.filteredRows).toBeGreaterThan(result.allTextRows / 4);
    // A needle in no event reads only the rows that have no filter, neither their own nor their pack's.
    expect(result.absentTextRowsRead).toBe(result.unfilterableRows);
    expect(result.rareMatches).toBeGreaterThan(0);
    expect(result.rareTextRowsRead).toBeGreaterThan(0);
    expect(result.rareTextRowsRead).toBeLessThan(result.allTextRows);
    // ... exactly the rows its pack's filter and then the row's own let through.
    expect(result.rareTextRowsRead).toBe(result.rareRowsPassing);
    // Every row was in a pack until one file's records were removed (as an archive from before v9 would be).
    expect([result.packedBefore, result.packedAfter]).toEqual([true, false]);
    // Rows whose filter records were lost (as rows stored before schema v8) got them back from the searches.
    expect(result.recordsWritten).toBe(result.textRowsLeft);
    expect(result.filteredWritten).toBeGreaterThan(result.textRowsLeft / 4);
    expect(result.absentReadAfterRecording).toBe(result.unfilterableWritten);
  });
}

test('a v10 block case opens with its blocks binned and its posting rows spanned, and pages as before', async ({}, testInfo) => {
  const result = await inFreshProfile(testInfo.project.use.launchOptions, (page) =>
    page.evaluate(() =>
      (globalThis as unknown as { runBlockUpgradeCheck(): Promise<Record<string, unknown>> }).runBlockUpgradeCheck(),
    ),
  );
  expect(result).toEqual({
    blocks: expect.any(Number),
    binsRight: true,
    binKeys: result.binKeysExpected,
    binKeysExpected: expect.any(Number),
    postings: expect.any(Number),
    spansRight: true,
    pagesRight: true,
    pageSizes: [300, 300, expect.any(Number)],
  });
  expect(result.blocks).toBeGreaterThan(15);
  expect(result.postings).toBeGreaterThan(10);
  expect((result.pageSizes as number[])[2]).toBeGreaterThan(100);
});

for (const seed of [1, 2]) {
  test(`a facet value's posting rows give its events in order from any position, rows of both levels overlapping (seed ${seed})`, async ({}, testInfo) => {
    testInfo.setTimeout(120_000);
    const result = await inFreshProfile(testInfo.project.use.launchOptions, (page) =>
      page.evaluate(
        (value) =>
          (
            globalThis as unknown as { runPostingWalkCheck(seed: number): Promise<Record<string, unknown>> }
          ).runPostingWalkCheck(value),
        seed,
      ),
    );
    expect(result).toEqual({ checks: 96, failures: [], levels: [0, 1], events: 2_700 });
  });
}

test('a case whose queued logs will not fit fails before it starts, saying the space needed and available', async ({}, testInfo) => {
  const result = await inFreshProfile(testInfo.project.use.launchOptions, (page) =>
    page.evaluate(() =>
      (globalThis as unknown as { runSpaceCheck(): Promise<Record<string, unknown>> }).runSpaceCheck(),
    ),
  );
  const queuedAll = { stored: 'running', big: 'queued', small: 'queued', elsewhere: 'queued' };
  expect(result).toEqual({
    roomy: false,
    noEstimate: false,
    afterRoomy: queuedAll,
    tight: true,
    // Both queued logs of the case are refused together (150 MiB of logs × 7 = 1050 MiB > 924 MiB left); the other
    // case's queue and the events already stored are untouched.
    afterTight: { ...queuedAll, big: 'failed', small: 'failed' },
    error:
      'Not enough storage space: parsing 2 log files (150 MiB) needs about 1.0 GiB and 924 MiB is available. ' +
      'Nothing was parsed and nothing was removed; free disk space or delete cases you no longer need, then Parse again',
    eventsKept: 3,
  });
});
