// What an investigator does, as reusable steps for the specs. Selectors are data-testid only.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const FIXTURES = path.resolve('test/fixtures');
export const SAMPLE_BUNDLE = path.join(FIXTURES, 'bundles/sample-case.zip');
export const TAMPERED_BUNDLE = path.join(FIXTURES, 'bundles/tampered-case.zip');
export const LOOSE_HAR = path.join(FIXTURES, 'loose/capture.har');
// Screenshots go to test-results/ on an ordinary run, so `npm test` never rewrites tracked files;
// `npm run screenshots` points this at docs/screenshots to refresh the pictures of README.md and docs/app.md.
export const SCREENSHOTS = path.resolve(process.env.TOKENTRAIL_SCREENSHOTS_DIR ?? 'test-results/screenshots');

/** First run: say who is investigating. */
export async function signIn(page: Page, name = 'Casey Examiner'): Promise<void> {
  await page.getByTestId('investigator-input').fill(name);
  await page.getByTestId('investigator-save').click();
  await expect(page.getByTestId('welcome')).toBeVisible();
}

export async function createCase(page: Page, title: string, caseNumber = ''): Promise<void> {
  await page.getByTestId('new-case-title').fill(title);
  if (caseNumber) await page.getByTestId('new-case-number').fill(caseNumber);
  await page.getByTestId('new-case-create').click();
  await expect(page.getByTestId('case-title')).toHaveText(title);
}

/** Picks evidence through the picker's file input and waits for the verdict panel (or an error). */
export async function pickEvidence(
  page: Page,
  kind: 'zip' | 'files' | 'folder',
  files: string | string[],
): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId(`pick-${kind}`).click();
  await (await chooser).setFiles(files);
}

/** Picks evidence, checks the verdict shown before storing, and imports it. */
export async function importEvidence(
  page: Page,
  kind: 'zip' | 'files' | 'folder',
  files: string | string[],
  verdict: string,
) {
  await pickEvidence(page, kind, files);
  await expect(page.getByTestId('verdict-panel')).toBeVisible();
  await expect(page.getByTestId('bundle-verdict')).toHaveAttribute('data-verdict', verdict);
  await page.getByTestId('import-accept').click();
  await expect(page.getByTestId('import-notice')).toContainText('Imported');
  await expect(page.getByTestId('verdict-panel')).toHaveCount(0);
}

export async function openCaseFromList(page: Page, title: string): Promise<void> {
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('case-row').filter({ hasText: title }).getByTestId('case-open').click();
  await expect(page.getByTestId('case-title')).toHaveText(title);
}
