// The journal of every action (#14 §2): renaming a case, discarding evidence, a bulk annotation and exporting the
// journal each appear with the investigator and a digest; the filters narrow it; *Verify chain* says intact, and
// names the entry an insider rewrote in IndexedDB. And a bulk tag of a filtered timeline (#14 §1) that is cancelled
// keeps the batch it wrote, says so, and is all still there after a restart.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createCase, importEvidence, LOOSE_HAR, openCaseFromList, SAMPLE_BUNDLE, signIn } from './app-actions';

/** Events of the bulk test's log that its IP filter keeps. */
const MATCHED = 27_000;

const journalRows = (page: Page, action: string) => page.locator(`[data-testid=journal-row][data-action=${action}]`);

/** Rewrites one stored custody entry's detail (not its hash), as an insider with the profile in hand would. */
function rewriteCustodyEntry(seq: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('tokentrail');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const database = open.result;
      const write = database.transaction('custody', 'readwrite');
      const store = write.objectStore('custody');
      const keys = store.getAllKeys();
      keys.onsuccess = () => {
        const key = (keys.result as [string, number][]).find((candidate) => candidate[1] === seq)!;
        const entry = store.get(key);
        entry.onsuccess = () => store.put({ ...entry.result, detail: 'nothing to see here' });
      };
      write.oncomplete = () => {
        database.close();
        resolve();
      };
      write.onerror = () => reject(write.error);
    };
  });
}

/** Waits until every ingest of the open case is done (the Timeline tab's sources). */
async function ingestsDone(page: Page, count: number): Promise<void> {
  await page.getByTestId('tab-timeline').click();
  await expect(page.locator('[data-testid=ingest-row][data-status=complete]')).toHaveCount(count, {
    timeout: 180_000,
  });
}

test('every action is journaled with investigator and digest, filters narrow it, Verify chain names a rewritten entry', async ({
  app,
}) => {
  const page = app.page;
  await signIn(page);
  await createCase(page, 'Journal case');
  await importEvidence(page, 'zip', SAMPLE_BUNDLE, 'verified');
  await importEvidence(page, 'files', LOOSE_HAR, 'generated');
  await ingestsDone(page, 5);
  const eventsBefore = Number((await page.getByTestId('timeline-count').textContent())!.split(' ')[0]);

  // Rename the case.
  await page.getByTestId('case-rename').click();
  await page.getByTestId('case-rename-input').fill('Journal case (renamed)');
  await page.getByTestId('case-rename-save').click();
  await expect(page.getByTestId('case-title')).toHaveText('Journal case (renamed)');

  // Discard the HAR added by mistake: kept, marked, its events gone from the timeline.
  await page.getByTestId('tab-evidence').click();
  const har = page.locator('[data-testid=evidence-file-row][data-path="capture.har"]');
  await har.getByTestId('evidence-file-discard').click();
  await expect(page.getByTestId('discard-accept')).toBeDisabled();
  await page.getByTestId('discard-reason').fill('added to the wrong case');
  await page.getByTestId('discard-accept').click();
  await expect(har).toHaveAttribute('data-discarded', 'true');
  await expect(har.getByTestId('evidence-file-discarded')).toContainText('added to the wrong case');
  await expect(page.getByTestId('evidence-file-row')).toHaveCount(8);
  await page.getByTestId('tab-timeline').click();
  // The count is re-queried when the tab opens: poll it rather than read the first text shown.
  await expect
    .poll(async () => Number((await page.getByTestId('timeline-count').textContent())!.split(' ')[0]))
    .toBeLessThan(eventsBefore);

  // Star every token.
  await page.getByTestId('tab-tokens').click();
  const tokenBar = page.getByTestId('bulk-token');
  await tokenBar.getByTestId('bulk-open').click();
  await tokenBar.getByTestId('bulk-operation').selectOption('star');
  await tokenBar.getByTestId('bulk-apply').click();
  await expect(tokenBar.getByTestId('bulk-result')).toHaveAttribute('data-status', 'complete');

  // The journal: each action once, by Casey Examiner, with a digest.
  await page.getByTestId('tab-journal').click();
  for (const action of ['case-renamed', 'evidence-discarded', 'bulk-annotation']) {
    const row = journalRows(page, action);
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('journal-investigator')).toHaveText('Casey Examiner');
    await expect(row.getByTestId('journal-digest')).toHaveAttribute('title', /^[0-9a-f]{64}$/);
  }
  await expect(journalRows(page, 'case-renamed')).toContainText(
    'renamed from "Journal case" to "Journal case (renamed)"',
  );
  await expect(journalRows(page, 'evidence-discarded')).toContainText('added to the wrong case');
  await expect(journalRows(page, 'evidence-discarded')).toContainText('file:');
  await expect(journalRows(page, 'bulk-annotation')).toContainText('starred on');
  await expect(journalRows(page, 'import')).toHaveCount(2);

  // Filters: by action, by investigator, by time.
  const all = await page.getByTestId('journal-row').count();
  await page.getByTestId('journal-filter-action').selectOption('import');
  await expect(page.getByTestId('journal-row')).toHaveCount(2);
  await page.getByTestId('journal-filter-action').selectOption('');
  await page.getByTestId('journal-filter-investigator').selectOption('Casey Examiner');
  await expect(page.getByTestId('journal-row')).toHaveCount(all);
  await page.getByTestId('journal-filter-from').fill('2099-01-01 00:00');
  await page.getByTestId('journal-filter-apply').click();
  await expect(page.getByTestId('journal-empty')).toBeVisible();
  await page.getByTestId('journal-filter-from').fill('');
  await page.getByTestId('journal-filter-apply').click();
  await expect(page.getByTestId('journal-row')).toHaveCount(all);

  // Verify: intact.
  await page.getByTestId('journal-verify').click();
  await expect(page.getByTestId('journal-chain-status')).toHaveAttribute('data-intact', 'true');
  await expect(page.getByTestId('journal-chain-status')).toContainText(`${all} entries`);

  // Export: the file holds every entry as canonical JSON, and the export is journaled with the file's SHA-256.
  const download = page.waitForEvent('download');
  await page.getByTestId('journal-export').click();
  const saved = await (await download).path();
  const bytes = await readFile(saved);
  const lines = bytes.toString('utf8').trim().split('\n');
  expect(lines).toHaveLength(all);
  expect(lines.map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual([...Array(all).keys()]);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await expect(page.getByTestId('journal-export-result')).toContainText(sha256);
  await expect(journalRows(page, 'export')).toHaveCount(1);
  await expect(journalRows(page, 'export').getByTestId('journal-digest')).toHaveAttribute('title', sha256);

  // An insider rewrites entry #2 in IndexedDB: Verify chain names it.
  await page.evaluate(rewriteCustodyEntry, 2);
  await page.getByTestId('journal-verify').click();
  const status = page.getByTestId('journal-chain-status');
  await expect(status).toHaveAttribute('data-intact', 'false');
  await expect(status).toContainText('Chain broken at entry #2');
});

test('a bulk tag of a filtered timeline, cancelled, keeps the batch it wrote and says so; all of it survives a restart', async ({
  app,
}) => {
  // A loaded 2-core machine ingests ~700 lines/s: generous limits, so only behaviour fails the test, never pace.
  test.setTimeout(420_000);
  const dir = await mkdtemp(path.join(tmpdir(), 'tokentrail-bulk-'));
  const log = path.join(dir, 'edge-access.log');
  // 30 000 requests, nine in ten from 203.0.113.1: the filter matches 27 000 (MATCHED), six batches of at most 5 000.
  const line = (index: number) =>
    `203.0.113.${index % 10 === 0 ? 2 : 1} - - [18/Nov/2026:09:${String(Math.floor(index / 1000) % 60).padStart(2, '0')}:00 +0000] "GET /orders/${index} HTTP/1.1" 200 512 "-" "curl/8.5.0"\n`;
  await writeFile(log, Array.from({ length: 30_000 }, (_, index) => line(index)).join(''));
  try {
    const page = app.page;
    await signIn(page);
    await createCase(page, 'Bulk case');
    await importEvidence(page, 'files', log, 'generated');
    await ingestsDone(page, 1);
    await page.getByTestId('filter-ip').fill('203.0.113.1');
    await page.getByTestId('filter-apply').click();
    await expect(page.getByTestId('timeline-status')).toContainText('matching the filters');

    const bar = page.getByTestId('bulk-event');
    await bar.getByTestId('bulk-open').click();
    await bar.getByTestId('bulk-tag').fill('exfil');
    await bar.getByTestId('bulk-apply').click();
    // Cancel once the first batch (5 000) is written. The job has 27 000 to go through, six batches of a
    // transaction each: the cancel lands long before the last one, after which whole batches only are kept.
    const progress = bar.getByTestId('bulk-progress');
    await expect(progress).not.toHaveAttribute('data-written', '0', { timeout: 120_000 });
    await bar.getByTestId('bulk-cancel').click();
    const result = bar.getByTestId('bulk-result');
    await expect(result).toHaveAttribute('data-status', 'cancelled', { timeout: 120_000 });
    const kept = Number(await result.getAttribute('data-written'));
    expect(kept % 5000).toBe(0);
    expect(kept).toBeGreaterThanOrEqual(5000);
    expect(kept).toBeLessThan(MATCHED);
    await expect(result).toContainText(`${kept} events written before the cancel are kept`);

    // Again, to the end: those already tagged are matched but not written twice.
    await bar.getByTestId('bulk-open').click();
    await bar.getByTestId('bulk-tag').fill('exfil');
    await bar.getByTestId('bulk-apply').click();
    await expect(result).toHaveAttribute('data-status', 'complete', { timeout: 120_000 });
    await expect(result).toHaveAttribute('data-written', String(MATCHED - kept));
    await expect(result).toContainText(`${MATCHED} matched`);

    await app.restart();
    await openCaseFromList(app.page, 'Bulk case');
    // Straight from the store: every matched event tagged once, each one from 203.0.113.1, under the two bulk ids.
    const stored = await app.page.evaluate(
      () =>
        new Promise<{ tagged: number; fromOtherIp: number; bulkIds: number; revisions: number }>((resolve, reject) => {
          const open = indexedDB.open('tokentrail');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const database = open.result;
            const read = database.transaction(['annotationStates', 'annotationRevisions', 'eventBlocks']);
            const states = read.objectStore('annotationStates').getAll();
            const revisions = read.objectStore('annotationRevisions').getAll();
            // The case's events are in blocks: block k holds seqs k·128 onwards (renderer/db/event-blocks.ts).
            const blocks = read.objectStore('eventBlocks').getAll();
            read.oncomplete = () => {
              type State = { id: string; state: { tags: string[] }; facets: unknown[][] };
              const tagged = (states.result as State[]).filter(
                (row) => row.state.tags.includes('exfil') && row.facets.some((facet) => facet[3] === 'exfil'),
              );
              const ips = new Map(
                // A block's events are JSON texts (core/timeline/block-events.ts).
                (blocks.result as { block: number; texts: string[] }[]).flatMap((row) =>
                  row.texts.map(
                    (text, offset) =>
                      [String(row.block * 128 + offset), (JSON.parse(text) as { ip?: string }).ip] as const,
                  ),
                ),
              );
              const bulkIds = new Set((revisions.result as { bulkId?: string }[]).map((row) => row.bulkId));
              database.close();
              resolve({
                tagged: tagged.length,
                fromOtherIp: tagged.filter((row) => ips.get(row.id) !== '203.0.113.1').length,
                bulkIds: bulkIds.size,
                revisions: revisions.result.length,
              });
            };
          };
        }),
    );
    expect(stored).toEqual({ tagged: MATCHED, fromOtherIp: 0, bulkIds: 2, revisions: MATCHED });

    await app.page.getByTestId('tab-journal').click();
    const bulk = journalRows(app.page, 'bulk-annotation');
    await expect(bulk).toHaveCount(2);
    await expect(bulk.first()).toContainText(`on ${kept} events`);
    await expect(bulk.first()).toContainText('cancelled by the investigator');
    await expect(bulk.first()).toContainText('IP 203.0.113.1');
    await expect(bulk.nth(1)).toContainText(`on ${MATCHED - kept} events (${MATCHED} matched)`);
    await app.page.getByTestId('journal-verify').click();
    await expect(app.page.getByTestId('journal-chain-status')).toHaveAttribute('data-intact', 'true');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
