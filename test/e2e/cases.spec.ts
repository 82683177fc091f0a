// Case management: the one-click sample, several cases side by side, and deletion that asks first and leaves no row
// of the case in any table.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createCase, importEvidence, openCaseFromList, SCREENSHOTS, signIn } from './app-actions';
import { mixedBundleZip } from './mixed-bundle';
import { findingRow, openSampleFindings, SAMPLE_TITLE } from './sample-case';
import { dumpCase } from './store-dump';

test('open sample case creates a verified case with decoded tokens', async ({ app }) => {
  await signIn(app.page);
  const page = app.page;
  await expect(page.getByTestId('empty-cases')).toBeVisible();
  await page.getByTestId('open-sample').click();
  // The sample opens on its overview; the evidence is one tab further.
  await expect(page.getByTestId('overview-tab')).toBeVisible();
  await page.getByTestId('tab-evidence').click();
  await expect(page.getByTestId('case-title')).toContainText('Northwind');
  await expect(page.locator('[data-testid=evidence-file-row][data-verdict=match]')).toHaveCount(7);
  await page.getByTestId('tab-tokens').click();
  await expect(page.getByTestId('token-row').first()).toBeVisible();
});

test('deleting a case asks first and then removes it', async ({ app }) => {
  await signIn(app.page);
  const page = app.page;
  await createCase(page, 'Keep me', 'K-1');
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('open-sample').click();
  await expect(page.getByTestId('case-title')).toContainText('Northwind');
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('case-row')).toHaveCount(2);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'welcome.png'), fullPage: true });

  const sampleRow = page.getByTestId('case-row').filter({ hasText: 'Northwind' });
  await sampleRow.getByTestId('case-delete').click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await page.getByTestId('confirm-cancel').click();
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  await expect(page.getByTestId('case-row')).toHaveCount(2);

  await sampleRow.getByTestId('case-delete').click();
  await page.getByTestId('confirm-accept').click();
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await expect(page.getByTestId('case-row')).toContainText('Keep me');

  await app.restart();
  await expect(app.page.getByTestId('case-row')).toHaveCount(1);
  await expect(app.page.getByTestId('case-row')).toContainText('Keep me');
});

test('deleting an analysed, annotated case removes its every row in every table and no row of another case', async ({
  app,
}) => {
  test.setTimeout(180_000);
  const page = app.page;
  await openSampleFindings(page); // also creates a "Scratch" case and loads the geolocation database
  const caseId = new URL(page.url()).hash.split('/')[2]!;
  // More evidence, with a line cut short (an ingest problem), in this case and in the other one, whose rows must stay.
  const dir = await mkdtemp(path.join(tmpdir(), 'tokentrail-delete-'));
  const zip = path.join(dir, 'replayed-session.zip');
  await writeFile(zip, mixedBundleZip());
  const addEvidence = async () => {
    await page.getByTestId('tab-evidence').click();
    await importEvidence(page, 'zip', zip, 'verified');
    await page.getByTestId('tab-timeline').click();
    await expect(
      page.locator('[data-testid=ingest-row][data-path="logs/auth-events.jsonl"][data-status=complete]'),
    ).toBeVisible({ timeout: 60_000 });
  };
  await addEvidence();
  await openCaseFromList(page, 'Scratch');
  await addEvidence();
  await rm(dir, { recursive: true, force: true });
  await openCaseFromList(page, SAMPLE_TITLE);
  await page.getByTestId('tab-findings').click();
  // Annotations: a finding starred from the keyboard, a token tagged (a new tag of the case).
  await findingRow(page, 'alg-none').click();
  await page.getByTestId('finding-list').press('s');
  await expect(page.locator('[data-testid=annotation-panel] [data-testid=annotation-star]')).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByTestId('tab-tokens').click();
  await page.getByTestId('token-row').first().click();
  const tokenPanel = page.locator('[data-testid=annotation-panel][data-target^="token:"]');
  await tokenPanel.getByTestId('tag-input').fill('to-delete');
  await tokenPanel.getByTestId('tag-input').press('Enter');
  await expect(tokenPanel.locator('[data-testid=tag-badge][data-tag=to-delete]')).toBeVisible();

  const before = await dumpCase(page, caseId);
  const othersBefore = await dumpCase(page, caseId, true);
  // The case has rows in every table of the store, so a table deleteCase forgets fails below — but for the row layout's
  // events (a case created now keeps them in blocks) and the token links the analysis writes beside blocks (none in this
  // evidence): deleting those is held by event-store.spec.ts, whose cases have both.
  const empty = Object.keys(before).filter((table) => before[table]!.length === 0);
  expect(empty, 'tables with no row of the case before deletion').toEqual(['authEvents', 'eventTokenLinks']);
  expect(othersBefore.cases, 'the other case').toHaveLength(1);
  for (const table of [
    'eventBlocks',
    'eventPostings',
    'eventFacets',
    'eventText',
    'eventTextFilters',
    'eventTextRowFilters',
    'ingestProblems',
  ])
    expect(othersBefore[table]!.length, `rows of the other case in ${table}`).toBeGreaterThan(0);

  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-row').filter({ hasText: 'Northwind' }).getByTestId('case-delete').click();
  await page.getByTestId('confirm-accept').click();
  await expect(page.getByTestId('case-row')).toHaveCount(1);

  const after = await dumpCase(page, caseId);
  expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
  for (const table of Object.keys(after)) expect(after[table], `rows of the deleted case left in ${table}`).toEqual([]);
  expect(await dumpCase(page, caseId, true), 'rows of the other case').toEqual(othersBefore);
});
