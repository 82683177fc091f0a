// Evidence dropped onto the case goes through the same verification as picked evidence, and a long
// verification can be cancelled with nothing stored.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createCase, pickEvidence, SAMPLE_BUNDLE, signIn } from './app-actions';

test('a zip dropped onto the case is verified before anything is stored', async ({ app }) => {
  await signIn(app.page);
  const page = app.page;
  await createCase(page, 'Dropped evidence');
  await page.getByTestId('tab-evidence').click();
  const zipBase64 = (await readFile(SAMPLE_BUNDLE)).toString('base64');
  const dataTransfer = await page.evaluateHandle((base64) => {
    const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'sample-case.zip', { type: 'application/zip' }));
    return transfer;
  }, zipBase64);
  const caseView = page.getByTestId('case-view');
  await caseView.dispatchEvent('dragover', { dataTransfer });
  await expect(page.getByTestId('drop-zone')).toBeVisible();
  await caseView.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('drop-zone')).toHaveCount(0);
  await expect(page.getByTestId('bundle-verdict')).toHaveAttribute('data-verdict', 'verified');
  await page.getByTestId('import-accept').click();
  await expect(page.locator('[data-testid=evidence-file-row][data-verdict=match]')).toHaveCount(7);
});

test('cancelling a long verification stores nothing', async ({ app }) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tokentrail-large-'));
  const large = path.join(dir, 'huge-access.log');
  await writeFile(large, Buffer.alloc(256 * 1024 * 1024, 'GET /orders 200\n'));
  try {
    await signIn(app.page);
    const page = app.page;
    await createCase(page, 'Cancelled import');
    await page.getByTestId('tab-evidence').click();
    await pickEvidence(page, 'files', large);
    await expect(page.getByTestId('import-progress')).toBeVisible();
    await page.getByTestId('import-cancel').click();
    await expect(page.getByTestId('import-notice')).toContainText('cancelled; nothing was stored');
    await expect(page.getByTestId('verdict-panel')).toHaveCount(0);
    await expect(page.getByTestId('evidence-empty')).toBeVisible();
    await expect(page.locator('[data-testid=custody-row][data-action=import]')).toHaveCount(0);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
