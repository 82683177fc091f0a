// Verify a report, in the single-file build from file:// as a reviewer would open it: no investigator name, no
// case; pick the package, type the thumbprint, pick the evidence, and read every check.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { zipSync } from 'fflate';
import { SCREENSHOTS, TAMPERED_BUNDLE, SAMPLE_BUNDLE } from './app-actions';
import { expect, test } from './fixtures';
import { makeSamplePackage, packageFiles } from './report-package';

const OUT = path.resolve('test-results/report-verify');
const PACKAGE = path.join(OUT, 'package');
const CHANGED = path.join(OUT, 'changed');
const CHANGED_ZIP = path.join(OUT, 'changed.zip');
let thumbprint = '';

test.use({ appUrl: pathToFileURL(path.resolve('dist/tokentrail.html')).href });

test.beforeAll(async () => {
  thumbprint = await makeSamplePackage(PACKAGE);
  await mkdir(CHANGED, { recursive: true });
  for (const file of packageFiles(PACKAGE)) await copyFile(file, path.join(CHANGED, path.basename(file)));
  const html = path.join(CHANGED, 'report.html');
  await writeFile(html, (await readFile(html, 'utf8')).replace('Recommendations', 'Recommendation'));
  // The changed package as a reviewer may receive it: the folder zipped whole.
  const entries = await Promise.all(
    packageFiles(CHANGED).map(async (file) => [`changed/${path.basename(file)}`, await readFile(file)] as const),
  );
  await writeFile(CHANGED_ZIP, zipSync(Object.fromEntries(entries)));
});

async function pick(page: Page, testId: string, files: string | string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(testId).click();
  await (await chooser).setFiles(files);
}

const check = (page: Page, id: string, status: string) =>
  page.locator(`[data-testid=report-check][data-check="${id}"][data-status=${status}]`);

test('a reviewer verifies a package with the pinned thumbprint and the evidence bundle', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('nav-verify-report').click();
  await pick(page, 'verify-pick-package-files', packageFiles(PACKAGE));
  await page.getByTestId('verify-thumbprint').fill(thumbprint);
  await pick(page, 'verify-pick-evidence', SAMPLE_BUNDLE);
  await page.getByTestId('verify-run').click();
  await expect(page.getByTestId('report-verification')).toHaveAttribute('data-verified', 'true');
  await expect(page.getByTestId('report-signer')).toContainText('Casey Examiner');
  await expect(check(page, 'signer-pinned', 'pass')).toHaveCount(1);
  await expect(check(page, 'signature', 'pass')).toHaveCount(1);
  await expect(check(page, 'file', 'pass')).toHaveCount(2);
  await expect(check(page, 'evidence', 'pass')).toHaveCount(7);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'verify-report.png') });
});

test('a zipped package: a changed file, a wrong thumbprint and different evidence are each named', async ({ app }) => {
  const { page } = app;
  await page.getByTestId('nav-verify-report').click();
  await pick(page, 'verify-pick-package-zip', CHANGED_ZIP);
  await page.getByTestId('verify-thumbprint').fill('A'.repeat(43));
  await pick(page, 'verify-pick-evidence', TAMPERED_BUNDLE);
  await page.getByTestId('verify-run').click();
  await expect(page.getByTestId('report-verification')).toHaveAttribute('data-verified', 'false');
  await expect(check(page, 'signer-pinned', 'fail')).toContainText(`not by the pinned key ${'A'.repeat(43)}`);
  await expect(check(page, 'file', 'fail')).toContainText('report.html');
  await expect(check(page, 'file', 'fail')).toContainText('differs from the signed manifest');
  await expect(check(page, 'evidence', 'fail')).toHaveCount(3);
  await expect(check(page, 'evidence', 'fail').first()).toContainText('tokens/captured-tokens.txt');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'verify-report-failed.png') });
});
