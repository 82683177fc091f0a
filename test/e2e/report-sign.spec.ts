// A signed report made in the app (browser host: a non-extractable WebCrypto key in IndexedDB) verifies with the
// CLI's verifier: the sample case is opened and analysed, the report created and saved as one zip (a download), the
// public key saved as a JWK, and `tokentrail report verify` run on the zip with that key pinned and the evidence
// bundle. The journal records the report with the manifest's SHA-256; a changed byte is caught by the same verifier.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { run } from '../../cli/run';
import { SAMPLE_BUNDLE, SCREENSHOTS, signIn } from './app-actions';
import { expect, test } from './fixtures';
import { findingRow, PLANTED } from './sample-case';

const OUT = path.resolve('test-results/report-sign');
const HOSTILE_SUMMARY = 'Session theft confirmed. <img src=x onerror=alert(1)></script>';

async function download(page: Page, testId: string, file: string): Promise<Buffer> {
  const started = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const done = await started;
  await done.saveAs(file);
  return readFile(file);
}

/** `tokentrail report verify` exactly as a reviewer runs it; its exit code and what it printed. */
async function cliVerify(args: string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = [];
  const code = await run(['report', 'verify', ...args], {
    stdout: (line) => void lines.push(line),
    stderr: (line) => void lines.push(line),
  });
  return { code, text: lines.join('\n') };
}

test('a report signed in the browser build verifies with the CLI, pinned to the key the app exported', async ({
  app,
}) => {
  test.setTimeout(240_000);
  const { page } = app;
  await mkdir(OUT, { recursive: true });
  await signIn(page);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('tab-findings').click();
  for (const id of PLANTED.filter((id) => id !== 'impossible-travel'))
    await expect(findingRow(page, id).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('case-analysis-status')).toHaveAttribute('data-status', 'complete', {
    timeout: 60_000,
  });

  await page.getByTestId('report-open').click();
  const key = page.getByTestId('report-signing-key');
  await expect(key).toBeVisible();
  const thumbprint = (await key.getAttribute('data-thumbprint'))!;
  expect(thumbprint).toMatch(/^[\w-]{43}$/);
  const jwkFile = path.join(OUT, 'signer.jwk.json');
  const jwk = JSON.parse((await download(page, 'report-export-public-key', jwkFile)).toString('utf8'));
  expect(jwk.kid).toBe(thumbprint);
  expect(jwk.d).toBeUndefined();

  await page.getByTestId('report-summary').fill(HOSTILE_SUMMARY);
  await page.getByTestId('report-limitations').fill('No access to the identity provider’s own logs.');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'report-create.png') });
  const zipFile = path.join(OUT, 'report.zip');
  const zip = await download(page, 'report-create', zipFile);
  const created = page.getByTestId('report-created');
  await expect(created).toBeVisible();

  // The package: five files, the summary escaped in the HTML, the PDF a PDF, the signer in the header.
  const files = unzipSync(new Uint8Array(zip));
  expect(Object.keys(files).sort()).toEqual([
    'manifest.json',
    'manifest.jws',
    'report.html',
    'report.json',
    'report.pdf',
  ]);
  expect(Buffer.from(files['report.pdf']!).subarray(0, 8).toString('latin1')).toMatch(/^%PDF-1\.[4-7]$/);
  await writeFile(path.join(OUT, 'report.pdf'), files['report.pdf']!);
  const html = Buffer.from(files['report.html']!).toString('utf8');
  expect(html).not.toContain('<img src=x');
  expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  const report = JSON.parse(Buffer.from(files['report.json']!).toString('utf8'));
  expect(report.case.summary).toBe(HOSTILE_SUMMARY);
  expect(report.case.examiners).toEqual(['Casey Examiner']);
  expect(report.evidence.length).toBeGreaterThan(0);
  expect(report.findings.map((finding: { id: string }) => finding.id)).toContain('alg-none');
  expect(report.journal.length).toBeGreaterThan(0);
  const manifestSha = createHash('sha256').update(files['manifest.json']!).digest('hex');
  await expect(created).toHaveAttribute('data-manifest-sha256', manifestSha);

  // The CLI's verifier: signature, every file, the pinned key and the evidence bundle.
  const verified = await cliVerify([zipFile, '--pubkey', jwkFile, '--evidence', SAMPLE_BUNDLE]);
  expect(verified.text).toContain('Verdict: VERIFIED');
  expect(verified.text).toContain(`key ${thumbprint}`);
  expect(verified.code).toBe(0);

  // One byte of the HTML changed inside the package: the CLI says which file.
  const changed = path.join(OUT, 'changed');
  await mkdir(changed, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(changed, name), bytes);
  await writeFile(path.join(changed, 'report.html'), html.replace('Recommendations', 'Recommendation'));
  const refused = await cliVerify([changed, '--pubkey', jwkFile]);
  expect(refused.code).toBe(1);
  expect(refused.text).toMatch(/FAIL\s+file\s+report\.html/);

  // The journal records the report, its digest the signed manifest's SHA-256.
  await page.getByTestId('report-close').click();
  await page.getByTestId('tab-journal').click();
  const entry = page.locator('[data-testid=journal-row][data-action=report]');
  await expect(entry).toHaveCount(1);
  await expect(entry.getByTestId('journal-digest')).toHaveAttribute('title', manifestSha);

  // The app's own Verify view takes the same zip.
  await page.getByTestId('nav-verify-report').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('verify-pick-package-zip').click();
  await (await chooser).setFiles(zipFile);
  await page.getByTestId('verify-thumbprint').fill(thumbprint);
  await page.getByTestId('verify-run').click();
  await expect(page.getByTestId('report-verification')).toHaveAttribute('data-verified', 'true');
  await expect(page.getByTestId('report-signer')).toContainText('Casey Examiner');
});
