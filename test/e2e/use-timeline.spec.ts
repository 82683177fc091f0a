// The timeline list's hook over a page source the test holds: a batch committed while the window was being read
// must not leave the list short of the case's count (renderer/timeline/use-timeline.ts; a CI run once listed 9 of 13).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { servePage, type ServedPage } from './page-bundle';

let served: ServedPage;

test.beforeAll(async () => {
  served = await servePage(path.join(path.dirname(fileURLToPath(import.meta.url)), 'pages/use-timeline.page.ts'));
});

test.afterAll(() => served?.close());

test('a count that moves on during a read makes the list read again when the read ends', async ({}, testInfo) => {
  const result = await served.inFreshProfile(testInfo.project.use.launchOptions, (page) =>
    page.evaluate(() =>
      (
        globalThis as unknown as {
          runCountMovedDuringRead(): Promise<{
            readsWhileHeld: number;
            reads: number;
            rowsShown: number;
            loading: boolean;
          }>;
        }
      ).runCountMovedDuringRead(),
    ),
  );
  expect(result.readsWhileHeld).toBe(1);
  expect(result).toEqual({ readsWhileHeld: 1, reads: 2, rowsShown: 13, loading: false });
});
