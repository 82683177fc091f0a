// Token analysis in the UI, on the shipped sample case and on tokens signed here: verdicts, findings with the
// bytes they point at, the verification trail, the wordlist search (found, progress, cancel), persistence
// across a browser restart, and the same analysis from the single-file build opened from disk.
import { createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SCREENSHOTS, importEvidence, signIn } from './app-actions';

const b64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

function hs256(secret: string, claims: Record<string, unknown>): string {
  const input = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** Words no built-in list holds: "w<n>-<salt>". */
const word = (index: number) => `w${index}-${(index * 7919) % 100_003}`;

async function openSampleTokens(page: Page): Promise<void> {
  await signIn(page);
  await page.getByTestId('open-sample').click();
  await page.getByTestId('tab-tokens').click();
  await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
}

const rowOf = (page: Page, text: string) => page.getByTestId('token-row').filter({ hasText: text });

let scratch: string;
test.beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'tokentrail-analysis-e2e-'));
});
test.afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

test('the sample case: verdicts, findings with their bytes, the trail, filters, keyboard, persistence', async ({ app }) => {
  const page = app.page;
  await openSampleTokens(page);
  const rows = page.getByTestId('token-row');
  await expect(rows).toHaveCount(5);
  await expect(page.locator('[data-testid=token-row][data-verdict=pending]')).toHaveCount(0);

  // Both alice tokens verify with the current key; bob's with the retired one; the forged one is unsigned.
  await expect(page.locator('[data-testid=token-row][data-verdict=valid]').filter({ hasText: 'alice@northwind.example' }).filter({ hasText: 'nw-2026-11' })).toHaveCount(2);
  await expect(rowOf(page, 'bob@northwind.example')).toHaveAttribute('data-verdict', 'valid');
  await expect(rowOf(page, 'bob@northwind.example').getByTestId('token-row-key')).toHaveText('nw-2026-05');
  await expect(rowOf(page, 'admin@northwind.example')).toHaveAttribute('data-verdict', 'unsigned');
  await expect(rowOf(page, 'admin@northwind.example').getByTestId('token-row-findings').locator('[data-severity=critical]')).toBeVisible();
  // The HS256 token: no key in the bundle, but its secret "secret" is in the built-in list.
  const hmacRow = page.locator('[data-testid=token-row][data-verdict=no-key]');
  await expect(hmacRow).toHaveCount(1);
  await hmacRow.click();
  await expect(page.locator('[data-testid=token-finding][data-finding-id=weak-hmac-secret]')).toContainText('"secret"');

  // The retired key: verified, but outside its window when the token says it was issued.
  await rowOf(page, 'bob@northwind.example').click();
  await expect(page.locator('[data-testid=key-window][data-at=iat] [data-testid=key-window-status]')).toHaveAttribute('data-status', 'retired');
  await expect(page.locator('[data-testid=token-finding][data-finding-id=key-outside-validity]')).toContainText('nw-2026-05');
  await expect(page.locator('[data-testid=trail-entry][data-outcome=verified]')).toHaveAttribute('data-kid', 'nw-2026-05');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'token-analysis-retired-key.png'), fullPage: true });

  // The trail of an alice token: the current key verified it, the retired one was never needed.
  await rowOf(page, 'alice@northwind.example').first().click();
  await expect(page.getByTestId('token-verdict')).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByTestId('verification-trail')).toBeVisible();
  await expect(page.locator('[data-testid=trail-entry][data-outcome=verified]')).toHaveAttribute('data-kid', 'nw-2026-11');
  await expect(page.locator('[data-testid=trail-entry][data-outcome=verified]')).toContainText('kid matches');

  // alg none: the finding, and the header bytes it points at highlighted in the raw token.
  await rowOf(page, 'admin@northwind.example').click();
  const finding = page.locator('[data-testid=token-finding][data-finding-id=alg-none]');
  await expect(finding).toContainText('alg "none"');
  await expect(finding.getByTestId('finding-doc-ref')).toContainText('docs/checks.md');
  const highlight = page.locator('[data-testid=raw-highlight][data-finding-ids~=alg-none]');
  await expect(highlight).toHaveCount(1);
  await expect(page.getByTestId('token-header-json')).toContainText('"none"');
  const headerSegment = (await highlight.textContent()) ?? '';
  expect(JSON.parse(Buffer.from(headerSegment, 'base64url').toString()).alg).toBe('none');
  await expect(highlight).toHaveClass(/hl-active/); // the most severe finding is shown first
  const lifetime = page.locator('[data-testid=token-finding][data-finding-id=lifetime-too-long]');
  await lifetime.hover();
  await expect(page.locator('[data-testid=raw-highlight][data-finding-ids~=lifetime-too-long]')).toHaveClass(/hl-active/);
  await expect(highlight).not.toHaveClass(/hl-active/);
  await finding.hover();
  await expect(highlight).toHaveClass(/hl-active/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'token-analysis.png'), fullPage: true });

  // Filters: by verdict, by severity.
  await page.getByTestId('filter-verdict').selectOption('unsigned');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('filter-verdict').selectOption('any');
  await page.getByTestId('filter-severity').selectOption('critical');
  await expect(rows).toHaveCount(2); // alg none and the guessable secret
  await page.getByTestId('filter-severity').selectOption('any');

  // Keyboard: arrows move the selection.
  await rows.first().click();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');

  // Stored: after a browser restart the verdicts are there.
  await app.restart();
  await app.page.getByTestId('case-open').click();
  await app.page.getByTestId('tab-tokens').click();
  await expect(rowOf(app.page, 'admin@northwind.example')).toHaveAttribute('data-verdict', 'unsigned');
  await expect(app.page.locator('[data-testid=token-row][data-verdict=valid]')).toHaveCount(3);
});

test('a wordlist finds a secret only it holds, with progress; a long search can be cancelled', async ({ app }) => {
  const page = app.page;
  await openSampleTokens(page);
  const secret = 'orchid-lantern-7291';
  const tokensFile = path.join(scratch, 'intercepted-tokens.txt');
  await writeFile(tokensFile, `${hs256(secret, { iss: 'https://login.northwind.example/', sub: 'carol@northwind.example', aud: 'orders-api', iat: 1_795_000_000, exp: 1_795_003_600 })}\n`);
  await importEvidence(page, 'files', tokensFile, 'generated');
  await expect(page.getByTestId('token-row')).toHaveCount(6);
  await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
  const carol = rowOf(page, 'carol@northwind.example');
  await expect(carol).toHaveAttribute('data-verdict', 'no-key');

  // A few thousand words, the secret near the end.
  const small = path.join(scratch, 'small-wordlist.txt');
  const words = Array.from({ length: 5000 }, (_, index) => word(index));
  words.splice(4321, 0, secret);
  await writeFile(small, `${words.join('\n')}\n`);
  await page.getByTestId('wordlist-input').setInputFiles(small);
  await expect(page.getByTestId('wordlist-status')).toHaveAttribute('data-status', 'complete');
  await expect(page.getByTestId('wordlist-result')).toHaveAttribute('data-found', '1');
  await expect(page.getByTestId('wordlist-result')).toContainText('words/s');
  await carol.click();
  const found = page.locator('[data-testid=token-finding][data-finding-id=weak-hmac-secret]');
  await expect(found).toContainText(`"${secret}"`);
  await expect(found).toContainText('line 4322 of small-wordlist.txt');
  await expect(carol.getByTestId('token-row-findings').locator('[data-severity=critical]')).toBeVisible();

  // A list too long to finish while we watch: progress (words tried, words/s), then cancel.
  const large = path.join(scratch, 'large-wordlist.txt');
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(large);
    out.on('error', reject);
    let index = 0;
    const pump = () => {
      while (index < 3_000_000) {
        const block = Array.from({ length: 10_000 }, (_, offset) => word(index + offset)).join('\n');
        index += 10_000;
        if (!out.write(`${block}\n`)) return void out.once('drain', pump);
      }
      out.end(resolve);
    };
    pump();
  });
  await page.getByTestId('wordlist-input').setInputFiles(large);
  await expect(page.getByTestId('wordlist-progress')).toBeVisible();
  await expect(page.getByTestId('wordlist-rate')).toContainText(/[\d,]+ words · [\d,]+ words\/s/);
  await page.getByTestId('wordlist-cancel').click();
  await expect(page.getByTestId('wordlist-status')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('wordlist-cancelled')).toContainText('large-wordlist.txt');
  // The earlier finding stays.
  await expect(found).toBeVisible();
});

test.describe('from the single-file build opened from disk', () => {
  test.use({ appUrl: pathToFileURL(path.resolve('dist/tokentrail.html')).href });

  test('the analysis worker runs from file://', async ({ app }) => {
    await openSampleTokens(app.page);
    await expect(rowOf(app.page, 'admin@northwind.example')).toHaveAttribute('data-verdict', 'unsigned');
    await expect(app.page.locator('[data-testid=token-row][data-verdict=valid]')).toHaveCount(3);
  });
});
