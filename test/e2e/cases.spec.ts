// Case management: the one-click sample, several cases side by side, and deletion that asks first.
import path from 'node:path';
import { expect, test } from './fixtures';
import { createCase, SCREENSHOTS, signIn } from './app-actions';

test('open sample case creates a verified case with decoded tokens', async ({ app }) => {
  await signIn(app.page);
  const page = app.page;
  await expect(page.getByTestId('empty-cases')).toBeVisible();
  await page.getByTestId('open-sample').click();
  // The sample opens on its overview; the evidence is one tab further.
  await expect(page.getByTestId('overview-tab')).toBeVisible();
  await page.getByTestId('tab-evidence').click();
  await expect(page.getByTestId('case-title')).toContainText('Northwind');
  await expect(page.locator('[data-testid=evidence-file-row][data-verdict=match]')).toHaveCount(7);
  await page.getByTestId('tab-tokens').click();
  await expect(page.getByTestId('token-row').first()).toBeVisible();
});

test('deleting a case asks first and then removes it', async ({ app }) => {
  await signIn(app.page);
  const page = app.page;
  await createCase(page, 'Keep me', 'K-1');
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('open-sample').click();
  await expect(page.getByTestId('case-title')).toContainText('Northwind');
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('case-row')).toHaveCount(2);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'welcome.png'), fullPage: true });

  const sampleRow = page.getByTestId('case-row').filter({ hasText: 'Northwind' });
  await sampleRow.getByTestId('case-delete').click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await page.getByTestId('confirm-cancel').click();
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  await expect(page.getByTestId('case-row')).toHaveCount(2);

  await sampleRow.getByTestId('case-delete').click();
  await page.getByTestId('confirm-accept').click();
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await expect(page.getByTestId('case-row')).toContainText('Keep me');

  await app.restart();
  await expect(app.page.getByTestId('case-row')).toHaveCount(1);
  await expect(app.page.getByTestId('case-row')).toContainText('Keep me');
});
