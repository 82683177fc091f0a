// Evidence can hold any value. A token whose times are beyond what a calendar can show used to turn the whole window
// into the error screen, again after every reload; now the value is shown as its raw number with a finding, and an
// error in one panel stays in that panel.
import { createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createCase, importEvidence, signIn } from './app-actions';

let scratch: string;
test.beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'tokentrail-hostile-values-'));
});
test.afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function hs256(claims: Record<string, unknown>): string {
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${input}.${createHmac('sha256', 'not-in-the-case').update(input).digest('base64url')}`;
}

test('times beyond the calendar are shown as numbers with a claim-type finding, and survive a reload', async ({
  app,
}) => {
  const page = app.page;
  const token = hs256({ sub: 'mallory', exp: 9999999999999, iat: -8.7e12, nbf: 1.7e308 });
  const file = path.join(scratch, 'far-future.txt');
  await writeFile(file, `${token}\n`);
  await signIn(page);
  await createCase(page, 'Far future');
  await importEvidence(page, 'files', [file], 'generated');
  await page.getByTestId('tab-tokens').click();
  await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
  await page.getByTestId('token-row').first().click();

  await expect(page.getByTestId('fatal-error')).toHaveCount(0);
  await expect(page.getByTestId('panel-error')).toHaveCount(0);
  await expect(page.getByTestId('token-detail')).toContainText('9999999999999000 ms (outside the calendar range)');
  await expect(page.locator('[data-testid=token-finding][data-finding-id=claim-type]').first()).toBeVisible();

  // Every other view of the case takes the same values.
  for (const tab of ['timeline', 'findings', 'lifecycle', 'map', 'evidence', 'tokens']) {
    await page.getByTestId(`tab-${tab}`).click();
    await expect(page.getByTestId('panel-error')).toHaveCount(0);
    await expect(page.getByTestId('fatal-error')).toHaveCount(0);
  }
  await page.reload();
  await expect(page.getByTestId('fatal-error')).toHaveCount(0);
});
