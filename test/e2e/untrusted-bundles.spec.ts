// Evidence that cannot be trusted is shown as such: a tampered bundle gets mismatch verdicts before and
// after import, and a hostile zip is rejected with its reason while nothing at all is imported.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { expect, test } from './fixtures';
import { createCase, pickEvidence, SCREENSHOTS, signIn, TAMPERED_BUNDLE } from './app-actions';

test('a tampered bundle shows mismatch verdicts', async ({ app }) => {
  await signIn(app.page);
  const page = app.page;
  await createCase(page, 'Tampered evidence');
  await page.getByTestId('tab-evidence').click();
  await pickEvidence(page, 'zip', TAMPERED_BUNDLE);
  await expect(page.getByTestId('bundle-verdict')).toHaveAttribute('data-verdict', 'mismatch');
  const rows = page.getByTestId('verdict-file-row');
  await expect(rows.filter({ hasText: 'tokens/captured-tokens.txt' })).toHaveAttribute('data-verdict', /mismatch/);
  await expect(rows.filter({ hasText: 'har/support-laptop.har' })).toHaveAttribute('data-verdict', 'missing');
  await expect(rows.filter({ hasText: 'notes/readme.txt' })).toHaveAttribute('data-verdict', 'unlisted');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'verdict-mismatch.png'), fullPage: true });

  await page.getByTestId('import-accept').click();
  await expect(page.getByTestId('import-notice')).toContainText('Imported');
  await expect(page.locator('[data-testid=evidence-file-row][data-path="tokens/captured-tokens.txt"]')).toHaveAttribute(
    'data-verdict',
    /mismatch/,
  );
  await expect(page.locator('[data-testid=custody-row][data-action=import]')).toContainText('mismatch');
});

test('a zip with a path-traversal entry is rejected and nothing is imported', async ({ app }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tokentrail-hostile-'));
  const hostile = path.join(dir, 'hostile.zip');
  await writeFile(hostile, zipSync({ 'manifest.json': strToU8('{}'), '../../etc/evil.txt': strToU8('escape') }));

  await signIn(app.page);
  const page = app.page;
  await createCase(page, 'Hostile archive');
  await page.getByTestId('tab-evidence').click();
  await pickEvidence(page, 'zip', hostile);
  const error = page.getByTestId('import-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('hostile.zip was rejected; nothing was imported');
  await expect(page.getByTestId('verdict-panel')).toHaveCount(0);
  await expect(page.getByTestId('evidence-empty')).toBeVisible();
  await expect(page.locator('[data-testid=custody-row][data-action=import-rejected]')).toHaveCount(1);
  await page.getByTestId('tab-tokens').click();
  await expect(page.getByTestId('tokens-empty')).toBeVisible();
});
