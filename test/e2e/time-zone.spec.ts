// Times are stored in UTC and shown in the zone the investigator picks; the choice persists.
import { expect, test } from './fixtures';
import { signIn } from './app-actions';

test('switching the time zone changes the displayed token times', async ({ app }) => {
  await signIn(app.page);
  const page = app.page;
  await page.getByTestId('open-sample').click();
  await page.getByTestId('tab-tokens').click();
  const exp = page.locator('[data-testid=token-time][data-claim=exp]');
  await expect(exp).toContainText(/ UTC(\+00:00)?$/);
  const inUtc = await exp.textContent();

  await page.getByTestId('timezone-select').selectOption('Asia/Tokyo');
  await expect(exp).toContainText('UTC+09:00');
  expect(await exp.textContent()).not.toBe(inUtc);

  await page.getByTestId('timezone-select').selectOption('America/New_York');
  await expect(exp).toContainText(/UTC-0[45]:00/);

  await app.restart();
  await expect(app.page.getByTestId('timezone-select')).toHaveValue('America/New_York');
  await app.page.getByTestId('case-open').click();
  await app.page.getByTestId('tab-tokens').click();
  await expect(app.page.locator('[data-testid=token-time][data-claim=exp]')).toContainText(/UTC-0[45]:00/);
});
