// Accessibility on the real app, at 1280×800: axe-core (WCAG 2.0/2.1 A and AA, plus empty-table-header) and a
// keyboard check (nothing acts on a click that the keyboard cannot reach) in every view and state an investigator
// meets: the first run, the welcome screen, the dialogs, the help, an empty case's tabs, an import under review, and
// every tab of the sample case loaded and with its detail open. Every violation is collected with the state it was
// seen in, so one run names them all; the test fails on any. The sample walk also takes the README's pictures of
// the main views at 1280 px.
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { accessibilityViolations, keyboardUnreachable, type Violation } from './axe';
import { createCase, FIXTURES, LOOSE_HAR, pickEvidence, SCREENSHOTS, signIn } from './app-actions';
import { findingRow, loadGeoDatabase, PLANTED } from './sample-case';

const OKTA_LOG = path.join(FIXTURES, 'sources/okta-system-log.json');
const CASE_TABS = ['overview', 'evidence', 'tokens', 'timeline', 'findings', 'lifecycle', 'map', 'people', 'journal'];

async function openTab(page: Page, tab: string): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click();
  await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(`#panel-${tab}`)).toBeVisible();
}

/** Focuses a drawn button and presses Enter: its event opens on the timeline. */
async function enterOpensEvent(page: Page, button: Locator): Promise<void> {
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('event-detail')).toBeVisible();
}

/** A checker that collects every violation of the page as it is now, named by the state given. */
function checker(page: Page) {
  const found: Violation[] = [];
  const check = async (state: string) => {
    found.push(...(await accessibilityViolations(page, state)), ...(await keyboardUnreachable(page, state)));
  };
  return { found, check };
}

test('the first run, the welcome screen, the dialogs, the help and an empty case break no rule', async ({ app }) => {
  test.setTimeout(180_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  const { found, check } = checker(page);

  await expect(page.getByTestId('investigator-input')).toBeVisible();
  await check('first run');
  await signIn(page);
  await check('welcome, no case');
  await page.getByTestId('about-button').click();
  await expect(page.getByTestId('about-dialog')).toBeVisible();
  await check('about dialog');
  await page.getByTestId('about-close').click();
  await page.getByTestId('help-button').click();
  await expect(page.getByTestId('help-view')).toBeVisible();
  await check('help');
  await page.getByTestId('nav-verify-report').click();
  await check('verify a report');
  await page.getByTestId('nav-cases').click();

  await createCase(page, 'Empty case');
  for (const tab of CASE_TABS) {
    await openTab(page, tab);
    await check(`empty case, ${tab}`);
  }
  await pickEvidence(page, 'files', [LOOSE_HAR, OKTA_LOG]);
  await expect(page.getByTestId('verdict-panel')).toBeVisible();
  await check('import under review');
  await page.getByTestId('import-accept').click();
  await expect(page.getByTestId('import-notice')).toContainText('Imported');
  // A HAR entry's original record is longer than its box: the box scrolls, so the keyboard must reach it.
  await openTab(page, 'timeline');
  await page.getByTestId('timeline-row').first().click();
  await expect(page.getByTestId('event-record')).toBeVisible();
  await check('HAR event open');
  // The sample's subjects carry no names; Okta's log names Alice, so the People tab has a person to open.
  await openTab(page, 'people');
  await page.getByTestId('people-subject').first().click({ timeout: 45_000 });
  await expect(page.getByTestId('subject-page')).toBeVisible();
  await check('person open');
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await check('welcome, case list');
  await page.getByTestId('case-delete').click();
  await check('confirm dialog');
  await page.getByTestId('confirm-cancel').click();
  expect(found).toEqual([]);
});

test('every tab of the sample case, loaded and with its detail open, breaks no rule', async ({ app }) => {
  test.setTimeout(300_000);
  const { page } = app;
  await page.setViewportSize({ width: 1280, height: 800 });
  const { found, check } = checker(page);
  // From the top of the page: a full-page picture of a scrolled page draws the sticky top bar where it was scrolled to.
  const picture = async (name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
  };
  await signIn(page);
  // The city database places the sample's IPs, so the impossible travel is found and the map drawn.
  await loadGeoDatabase(page);
  await page.getByTestId('open-sample').click();
  await openTab(page, 'findings');
  for (const id of PLANTED) await expect(findingRow(page, id).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('case-analysis-status')).toHaveAttribute('data-status', 'complete', {
    timeout: 60_000,
  });

  await openTab(page, 'overview');
  await expect(page.locator('[data-testid=overview-incident][data-finding-id=impossible-travel]')).toBeVisible();
  await check('sample, overview');
  await picture('overview.png');
  await openTab(page, 'evidence');
  await expect(page.locator('[data-testid=evidence-file-row][data-verdict=match]')).toHaveCount(7);
  await check('sample, evidence');
  await picture('evidence-view.png');

  await openTab(page, 'tokens');
  await check('sample, tokens');
  // Every token with findings, its detail open: the active finding's bytes are highlighted in the raw token.
  const withFindings = page.locator(
    '[data-testid=token-row]:has([data-testid=token-row-findings]:not([data-count="0"]))',
  );
  const count = await withFindings.count();
  expect(count).toBeGreaterThan(2);
  for (let index = 0; index < count; index += 1) {
    await withFindings.nth(index).click();
    await expect(page.getByTestId('token-detail')).toBeVisible();
    await check(`sample, token ${index + 1} of ${count} with findings open`);
  }
  await expect(page.locator('mark.part-signature.hl-active').first()).toBeAttached();
  await page.getByTestId('token-row').filter({ hasText: 'alice@northwind.example' }).first().click();
  await picture('tokens-view.png');

  await openTab(page, 'timeline');
  await page.getByTestId('timeline-row').first().click();
  await expect(page.getByTestId('event-detail')).toBeVisible();
  await check('sample, event open');
  // Readability at 1280 px with the detail open: no time is cut (a millisecond time with its offset included).
  const clipped = await page
    .getByTestId('timeline-row-time')
    .evaluateAll((cells) =>
      cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent),
    );
  expect(clipped).toEqual([]);
  await expect(page.getByTestId('timeline-row-time').filter({ hasText: '.120 UTC+00:00' })).toHaveCount(1);
  await picture('timeline.png');

  await openTab(page, 'findings');
  await findingRow(page, 'impossible-travel').click();
  await expect(page.getByTestId('finding-detail')).toHaveAttribute('data-finding-id', 'impossible-travel');
  await check('sample, finding open');
  await picture('findings.png');
  await page.getByTestId('findings-export').click();
  await expect(page.getByTestId('export-start')).toBeVisible();
  await check('export dialog');
  await page.getByTestId('export-close').click();

  await page.getByTestId('finding-open-map').click();
  await expect(page.locator('[data-testid=map-hop][data-impossible=true]')).toHaveCount(1);
  await check('sample, map');
  await picture('map.png');
  // A place on the map is a button to the keyboard: Enter opens its first event, as a click does.
  await enterOpensEvent(page, page.getByTestId('map-place').first());

  await openTab(page, 'lifecycle');
  await check('sample, lifecycle, nothing picked');
  await page.getByTestId('tab-tokens').click();
  await page.getByTestId('token-row').filter({ hasText: 'alice@northwind.example' }).first().click();
  await page.getByTestId('token-show-lifecycle').click();
  await expect(page.getByTestId('lifecycle-diagram')).toBeVisible();
  await check('sample, lifecycle');
  await picture('lifecycle.png');
  await enterOpensEvent(page, page.locator('[data-testid=lifecycle-marker][data-kind=issued]').first());

  await openTab(page, 'people');
  await check('sample, people');

  await openTab(page, 'journal');
  await expect(page.getByTestId('journal-row').first()).toBeVisible();
  await check('sample, journal');
  await picture('journal.png');
  expect(found).toEqual([]);
});
