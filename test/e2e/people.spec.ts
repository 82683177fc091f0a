// People are named as the evidence names them (issue 22): Okta's log gives the subject a display name and a login,
// so the timeline, the findings and the People page show "Alice Example <alice@example.com>", and the timeline's
// subject filter takes the name as well as the id.
import path from 'node:path';
import { expect, test } from './fixtures';
import { createCase, FIXTURES, importEvidence, SCREENSHOTS, signIn } from './app-actions';

const OKTA_LOG = path.join(FIXTURES, 'sources/okta-system-log.json');
const ALICE = 'Alice Example <alice@example.com>';

test('names from the logs stand beside subject ids, on a person page, and in the subject filter', async ({ app }) => {
  const page = app.page;
  await signIn(page);
  await createCase(page, 'Okta names');
  await importEvidence(page, 'files', [OKTA_LOG], 'generated');
  await page.getByTestId('tab-findings').click();
  await expect(page.getByTestId('case-analysis-status')).toHaveAttribute('data-status', 'complete', {
    timeout: 45_000,
  });
  // Without a geolocation database the browser build places nothing, so this log alone raises no finding: what the
  // People page lists must be what the Findings tab holds about Alice.
  const findings = Number(await page.getByTestId('tab-findings').locator('.count').textContent());

  await page.getByTestId('tab-people').click();
  await expect(page.getByTestId('people-subject')).toHaveText([ALICE]);
  await page.getByTestId('people-subject').click();
  const person = page.getByTestId('subject-page');
  await expect(person.getByTestId('subject-title')).toHaveText(ALICE);
  const names = person.getByTestId('subject-names');
  await expect(names).toContainText('Alice Example');
  await expect(names).toContainText('okta-system-log.json:');
  await expect(names.locator('tr[data-verified=false]')).toHaveCount(0);
  await expect(person.getByTestId('subject-span')).toContainText('3 events');
  // Okta's record places one sign-in in GB; the other IP has no place without a geolocation database.
  await expect(person.getByTestId('subject-countries')).toContainText('GB × 1');
  await expect(person.getByTestId('subject-ips').locator('li')).toHaveCount(2);
  await expect(person.getByTestId('subject-findings').locator('li')).toHaveCount(findings);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'people.png'), fullPage: true });

  // The subject filter takes the display name, whatever its case, and filters by the id it stands for.
  await page.getByTestId('tab-timeline').click();
  await expect(page.getByTestId('timeline-row').first()).toContainText(ALICE);
  await page.getByTestId('filter-subject').fill('alice example');
  await page.getByTestId('filter-apply').click();
  await expect(page.getByTestId('filter-subject')).toHaveValue('alice@example.com');
  await expect(page.getByTestId('timeline-row')).toHaveCount(3);
  await page.getByTestId('filter-subject').fill('nobody-by-this-name');
  await page.getByTestId('filter-apply').click();
  await expect(page.getByTestId('timeline-row')).toHaveCount(0);
});

test('subjects the evidence never names are listed too (the sample case)', async ({ app }) => {
  const page = app.page;
  await signIn(page);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('tab-people').click();
  // The sample's logs give no usernames or display names: every subject id a record or a finding (a token's sub) names
  // is still a person to look at.
  for (const subject of ['admin@northwind.example', 'alice@northwind.example', 'bob@northwind.example'])
    await expect(page.getByTestId('people-subject').filter({ hasText: subject })).toHaveCount(1, { timeout: 45_000 });
  await page.getByTestId('people-subject').filter({ hasText: 'bob@northwind.example' }).click();
  await expect(page.getByTestId('subject-title')).toContainText('bob@northwind.example');
});
