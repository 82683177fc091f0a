// Findings, lifecycles and the map on the shipped sample case, whose bundle plants several incidents: after
// import, ingest and token analysis the detectors run in their worker; every planted incident is in the Findings
// view; the impossible travel opens its evidence on the timeline (the event selected) and on the map (the red
// hop); alice's token shows its refresh in the lifecycle diagram.
import { expect, test } from './fixtures';
import { openCaseFromList } from './app-actions';
import { findingRow, openSampleFindings, SAMPLE_TITLE } from './sample-case';

test('every planted incident is a finding whose evidence opens on the timeline, the map and the lifecycle', async ({
  app,
}) => {
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
  await expect(page.getByTestId('map-scope')).toHaveAttribute('data-value', 'alice@northwind.example');
  const redHop = page.locator('[data-testid=map-hop][data-impossible=true]');
  await expect(redHop).toHaveCount(1);
  await expect(page.getByTestId('map-hop-label')).toContainText(/8,6\d\d km · [\d,]+ km\/h/);
  // alice's events as the detectors attribute them: the hop starts at the access-log line that names her only
  // through her token's sub claim, as the finding's evidence does.
  const redRow = page.locator('[data-testid=map-hop-row][data-impossible=true]');
  await expect(redRow).toContainText('175.45.176.3');
  await expect(redRow.locator('td').nth(1)).toContainText('logs/orders-api-access.log:1');
  // The map honours the timeline's filters: narrowed to bob's IP, alice's hop is dimmed and counted, not dropped.
  await page.getByTestId('filter-ip').fill('81.2.69.161');
  await page.getByTestId('filter-apply').click();
  await expect(page.locator('[data-testid=map-hop][data-in-filter=false]')).toHaveCount(1);
  await expect(page.getByTestId('timeline-filter-count')).toContainText('0 of 1 hop matches');
  await page.getByTestId('timeline-filter-clear').click();
  await expect(page.locator('[data-testid=map-hop][data-in-filter=true]')).toHaveCount(1);

  // alice's first token: its lifecycle shows the refresh that produced the next token of the session.
  await page.getByTestId('tab-tokens').click();
  await page.getByTestId('token-row').filter({ hasText: 'alice@northwind.example' }).first().click();
  await page.getByTestId('token-show-lifecycle').click();
  const diagram = page.getByTestId('lifecycle-diagram');
  await expect(diagram).toBeVisible();
  await expect(diagram.getByTestId('lifecycle-lane')).toHaveCount(2);
  await expect(diagram.getByTestId('lifecycle-link')).toHaveCount(1);
  await expect(diagram.locator('[data-testid=lifecycle-marker][data-kind=issued]')).toHaveCount(2);
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
