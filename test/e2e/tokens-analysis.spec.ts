// Token analysis in the UI, on the shipped sample case and on tokens signed here: verdicts, findings with the
// bytes they point at, the verification trail, the wordlist search (found, progress, cancel), persistence
// across a browser restart, and the same analysis from the single-file build opened from disk.
import { createHash, createHmac, createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { CompactEncrypt, EncryptJWT } from 'jose';
import { expect, test } from './fixtures';
import { SCREENSHOTS, createCase, importEvidence, signIn } from './app-actions';

const b64url = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

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

/**
 * Focuses "Load wordlist…", presses Enter and picks the file in the chooser that opens. The button is disabled while
 * an analysis runs, and an import's events can start one more analysis after the first completed: when that lands
 * between the focus and the key press, no chooser opens, and the steps are taken again once it is enabled.
 */
async function pickWordlistByKeyboard(page: Page, file: string): Promise<void> {
  const pick = page.getByTestId('wordlist-pick');
  for (let attempt = 1; ; attempt++) {
    await expect(pick).toBeEnabled({ timeout: 30_000 }); // not while an analysis runs
    await pick.focus();
    const chooser = page.waitForEvent('filechooser', { timeout: 5_000 }).catch(() => undefined);
    await page.keyboard.press('Enter');
    const opened = await chooser;
    if (opened) return opened.setFiles(file);
    if (attempt === 4) throw new Error('Enter on "Load wordlist…" never opened the file chooser');
  }
}

/** How far an element's content reaches past its box, sideways (0 when nothing overflows). */
const sidewaysOverflow = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((element) => element.scrollWidth - element.clientWidth);

let scratch: string;
test.beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'tokentrail-analysis-e2e-'));
});
test.afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

test('the sample case: verdicts, findings with their bytes, the trail, filters, keyboard, persistence', async ({
  app,
}) => {
  const page = app.page;
  await openSampleTokens(page);
  const rows = page.getByTestId('token-row');
  await expect(rows).toHaveCount(5);
  await expect(page.locator('[data-testid=token-row][data-verdict=pending]')).toHaveCount(0);

  // Both alice tokens verify with the current key; bob's with the retired one; the forged one is unsigned.
  await expect(
    page
      .locator('[data-testid=token-row][data-verdict=valid]')
      .filter({ hasText: 'alice@northwind.example' })
      .filter({ hasText: 'nw-2026-11' }),
  ).toHaveCount(2);
  await expect(rowOf(page, 'bob@northwind.example')).toHaveAttribute('data-verdict', 'valid');
  await expect(rowOf(page, 'bob@northwind.example').getByTestId('token-row-key')).toHaveText('nw-2026-05');
  await expect(rowOf(page, 'admin@northwind.example')).toHaveAttribute('data-verdict', 'unsigned');
  await expect(
    rowOf(page, 'admin@northwind.example').getByTestId('token-row-findings').locator('[data-severity=critical]'),
  ).toBeVisible();
  // The HS256 token: no key in the bundle, but its secret "secret" is in the built-in list.
  const hmacRow = page.locator('[data-testid=token-row][data-verdict=no-key]');
  await expect(hmacRow).toHaveCount(1);
  await hmacRow.click();
  const weak = page.locator('[data-testid=token-finding][data-finding-id=weak-hmac-secret]');
  await expect(weak).toContainText('"secret"');
  // The built-in list has no lines: its internal line 0 is not shown.
  await expect(weak.locator('[data-fact=source] dd')).toHaveText('built-in list');
  await expect(weak).not.toContainText('line 0');
  // The verdict (no key) says the guessed secret verifies it, rather than leaving the two at odds.
  await expect(page.getByTestId('token-verdict-recovered')).toContainText(
    'verifies with the secret "secret", recovered by guessing (built-in list)',
  );

  // The retired key: verified, but outside its window when the token says it was issued.
  await rowOf(page, 'bob@northwind.example').click();
  const retired = page.locator('[data-testid=key-window][data-at=iat] [data-testid=key-window-status]');
  await expect(retired).toHaveAttribute('data-status', 'retired');
  const outside = page.locator('[data-testid=token-finding][data-finding-id=key-outside-validity]');
  await expect(outside).toContainText('nw-2026-05');
  // When the key was retired, and where that is written: the badge's tooltip, the key record, the finding.
  await expect(retired).toHaveAttribute(
    'title',
    /^retired 2026-11-02 00:00:00 UTC(\+00:00)?, keys\/key-rotation\.json:6$/,
  );
  await expect(page.getByTestId('key-life')).toContainText('keys/key-rotation.json:6');
  await expect(page.getByTestId('key-life')).toContainText('retired 2026-11-02 00:00:00');
  await expect(outside.locator('[data-fact="key record"] dd')).toHaveText(
    /^retired 2026-11-02 00:00:00 UTC.*, keys\/key-rotation\.json:6$/,
  );
  // The sample's logs are in the case: no hint to ingest logs for this token's (absent) uses.
  await expect(page.getByTestId('key-window-no-use')).toHaveText("No use of this token in the case's events.");
  await expect(page.locator('[data-testid=trail-entry][data-outcome=verified]')).toHaveAttribute(
    'data-kid',
    'nw-2026-05',
  );
  await page.screenshot({ path: path.join(SCREENSHOTS, 'token-analysis-retired-key.png'), fullPage: true });

  // The trail of an alice token: the current key verified it, the retired one was never needed.
  await rowOf(page, 'alice@northwind.example').first().click();
  await expect(page.getByTestId('token-verdict')).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByTestId('verification-trail')).toBeVisible();
  await expect(page.locator('[data-testid=trail-entry][data-outcome=verified]')).toHaveAttribute(
    'data-kid',
    'nw-2026-11',
  );
  await expect(page.locator('[data-testid=trail-entry][data-outcome=verified]')).toContainText('kid matches');

  // alg none: the finding, and the header bytes it points at highlighted in the raw token.
  await rowOf(page, 'admin@northwind.example').click();
  const finding = page.locator('[data-testid=token-finding][data-finding-id=alg-none]');
  await expect(finding).toContainText('alg "none"');
  await expect(finding.getByTestId('finding-doc-ref')).toHaveAttribute('href', '#/help/alg-none');
  // Ranges read inclusive: the 35 characters of the header are 0–34.
  await expect(finding.locator('[data-fact=chars] dd')).toHaveText('0–34 (35 chars)');
  const highlight = page.locator('[data-testid=raw-highlight][data-finding-ids~=alg-none]');
  await expect(highlight).toHaveCount(1);
  await expect(page.getByTestId('token-header-json')).toContainText('"none"');
  const headerSegment = (await highlight.textContent()) ?? '';
  expect(JSON.parse(Buffer.from(headerSegment, 'base64url').toString()).alg).toBe('none');
  await expect(highlight).toHaveClass(/hl-active/); // the most severe finding is shown first
  const lifetime = page.locator('[data-testid=token-finding][data-finding-id=lifetime-too-long]');
  await lifetime.hover();
  await expect(page.locator('[data-testid=raw-highlight][data-finding-ids~=lifetime-too-long]')).toHaveClass(
    /hl-active/,
  );
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
  await page.keyboard.press('End');
  await expect(rows.last()).toHaveAttribute('aria-selected', 'true');
  await expect(rows.last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');

  // Re-analyse from the keyboard: the button turns into Cancel and back, and keeps the focus throughout.
  const status = page.getByTestId('analysis-status');
  await page.getByTestId('analysis-rerun').focus();
  type Watched = Window & { sawRunning?: boolean };
  await status.evaluate((element) => {
    new MutationObserver(() => {
      if (element.getAttribute('data-status') === 'running') (window as Watched).sawRunning = true;
    }).observe(element, { attributes: true });
  });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (window as Watched).sawRunning === true);
  await expect(status).toHaveAttribute('data-status', 'complete');
  await expect(page.getByTestId('analysis-rerun')).toBeFocused();

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
  await writeFile(
    tokensFile,
    `${hs256(secret, { iss: 'https://login.northwind.example/', sub: 'carol@northwind.example', aud: 'orders-api', iat: 1_795_000_000, exp: 1_795_003_600 })}\n`,
  );
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
  // From the keyboard: Enter on "Load wordlist…" opens the file picker; focus stays on the control through the run.
  await pickWordlistByKeyboard(page, small);
  await expect(page.getByTestId('wordlist-status')).toHaveAttribute('data-status', 'complete');
  await expect(page.getByTestId('wordlist-pick')).toBeFocused();
  await expect(page.getByTestId('wordlist-result')).toHaveAttribute('data-found', '1');
  await expect(page.getByTestId('wordlist-result')).toContainText('words/s');
  await carol.click();
  const found = page.locator('[data-testid=token-finding][data-finding-id=weak-hmac-secret]');
  await expect(found).toContainText(`"${secret}"`);
  await expect(found).toContainText('line 4322 of small-wordlist.txt');
  await expect(found.locator('[data-fact=source] dd')).toHaveText('line 4322 of small-wordlist.txt');
  await expect(page.getByTestId('token-verdict-recovered')).toContainText(`"${secret}"`);
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
  await pickWordlistByKeyboard(page, large);
  await expect(page.getByTestId('wordlist-progress')).toBeVisible();
  // The focused "Load wordlist…" became "Cancel": the keyboard user is on it, not thrown back to <body>.
  await expect(page.getByTestId('wordlist-cancel')).toBeFocused();
  await expect(page.getByTestId('wordlist-rate')).toContainText(/[\d,]+ words · [\d,]+ words\/s/);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('wordlist-status')).toHaveAttribute('data-status', 'cancelled');
  await expect(page.getByTestId('wordlist-pick')).toBeFocused();
  await expect(page.getByTestId('wordlist-cancelled')).toContainText('large-wordlist.txt');
  // The earlier finding stays.
  await expect(found).toBeVisible();
});

/** A crafted set that stresses the Tokens view: a stripped signature, a 150-character kid with a long subject, a
 * payload of impossible length, an encrypted token, an unsigned token with two findings, and an ordinary one. */
function craftedTokens() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const rs256 = (header: Record<string, unknown>, payload: string) => {
    const input = `${b64url(header)}.${payload}`;
    return `${input}.${createSign('RSA-SHA256')
      .update(input)
      .sign(privateKey as KeyObject)
      .toString('base64url')}`;
  };
  const claims = (sub: string, extra: Record<string, unknown> = {}) => ({
    iss: 'https://idp.example/',
    sub,
    aud: 'api',
    iat: 1_795_000_000,
    exp: 1_795_000_600,
    ...extra,
  });
  const [header, payload] = hs256('whatever', claims('stripped@example.com')).split('.');
  const longKid = `${'k'.repeat(20)}-very-long-kid-value-${'x'.repeat(120)}`;
  // A payload whose base64url length leaves 6 dangling bits: 4n + 1 characters.
  let filler = '';
  while (b64url(claims('badlen@example.com', { x: filler })).length % 4 !== 0) filler += 'a';
  const padded = claims('badlen@example.com', { x: filler });
  const tokens = {
    valid: rs256({ alg: 'RS256', typ: 'JWT', kid: 'tt-test-1' }, b64url(claims('valid.user@example.com'))),
    stripped: `${header}.${payload}.`,
    longKid: rs256(
      { alg: 'RS256', typ: 'JWT', kid: longKid },
      b64url(
        claims(`a-very-long-subject-identifier-${'y'.repeat(150)}@example.com`, {
          aud: ['api', 'another-api-with-a-long-name'],
        }),
      ),
    ),
    badLength: rs256({ alg: 'RS256', typ: 'JWT', kid: 'tt-test-1' }, `${b64url(padded)}A`),
    jwe: `${b64url({ alg: 'dir', enc: 'A256GCM', kid: 'tt-test-1' })}..${Buffer.alloc(12, 1).toString('base64url')}.${Buffer.from('ciphertext-bytes-here').toString('base64url')}.${Buffer.alloc(16, 2).toString('base64url')}`,
    duplicate: `${Buffer.from('{"alg":"RS256","typ":"JWT","alg":"none","kid":"tt-test-1"}').toString('base64url')}.${b64url(claims('dup@example.com'))}.c2ln`,
  };
  const jwks = { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'tt-test-1', alg: 'RS256', use: 'sig' }] };
  return { tokens, longKid, jwks };
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

test('crafted tokens at 1280×800: a stripped signature marked, long values wrapped, the list whole, the claims box telling why', async ({
  app,
}) => {
  const page = app.page;
  await page.setViewportSize({ width: 1280, height: 800 });
  const { tokens, longKid, jwks } = craftedTokens();
  const tokensFile = path.join(scratch, 'crafted-tokens.txt');
  const jwksFile = path.join(scratch, 'jwks.json');
  await writeFile(tokensFile, `${Object.values(tokens).join('\n')}\n`);
  await writeFile(jwksFile, JSON.stringify(jwks, null, 2));
  await signIn(page);
  await createCase(page, 'Crafted tokens');
  await importEvidence(page, 'files', [tokensFile, jwksFile], 'generated');
  await page.getByTestId('tab-tokens').click();
  await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
  const rows = page.getByTestId('token-row');
  await expect(rows).toHaveCount(Object.keys(tokens).length);
  await expect(page.locator('[data-testid=token-row][data-verdict=pending]')).toHaveCount(0);
  const row = (token: string) => page.locator(`[data-testid=token-row][data-token-hash="${hashOf(token)}"]`);
  await expect(row(tokens.jwe)).toHaveAttribute('data-verdict', 'unsupported');

  // The list fits beside the detail: every column, "Seen" included, without scrolling sideways.
  const listScroll = page.getByTestId('token-list').locator('xpath=..');
  expect(await listScroll.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
  const seen = page.getByTestId('token-list').locator('th').last();
  await expect(seen).toHaveText(/seen/i);
  const [seenBox, scrollBox] = [await seen.boundingBox(), await listScroll.boundingBox()];
  expect(seenBox!.x + seenBox!.width).toBeLessThanOrEqual(scrollBox!.x + scrollBox!.width + 0.5);
  // Look-alike tokens told apart: each row says where the token was first seen, and file order is a sort.
  await page.getByTestId('token-sort').selectOption('file');
  await expect(page.getByTestId('token-row-place')).toHaveText(
    Object.keys(tokens).map((_, index) => `crafted-tokens.txt line ${index + 1}`),
  );
  expect(await listScroll.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
  // A long subject is cut short in the list, whole in its tooltip.
  await expect(row(tokens.longKid).getByTestId('token-row-sub')).toHaveAttribute(
    'title',
    /^a-very-long-subject-identifier-y+@example\.com$/,
  );

  // A stripped signature: the raw token marks where the signature should be, as the active finding's evidence.
  await row(tokens.stripped).click();
  const stripped = page.locator('[data-testid=token-finding][data-finding-id=signature-missing]');
  await expect(stripped.locator('[data-fact=chars] dd')).toHaveText(`empty, at ${tokens.stripped.length}`);
  const caret = page.locator('[data-testid=raw-highlight][data-finding-ids~=signature-missing]');
  await expect(caret).toHaveCount(1);
  await expect(caret).toBeVisible();
  await expect(caret).toHaveClass(/hl-active/);
  await expect(page.getByTestId('token-compact').getByRole('img', { name: 'signature missing here' })).toBeVisible();
  const [caretBox, compactText] = [await caret.boundingBox(), await page.getByTestId('token-compact').textContent()];
  expect(caretBox!.width).toBeGreaterThan(0);
  expect(compactText).toBe(tokens.stripped); // the mark adds no text: a copy of the raw token is the token

  // A 150-character kid: the verdict's reason and the finding wrap; nothing in the detail scrolls sideways.
  await row(tokens.longKid).click();
  await expect(page.getByTestId('token-verdict-reason')).toContainText(longKid);
  await expect(page.locator('[data-testid=token-finding][data-finding-id=unknown-kid]')).toContainText(longKid);
  expect(await sidewaysOverflow(page, 'token-detail')).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'token-analysis-1280-long-kid.png') });

  // An undecodable payload: the Claims box gives the decoder's reason, not another one.
  await row(tokens.badLength).click();
  await expect(page.getByTestId('token-claims-json')).toContainText('The payload is not valid base64url.');
  await expect(page.getByTestId('token-claims-json')).not.toContainText('not JSON');

  // Wide screens too.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await row(tokens.longKid).click();
  expect(await sidewaysOverflow(page, 'token-detail')).toBeLessThanOrEqual(0);
  expect(await listScroll.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
});

test("JWEs decrypted with the case's own keys: a nested JWT under RSA-OAEP (PKCS#8 PEM), an encrypted JWT under dir (oct JWK)", async ({
  app,
}) => {
  const page = app.page;
  const signer = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const encryption = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const secret = randomBytes(32);
  const innerInput = `${b64url({ alg: 'RS256', typ: 'JWT', kid: 'sig-1' })}.${b64url({ sub: 'nested.user@example.com', exp: 1_795_000_600 })}`;
  const inner = `${innerInput}.${createSign('RSA-SHA256').update(innerInput).sign(signer.privateKey).toString('base64url')}`;
  const nested = await new CompactEncrypt(new TextEncoder().encode(inner))
    .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' })
    .encrypt(encryption.publicKey);
  const encryptedJwt = await new EncryptJWT({
    sub: 'encrypted.user@example.com',
    iss: 'https://idp.example/',
    exp: 1_795_000_600,
  })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .encrypt(secret);
  const files = {
    'jwe-tokens.txt': `${nested}\n${encryptedJwt}\n`,
    'signing.jwks': JSON.stringify({
      keys: [{ ...signer.publicKey.export({ format: 'jwk' }), kid: 'sig-1', alg: 'RS256', use: 'sig' }],
    }),
    'enc-private.pem': encryption.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    'enc-secret.jwk': JSON.stringify({ kty: 'oct', k: secret.toString('base64url'), kid: 'enc-dir', use: 'enc' }),
  };
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(scratch, name), text);
  await signIn(page);
  await createCase(page, 'Encrypted tokens');
  await importEvidence(
    page,
    'files',
    Object.keys(files).map((name) => path.join(scratch, name)),
    'generated',
  );
  await page.getByTestId('tab-tokens').click();
  await expect(page.getByTestId('analysis-status')).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
  const row = (token: string) => page.locator(`[data-testid=token-row][data-token-hash="${hashOf(token)}"]`);

  // The nested JWT: decrypted with the PEM's private key, its inner signature verified with the signing key.
  await expect(row(nested)).toHaveAttribute('data-verdict', 'valid');
  await row(nested).click();
  await expect(page.getByTestId('token-claims-json')).toContainText(
    'Decrypted with the private key from enc-private.pem. Claims of the inner token:',
  );
  await expect(page.getByTestId('token-claims-json')).toContainText('nested.user@example.com');
  // The encrypted JWT: its claim set read after decryption, and judged as the token's claims.
  await row(encryptedJwt).click();
  await expect(page.getByTestId('token-claims-json')).toContainText(
    'Decrypted with the secret "enc-dir" from enc-secret.jwk.',
  );
  await expect(page.getByTestId('token-claims-json')).toContainText('encrypted.user@example.com');
  await expect(page.locator('[data-testid=token-finding][data-finding-id=jwe-decryption]')).toContainText(
    "its claim set is judged as this token's claims",
  );
  await expect(page.locator('[data-testid=token-finding][data-finding-id=missing-exp]')).toHaveCount(0); // exp read from the decrypted claims
});

test.describe('from the single-file build opened from disk', () => {
  test.use({ appUrl: pathToFileURL(path.resolve('dist/tokentrail.html')).href });

  test('the analysis worker runs from file://', async ({ app }) => {
    await openSampleTokens(app.page);
    await expect(rowOf(app.page, 'admin@northwind.example')).toHaveAttribute('data-verdict', 'unsigned');
    await expect(app.page.locator('[data-testid=token-row][data-verdict=valid]')).toHaveCount(3);
  });
});
