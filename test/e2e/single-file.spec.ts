// dist/tokentrail.html is the whole app in one file: opened from disk it must import the sample into
// IndexedDB and keep it across a restart, with no request beyond the file itself; and it carries its own
// (country-level) geolocation database, so the sample's impossible travel is found and mapped with no other file.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from './fixtures';
import { signIn } from './app-actions';
import { findingRow } from './sample-case';

test.use({ appUrl: pathToFileURL(path.resolve('dist/tokentrail.html')).href });

test('the single-file build works from file:// with IndexedDB', async ({ app }) => {
  await signIn(app.page);
  await app.page.getByTestId('open-sample').click();
  // The sample opens on its overview; the evidence is one tab further.
  await expect(app.page.getByTestId('overview-tab')).toBeVisible();
  await app.page.getByTestId('tab-evidence').click();
  await expect(app.page.locator('[data-testid=evidence-file-row][data-verdict=match]')).toHaveCount(7);
  await app.restart();
  await expect(app.page.getByTestId('case-row')).toHaveCount(1);
});

test('the single file locates IPs with its own country database: impossible travel and the map', async ({ app }) => {
  const { page } = app;
  await signIn(page);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('tab-findings').click();
  const travel = findingRow(page, 'impossible-travel').first();
  await expect(travel).toBeVisible({ timeout: 60_000 });
  await travel.click();
  // The finding says its distance is between country centres (North Korea to the United Kingdom).
  await expect(page.getByTestId('finding-detail')).toContainText('country centre');
  await page.getByTestId('finding-open-map').click();
  await expect(page.getByTestId('map-tab')).toBeVisible();
  await expect(page.locator('[data-testid=map-hop][data-impossible=true]')).toHaveCount(1);
  // The About dialog names the database and its CC BY 4.0 attribution.
  await page.getByTestId('about-button').click();
  await expect(page.getByTestId('about-dialog')).toContainText('DB-IP Country Lite (IPv4)');
  await expect(page.getByTestId('about-dialog')).toContainText('IP Geolocation by DB-IP');
});
