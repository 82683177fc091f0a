// Exports from the app: the filtered timeline as CSV and as Timesketch JSONL, downloaded by the browser host; the
// hostile subject =HYPERLINK(…) comes out inert in the CSV; an annotation stored for an event travels with it; each
// saved export is a journal entry whose digest is the SHA-256 of the downloaded bytes.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createCase, importEvidence, signIn } from './app-actions';
import { readCsv } from '../support/read-csv';

const HOSTILE = '=HYPERLINK("http://x","y")';

let scratch: string;
test.beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'tokentrail-exports-'));
});
test.afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** Chooses a format in the open export dialog, exports, and returns the downloaded file's name and bytes. */
async function exportAs(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId(`export-format-${format}`).check();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-start').click();
  const file = await download;
  await expect(page.getByTestId('export-result')).toContainText('recorded in the journal');
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/** Stores an annotation for `target` the way schema v7 keeps the latest state (another view writes these). */
async function storeAnnotation(page: Page, caseTitle: string, target: string): Promise<void> {
  await page.evaluate(
    ({ caseTitle, target }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tokentrail');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const database = open.result;
          const transaction = database.transaction(['cases', 'annotationStates'], 'readwrite');
          const cases = transaction.objectStore('cases').getAll();
          cases.onsuccess = () => {
            const caseId = (cases.result as { id: string; title: string }[]).find((row) => row.title === caseTitle)!.id;
            transaction.objectStore('annotationStates').put({
              caseId,
              target,
              kind: 'event',
              id: target.slice('event:'.length),
              rev: 0,
              at: Date.now(),
              investigator: 'Casey Examiner',
              state: { note: 'the phishing link, see token list', tags: ['phishing'], starred: true },
              facets: [],
            });
          };
          transaction.oncomplete = () => {
            database.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    { caseTitle, target },
  );
}

/** The case's journal entries of one action, read from IndexedDB as stored. */
function journal(page: Page, action: string): Promise<{ digest?: string; detail?: string; source: string }[]> {
  return page.evaluate(
    (action) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('tokentrail');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('custody').objectStore('custody').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve((request.result as { action: string }[]).filter((entry) => entry.action === action) as never);
          };
        };
      }),
    action,
  );
}

test('the filtered timeline exports as CSV (formula inert) and Timesketch JSONL, each recorded in the journal', async ({
  app,
}) => {
  const page = app.page;
  const log = path.join(scratch, 'auth-server.jsonl');
  await writeFile(
    log,
    [
      { ts: '2026-05-01T10:00:00Z', kind: 'login', sub: HOSTILE, ip: '81.2.69.160', userAgent: 'Agent, "quoted"' },
      { ts: '2026-05-01T10:05:00Z', kind: 'logout', sub: 'bob@northwind.example', ip: '81.2.69.161' },
      { ts: '2026-05-01T10:09:00Z', kind: 'login', sub: 'carol@northwind.example', ip: '81.2.69.162' },
    ]
      .map((record) => JSON.stringify(record))
      .join('\n'),
  );
  await signIn(page);
  await createCase(page, 'Exports');
  await importEvidence(page, 'files', [log], 'generated');
  await page.getByTestId('tab-timeline').click();
  await expect(page.getByTestId('timeline-row')).toHaveCount(3, { timeout: 30_000 });

  // Filter to the login events: two of three.
  await page.getByTestId('filter-kind').selectOption('login');
  await page.getByTestId('filter-apply').click();
  await expect(page.getByTestId('timeline-row')).toHaveCount(2);
  const hostileSeq = await page.getByTestId('timeline-row').first().getAttribute('data-seq');
  await storeAnnotation(page, 'Exports', `event:${hostileSeq}`);

  await page.getByTestId('timeline-export').click();
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  const csv = await exportAs(page, 'csv');
  expect(csv.name).toMatch(/^tokentrail-exports-csv-\d{8}T\d{6}Z\.csv$/);
  const [header, first, second, ...rest] = readCsv(csv.bytes.toString('utf8'));
  expect(rest).toEqual([]);
  const cell = (record: string[] | undefined, name: string) => record![header!.indexOf(name)];
  expect(cell(first, 'subject')).toBe(`'${HOSTILE}`);
  expect(cell(first, 'user_agent')).toBe('Agent, "quoted"');
  expect(cell(first, 'event_id')).toBe(hostileSeq);
  expect([cell(first, 'tag'), cell(first, 'starred'), cell(first, 'note')]).toEqual([
    'phishing',
    'true',
    'the phishing link, see token list',
  ]);
  expect(cell(second, 'subject')).toBe('carol@northwind.example');
  expect(cell(second, 'starred')).toBe('false');

  const timesketch = await exportAs(page, 'timesketch');
  expect(timesketch.name).toMatch(/\.jsonl$/);
  const lines = timesketch.bytes
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatchObject({
    datetime: '2026-05-01T10:00:00.000Z',
    timestamp: Date.parse('2026-05-01T10:00:00Z') * 1000,
    timestamp_desc: 'Login',
    subject: HOSTILE,
    event_kind: 'login',
    tag: ['phishing'],
    starred: true,
  });
  expect(lines[0]!.message).toContain('login');
  await page.getByTestId('export-close').click();

  // The journal: one export entry per saved file, its digest the SHA-256 of the bytes downloaded.
  await page.getByTestId('tab-evidence').click();
  await expect(page.locator('[data-testid=custody-row][data-action=export]')).toHaveCount(2);
  const entries = await journal(page, 'export');
  expect(entries.map((entry) => entry.digest)).toEqual([
    createHash('sha256').update(csv.bytes).digest('hex'),
    createHash('sha256').update(timesketch.bytes).digest('hex'),
  ]);
  expect(entries[0]!.detail).toMatch(/^csv: 2 event row\(s\); filter \{"timeline":\{"facets":\{"kind":"login"\}\}\}$/);
  expect(entries[1]!.detail).toMatch(/^timesketch: 2 event row\(s\)/);
  await expect(page.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');
});

test('the Findings view exports what it shows as findings CSV and JSONL', async ({ app }) => {
  const page = app.page;
  await signIn(page);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('tab-findings').click();
  await expect(page.getByTestId('case-analysis-status')).toHaveAttribute('data-status', 'complete', {
    timeout: 60_000,
  });
  await expect(page.locator('[data-testid=finding-row][data-finding-id=alg-none]')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('filter-severity-critical').click();
  const shown = await page
    .getByTestId('finding-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-finding-id')));
  expect(shown.length).toBeGreaterThan(0);

  await page.getByTestId('findings-export').click();
  const csv = await exportAs(page, 'findings-csv');
  const [header, ...records] = readCsv(csv.bytes.toString('utf8'));
  expect(records.map((record) => record[header!.indexOf('id')])).toEqual(shown);
  expect(new Set(records.map((record) => record[header!.indexOf('severity')]))).toEqual(new Set(['critical']));

  const jsonl = await exportAs(page, 'findings-jsonl');
  const findings = jsonl.bytes
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; severity: string; events: { source: { sha256: string } }[] });
  expect(findings.map((finding) => finding.id)).toEqual(shown);
  for (const finding of findings) expect(finding.events[0]?.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  await page.getByTestId('export-close').click();
  await page.getByTestId('tab-evidence').click();
  const entries = await journal(page, 'export');
  expect(entries.map((entry) => entry.detail?.split(';')[0])).toEqual([
    `findings-csv: ${shown.length} finding row(s)`,
    `findings-jsonl: ${shown.length} finding row(s)`,
  ]);
  expect(entries[0]!.detail).toContain('"severities":["critical"]');
});
