// Which API accepted which bad token (issue 17): the sample's Orders API answered 200 to an unsigned token and to one
// made with a key the issuer never published. The finding names the API and opens its verification profile, which
// says per class of flaw what the API accepted, refused or was never tested with, each request one click away.
import path from 'node:path';
import { expect, test } from './fixtures';
import { SCREENSHOTS, signIn } from './app-actions';
import { findingRow } from './sample-case';

test('a bad-token-accepted finding opens the API profile, whose requests open in the timeline', async ({ app }) => {
  test.setTimeout(180_000);
  const page = app.page;
  await signIn(page);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('tab-findings').click();
  await expect(findingRow(page, 'bad-token-accepted')).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId('case-analysis-status')).toHaveAttribute('data-status', 'complete', {
    timeout: 45_000,
  });

  // The alg-none token is the admin's (the first in time); the other is the HS256 token with the guessable secret.
  const unsigned = findingRow(page, 'bad-token-accepted').filter({ hasText: 'admin@northwind.example' });
  await unsigned.click();
  const detail = page.getByTestId('finding-detail');
  await expect(detail.getByTestId('finding-message')).toContainText(
    'Orders API (https://api.northwind.example/orders/) accepted',
  );
  await expect(detail.getByTestId('finding-message')).toContainText('unsigned tokens (alg none, empty signature)');
  await expect(detail.getByTestId('finding-facts')).toContainText('api:Orders API');
  await detail.getByTestId('finding-open-api').click();

  await expect(page).toHaveURL(/#\/case\/[^/]+\/apis\/api%3AOrders%20API$/);
  await expect(page.getByTestId('apis-item')).toHaveText(['Orders API']);
  const profile = page.getByTestId('api-profile');
  await expect(profile.getByTestId('api-profile-title')).toHaveText('Orders API');
  await expect(profile.getByTestId('api-profile-summary')).toContainText('4 accepted, 0 refused');
  const row = (flaw: string) => profile.locator(`[data-testid=api-profile-flaw][data-flaw="${flaw}"]`);
  await expect(row('unsigned')).toHaveAttribute('data-verdict', 'accepts');
  await expect(row('unsigned')).toContainText('1 request (200)');
  await expect(row('unknown-key')).toHaveAttribute('data-verdict', 'accepts');
  await expect(row('expired')).toHaveAttribute('data-verdict', 'never-tested');
  await expect(profile.locator('[data-verdict=accepts]')).toHaveCount(2);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'api-profiles.png'), fullPage: true });

  // The accepted request is the HAR entry the finding rests on.
  await row('unsigned').getByTestId('api-profile-event').click();
  await expect(page).toHaveURL(/#\/case\/[^/]+\/timeline\/event%3A\d+$/);
  await expect(page.getByTestId('timeline-row').filter({ hasText: '/orders/v2/refunds' }).first()).toBeVisible();
});
