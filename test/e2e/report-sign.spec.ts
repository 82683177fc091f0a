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
import { HAS_OPENSSL, makeOrganisationChain } from '../unit/core/report/organisation-chain';
import { findingRow, openSampleFindings, PLANTED } from './sample-case';

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

test('an organisation key imported with its chain signs the report, x5c and all, with the findings ticked one by one', async ({
  app,
}) => {
  test.skip(!HAS_OPENSSL, 'openssl makes the organisation chain');
  test.setTimeout(300_000);
  const { page } = app;
  const out = path.join(OUT, 'organisation');
  await mkdir(out, { recursive: true });
  const chain = await makeOrganisationChain();
  await openSampleFindings(page);
  await expect(page.getByTestId('case-analysis-status')).toHaveAttribute('data-status', 'complete', {
    timeout: 60_000,
  });
  await page.getByTestId('report-open').click();
  await expect(page.getByTestId('report-signing-key')).toHaveAttribute('data-organisation', 'false');

  // A key that is not the certificate's is refused with the reason; the app's own key still signs.
  let chooser = page.waitForEvent('filechooser');
  await page.getByTestId('report-import-key').click();
  await (await chooser).setFiles([chain.otherKey, chain.chain]);
  await expect(page.getByTestId('report-error')).toContainText(
    'The organisation key was not imported: the private key is not the key of the leaf certificate (CN=Northwind CSIRT, O=Northwind',
  );
  await expect(page.getByTestId('report-signing-key')).toHaveAttribute('data-organisation', 'false');

  // The right pair: the dialog names the certificate and the key's thumbprint changes to the leaf's.
  chooser = page.waitForEvent('filechooser');
  await page.getByTestId('report-import-key').click();
  await (await chooser).setFiles([chain.leafKey, chain.chain]);
  const key = page.getByTestId('report-signing-key');
  await expect(key).toHaveAttribute('data-organisation', 'true');
  await expect(page.getByTestId('report-key-certificate')).toContainText(
    'CN=Northwind CSIRT, O=Northwind, issued by CN=Northwind Root CA, O=Northwind',
  );
  const thumbprint = (await key.getAttribute('data-thumbprint'))!;
  const jwkFile = path.join(out, 'organisation.jwk.json');
  expect(JSON.parse((await download(page, 'report-export-public-key', jwkFile)).toString('utf8')).kid).toBe(thumbprint);

  // Findings one by one: leave out the first default one, add the first one the rule leaves out.
  const boxes = page.getByTestId('report-finding-choice');
  const count = await boxes.count();
  expect(count).toBeGreaterThan(1);
  const ticks = await Promise.all([...Array(count).keys()].map((index) => boxes.nth(index).isChecked()));
  const dropped = ticks.indexOf(true);
  const added = ticks.indexOf(false);
  expect(dropped).toBeGreaterThanOrEqual(0);
  await boxes.nth(dropped).uncheck();
  if (added >= 0) await boxes.nth(added).check();
  const chosen: string[] = [];
  for (let index = 0; index < count; index += 1)
    if (await boxes.nth(index).isChecked()) chosen.push((await boxes.nth(index).getAttribute('data-finding-key'))!);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'report-create-organisation.png') });

  const zipFile = path.join(out, 'report.zip');
  const files = unzipSync(new Uint8Array(await download(page, 'report-create', zipFile)));
  await expect(page.getByTestId('report-created')).toBeVisible();
  const report = JSON.parse(Buffer.from(files['report.json']!).toString('utf8'));
  expect(report.selection).toBe('investigator');
  expect(report.findings.map((finding: { key: string }) => finding.key).sort()).toEqual([...chosen].sort());
  const header = JSON.parse(
    Buffer.from(Buffer.from(files['manifest.jws']!).toString().split('.')[0]!, 'base64url').toString(),
  );
  expect(header.x5c).toHaveLength(2);
  await writeFile(path.join(out, 'report.pdf'), files['report.pdf']!);

  const verified = await cliVerify([zipFile, '--pubkey', jwkFile, '--evidence', SAMPLE_BUNDLE]);
  expect(verified.text).toMatch(
    /PASS\s+certificate\s+manifest\.jws: the signing key is certified to "CN=Northwind CSIRT, O=Northwind"/,
  );
  expect(verified.text).toContain('Verdict: VERIFIED');
  expect(verified.code).toBe(0);

  // Forgetting the organisation key goes back to the browser's own key.
  await page.getByTestId('report-forget-key').click();
  await expect(page.getByTestId('report-signing-key')).toHaveAttribute('data-organisation', 'false');
});
