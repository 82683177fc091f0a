// The bulk annotation's writes on real IndexedDB in Chromium (pages/bulk-annotation-store.page.ts): an item annotated
// before or during a bulk job gets the job's revision after its own, never a colliding one, whichever way the job read
// the batch's stored states (the keys of the batch's range, or every key when the range holds more than the batch).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { EventHistory } from './pages/bulk-annotation-store.page';
import { servePage, type ServedPage } from './page-bundle';

let served: ServedPage;

test.beforeAll(async () => {
  served = await servePage(
    path.join(path.dirname(fileURLToPath(import.meta.url)), 'pages/bulk-annotation-store.page.ts'),
  );
});

test.afterAll(() => served?.close());

test('a bulk tag numbers each item after its last revision, for items annotated before and during the job', async ({}, testInfo) => {
  const result = await served.inFreshProfile(testInfo.project.use.launchOptions, (page) =>
    page.evaluate(() =>
      (
        globalThis as unknown as {
          runBulkRevisionCheck(): Promise<{
            written: number;
            agrees: boolean[];
            histories: Record<string, EventHistory>;
          }>;
        }
      ).runBulkRevisionCheck(),
    ),
  );
  expect(result.agrees).toEqual([true, true, true, true, true]);
  expect(result.written).toBe(40);
  const fresh = { revs: [0], bulkRev: 0, bulkBeforeNote: undefined, stateRev: 0, tags: ['exfil'] };
  const annotatedOnce = (text: string) => ({
    revs: [0, 1],
    bulkRev: 1,
    bulkBeforeNote: text,
    stateRev: 1,
    tags: ['exfil'],
  });
  const expected: Record<string, EventHistory> = {};
  for (let id = 0; id < 40; id += 1) expected[id] = fresh;
  for (const id of [3, 25, 30, 31, 32, 33]) expected[id] = annotatedOnce(`before ${id}`);
  // Emptied before the job: its state row says revision 1, so the bulk tag is revision 2 (a new annotation).
  expected[13] = { revs: [0, 1, 2], bulkRev: 2, bulkBeforeNote: undefined, stateRev: 2, tags: ['exfil'] };
  expected[14] = annotatedOnce('during the job');
  expect(result.histories).toEqual(expected);
});
