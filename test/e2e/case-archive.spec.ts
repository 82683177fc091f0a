// A case archive's round trip on the real store: the analysed sample case is exported (a download of the browser
// host), imported into a FRESH profile in a second persistent Chromium, and every stored row of every case table is
// compared, read straight from IndexedDB. A tampered archive is refused whole, with the reason, and writes nothing.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { expect, keepFileChooserInterception, test } from './fixtures';
import { SAMPLE_BUNDLE, signIn } from './app-actions';
import { openSampleFindings, SAMPLE_TITLE } from './sample-case';
import { dumpCase } from './store-dump';

/** Opens the app in a second Chromium on a profile of its own: a fresh machine. */
async function freshProfile(appUrl: string, launchOptions: object) {
  const dir = await mkdtemp(path.join(tmpdir(), 'tokentrail-e2e-fresh-'));
  const context = await chromium.launchPersistentContext(dir, {
    ...launchOptions,
    headless: true,
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  keepFileChooserInterception(page);
  await page.goto(appUrl);
  return {
    page,
    errors,
    async close() {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Where an entry's compressed data starts, found through the zip's central directory (the archive has no comment). */
function entryDataOffset(zip: Buffer, name: string): number {
  const end = zip.length - 22;
  let at = zip.readUInt32LE(end + 16);
  for (let index = 0; index < zip.readUInt16LE(end + 10); index++) {
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    if (zip.subarray(at + 46, at + 46 + nameLength).toString('utf8') === name)
      return local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`no entry ${name}`);
}

async function importArchive(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('archive-import').click();
  await (await chooser).setFiles(file);
}

test('a case archive comes back identical in a fresh profile; a tampered one is refused whole', async ({
  app,
  appUrl,
}, testInfo) => {
  test.setTimeout(240_000);
  const { page } = app;
  await openSampleFindings(page);
  const caseId = new URL(page.url()).hash.split('/')[2]!;
  const before = await dumpCase(page, caseId);
  // A case created now keeps its events in blocks with posting rows (the row layout's archive: event-store.spec's cases).
  expect(before.eventBlocks!.length).toBeGreaterThan(0);
  expect(before.eventPostings!.length).toBeGreaterThan(5);
  expect(before.timelineFindings!.length).toBeGreaterThan(5);
  expect(before.tokenAnalyses!.length).toBeGreaterThan(0);
  expect(before.evidenceBlobs!.length).toBe(7);

  const download = page.waitForEvent('download');
  await page.getByTestId('archive-export').click();
  const archive = testInfo.outputPath('case.ttcase');
  await (await download).saveAs(archive);
  await expect(page.getByTestId('archive-exported')).toContainText('manifest SHA-256');

  const fresh = await freshProfile(appUrl, testInfo.project.use.launchOptions ?? {});
  try {
    await signIn(fresh.page, 'Riley Reviewer');
    // Tampered first: the first byte of the events table's deflated data (its block header), which changes what it
    // inflates to, into garbage or nothing. Refused by the entry's hash, before any row of it is parsed.
    const bytes = await readFile(archive);
    const eventsEntry = 'tables/authEvents.ndjson';
    bytes[entryDataOffset(bytes, eventsEntry)]! ^= 0xff;
    const tampered = testInfo.outputPath('tampered.zip');
    await writeFile(tampered, bytes);
    await importArchive(fresh.page, tampered);
    await expect(fresh.page.getByTestId('archive-error')).toContainText('refused whole');
    await expect(fresh.page.getByTestId('archive-error')).toContainText(
      `the entry "${eventsEntry}" does not match its SHA-256 in the manifest`,
    );
    await expect(fresh.page.getByTestId('empty-cases')).toBeVisible();
    const afterRefusal = await dumpCase(fresh.page, caseId);
    expect(Object.values(afterRefusal).flat(), 'rows written by a refused archive').toEqual([]);

    await importArchive(fresh.page, archive);
    await expect(fresh.page.getByTestId('archive-imported')).toContainText(SAMPLE_TITLE, { timeout: 60_000 });
    const after = await dumpCase(fresh.page, caseId);

    // Every table, every row, byte for byte — but the journal, which gains `archive-imported` after the imported
    // chain, and the case record, whose anchor, counter and time move with that entry.
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before).filter((name) => name !== 'custody' && name !== 'cases'))
      expect(after[table], table).toEqual(before[table]);
    expect(after.custody!.slice(0, before.custody!.length)).toEqual(before.custody);
    const added = after.custody!.slice(before.custody!.length).map((row) => JSON.parse(row) as Record<string, unknown>);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ action: 'archive-imported', investigator: 'Riley Reviewer' });
    const [caseBefore, caseAfter] = [before.cases![0]!, after.cases![0]!].map(
      (row) => JSON.parse(row) as Record<string, unknown>,
    );
    const { updatedAt: _b1, custodyAnchor: _b2, counts: countsBefore, ...restBefore } = caseBefore!;
    const { updatedAt: _a1, custodyAnchor: anchorAfter, counts: countsAfter, ...restAfter } = caseAfter!;
    expect(restAfter).toEqual(restBefore);
    expect(countsAfter).toEqual({
      ...(countsBefore as object),
      custodyEntries: (countsBefore as { custodyEntries: number }).custodyEntries + 1,
    });
    expect(anchorAfter).toMatchObject({ length: before.custody!.length + 1, headHash: added[0]!.hash });

    // The imported case opens, and its journal verifies with the new entry after the imported ones.
    await fresh.page.getByTestId('archive-open').click();
    await expect(fresh.page.getByTestId('case-title')).toHaveText(SAMPLE_TITLE);
    expect(fresh.errors).toEqual([]);
  } finally {
    await fresh.close();
  }
  // The exporting case journals the export, its digest the archive manifest's SHA-256.
  const exported = await dumpCase(page, caseId);
  const last = JSON.parse(exported.custody!.at(-1)!) as { action: string; digest: string };
  expect(last.action).toBe('archive-exported');
  expect(last.digest).toMatch(/^[0-9a-f]{64}$/);
});

test('an archive made by the CLI imports, and the app derives its tokens and events from the evidence', async ({
  app,
}, testInfo) => {
  test.setTimeout(180_000);
  const { page } = app;
  const archive = testInfo.outputPath('cli-case.zip');
  expect(spawnSync(process.execPath, ['build/build.mjs', 'cli']).status).toBe(0);
  const made = spawnSync(process.execPath, [
    'cli/bin/tokentrail.cjs',
    'case',
    'export',
    SAMPLE_BUNDLE,
    '--out',
    archive,
    '--no-geo',
    '--investigator',
    'CI runner',
  ]);
  expect(made.status, made.stderr.toString()).toBe(0);
  await signIn(page);
  await importArchive(page, archive);
  await expect(page.getByTestId('archive-imported')).toContainText(SAMPLE_TITLE, { timeout: 60_000 });
  await page.getByTestId('archive-open').click();
  await expect(page.getByTestId('case-title')).toHaveText(SAMPLE_TITLE);
  // Tokens are found on import; events come from the ingest the import starts.
  await expect(page.getByTestId('tab-tokens').locator('.count')).not.toHaveText('0');
  await expect(page.getByTestId('tab-timeline').locator('.count')).not.toHaveText('0', { timeout: 60_000 });
  const caseId = new URL(page.url()).hash.split('/')[2]!;
  const custody = (await dumpCase(page, caseId)).custody!.map((row) => JSON.parse(row) as Record<string, unknown>);
  expect(custody.map((entry) => [entry.action, entry.investigator])).toEqual([
    ['case-created', 'CI runner'],
    ['import', 'CI runner'],
    ['archive-imported', 'Casey Examiner'],
  ]);
});
