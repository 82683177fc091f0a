// The core journey: a case, a verified bundle zip and a loose HAR imported through the pickers, hash
// verdicts and decoded tokens shown, and all of it still there after a browser restart.
import { expect, test } from './fixtures';
import { createCase, importEvidence, LOOSE_HAR, openCaseFromList, SAMPLE_BUNDLE, signIn } from './app-actions';

test('imports a bundle and a loose HAR, shows verdicts and tokens, and keeps them across a restart', async ({
  app,
}) => {
  await signIn(app.page);
  const page = app.page;
  await createCase(page, 'Orders refund fraud', 'IR-7');
  await page.getByTestId('tab-evidence').click();
  await expect(page.getByTestId('evidence-empty')).toBeVisible();

  await importEvidence(page, 'zip', SAMPLE_BUNDLE, 'verified');
  const files = page.getByTestId('evidence-file-row');
  await expect(files).toHaveCount(7);
  await expect(page.locator('[data-testid=evidence-file-row][data-verdict=match]')).toHaveCount(7);

  await importEvidence(page, 'files', LOOSE_HAR, 'generated');
  await expect(files).toHaveCount(8);
  await expect(page.locator('[data-testid=evidence-file-row][data-path="capture.har"]')).toHaveAttribute(
    'data-verdict',
    'generated',
  );
  await expect(page.locator('[data-testid=custody-row][data-action=import]')).toHaveCount(2);
  await expect(page.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');

  await page.getByTestId('tab-tokens').click();
  const tokens = page.getByTestId('token-row');
  await expect(tokens.first()).toBeVisible();
  const tokenCount = await tokens.count();
  expect(tokenCount).toBeGreaterThan(1);
  await expect(page.getByTestId('token-header-json')).toContainText('"alg"');
  await expect(page.getByTestId('token-claims-json')).toContainText('"iss"');
  await expect(page.getByTestId('token-sighting').first()).toContainText(/:\d+:\d+/);

  await app.restart();
  await openCaseFromList(app.page, 'Orders refund fraud');
  await app.page.getByTestId('tab-evidence').click();
  await expect(app.page.getByTestId('evidence-file-row')).toHaveCount(8);
  await expect(app.page.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');
  await app.page.getByTestId('reverify').click();
  await expect(app.page.getByTestId('reverify-result')).toHaveAttribute('data-verdict', 'intact');
  await expect(app.page.locator('[data-testid=custody-row][data-action=reverify]')).toHaveCount(1);
  await expect(app.page.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');
  await app.page.getByTestId('tab-tokens').click();
  await expect(app.page.getByTestId('token-row')).toHaveCount(tokenCount);
});

test('discarding a verified bundle stores nothing', async ({ app }) => {
  await signIn(app.page);
  const page = app.page;
  await createCase(page, 'Discard check');
  await page.getByTestId('tab-evidence').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('pick-zip').click();
  await (await chooser).setFiles(SAMPLE_BUNDLE);
  await expect(page.getByTestId('verdict-panel')).toBeVisible();
  await expect(page.getByTestId('case-metadata')).toContainText('NW-IR-2026-0142');
  await page.getByTestId('import-discard').click();
  await expect(page.getByTestId('import-notice')).toContainText('nothing was stored');
  await expect(page.getByTestId('evidence-empty')).toBeVisible();
  await expect(page.locator('[data-testid=custody-row][data-action=import]')).toHaveCount(0);
});
