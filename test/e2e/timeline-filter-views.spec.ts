// The case's timeline filter narrows Findings, Lifecycle and Map too, each saying how much it hides and clearing in
// one click; the map follows alice as the detectors attribute her events; a detector parameter change is a
// custody entry that is still there, in an intact chain, after the browser restarts.
import path from 'node:path';
import { expect, test } from './fixtures';
import { openCaseFromList, SCREENSHOTS, signIn } from './app-actions';
import { findingRow, openSampleFindings, SAMPLE_TITLE } from './sample-case';

const ATTACKER_IP = '175.45.176.3';

test('the timeline filters narrow Findings, Lifecycle and Map, say how much, and clear in one click', async ({
  app,
}) => {
  const page = app.page;
  await openSampleFindings(page);
  const total = await page.getByTestId('finding-row').count();
  await expect(page.getByTestId('timeline-filter-note')).toHaveCount(0);

  // Filter the timeline to the attacker's IP: two events.
  await page.getByTestId('tab-timeline').click();
  await page.getByTestId('filter-ip').fill(ATTACKER_IP);
  await page.getByTestId('filter-apply').click();
  await expect(page.getByTestId('timeline-row')).toHaveCount(2);

  // Findings: only those with an evidence event among those two, and a note that says so.
  await page.getByTestId('tab-findings').click();
  const note = page.getByTestId('timeline-filter-note');
  await expect(note).toHaveAttribute('data-matched', '2');
  await expect(note).toHaveAttribute('data-total', String(total));
  await expect(page.getByTestId('timeline-filter-count')).toHaveText(
    `2 of ${total} findings match the timeline filters:`,
  );
  await expect(page.getByTestId('timeline-filter-summary')).toHaveText(`IP ${ATTACKER_IP}`);
  await expect(page.getByTestId('finding-row')).toHaveCount(2);
  await expect(findingRow(page, 'impossible-travel')).toHaveCount(1);
  await expect(findingRow(page, 'outdated-client')).toHaveCount(1);
  await expect(findingRow(page, 'alg-none')).toHaveCount(0);
  // The impossible travel rests on two events: the London one is outside the filter and says so.
  await findingRow(page, 'impossible-travel').click();
  await expect(page.locator('[data-testid=finding-event][data-role=from]')).toHaveAttribute('data-in-filter', 'false');
  await expect(page.locator('[data-testid=finding-event][data-role=to]')).toHaveAttribute('data-in-filter', 'true');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'findings-filtered.png'), fullPage: true });

  // Its map: the hop touches the attacker's IP, so it is kept, and counted.
  await page.getByTestId('finding-open-map').click();
  await expect(page.getByTestId('map-scope')).toHaveAttribute('data-value', 'alice@northwind.example');
  await expect(page.locator('[data-testid=map-hop][data-in-filter=true][data-impossible=true]')).toHaveCount(1);
  await expect(page.getByTestId('timeline-filter-count')).toContainText('1 of 1 hop matches the timeline filters');

  // Its first token's lifecycle: the whole life drawn, the events outside the filter faint.
  await page.goBack();
  await page.getByTestId('finding-token-lifecycle').first().click();
  await expect(page.getByTestId('lifecycle-diagram')).toBeVisible();
  await expect(page.getByTestId('timeline-filter-note')).toBeVisible();
  await expect(page.getByTestId('lifecycle-use-outside').first()).toBeAttached();

  // Evidence outside the filter still opens: in its detail, with the list saying why it does not show it.
  await page.getByTestId('tab-findings').click();
  await findingRow(page, 'impossible-travel').click();
  await page.locator('[data-testid=finding-event][data-role=from]').getByTestId('finding-event-open').click();
  await expect(page.getByTestId('event-source')).toContainText('logs/orders-api-access.log:1');
  await expect(page.getByTestId('timeline-opened-outside')).toBeVisible();
  await expect(page.getByTestId('timeline-row')).toHaveCount(2);

  // One click clears the filter for every view: all findings again, and the timeline unfiltered.
  await page.goBack();
  await page.getByTestId('timeline-filter-clear').click();
  await expect(page.getByTestId('timeline-filter-note')).toHaveCount(0);
  await expect(page.getByTestId('finding-row')).toHaveCount(total);
  await page.getByTestId('tab-timeline').click();
  await expect(page.getByTestId('filter-ip')).toHaveValue('');
  await expect(page.getByTestId('timeline-status')).not.toContainText('matching the filters');
});

test('a detector parameter change is a custody entry, still there in an intact chain after a restart', async ({
  app,
}) => {
  const page = app.page;
  await signIn(page);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('tab-findings').click();
  await expect(page.getByTestId('case-analysis-status')).toHaveAttribute('data-status', 'complete', {
    timeout: 45_000,
  });

  await page.getByTestId('case-analysis-parameters').click();
  await page.getByTestId('parameter-impossible-travel-maxSpeedKmh').fill('20000');
  await page.getByTestId('parameter-common-clockSkewSeconds').fill('120');
  await page.getByTestId('parameters-save').click();
  await expect(page.getByTestId('detector-parameters')).toHaveCount(0);
  // Saving again without a change records nothing.
  await page.getByTestId('case-analysis-parameters').click();
  await page.getByTestId('parameters-save').click();
  await expect(page.getByTestId('detector-parameters')).toHaveCount(0);

  await app.restart();
  await openCaseFromList(app.page, SAMPLE_TITLE);
  await app.page.getByTestId('tab-evidence').click();
  const entry = app.page.locator('[data-testid=custody-row][data-action=parameters-changed]');
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Casey Examiner');
  await expect(entry.getByTestId('custody-parameter-change')).toHaveText([
    'common.clockSkewSeconds: default → 120',
    'impossible-travel.maxSpeedKmh: default → 20000',
  ]);
  await expect(app.page.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');

  // Back to the default: a second entry says so.
  await app.page.getByTestId('tab-findings').click();
  await app.page.getByTestId('case-analysis-parameters').click();
  await app.page.getByTestId('parameter-impossible-travel-maxSpeedKmh').fill('');
  await app.page.getByTestId('parameters-save').click();
  await app.page.getByTestId('tab-evidence').click();
  await expect(entry).toHaveCount(2);
  await expect(entry.nth(1).getByTestId('custody-parameter-change')).toHaveText([
    'impossible-travel.maxSpeedKmh: 20000 → default',
  ]);
  await expect(app.page.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');
});
