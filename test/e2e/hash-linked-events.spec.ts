// Tokens the logs only hash (issue 17 §3) in the store-backed views: a gateway record that names a captured token only
// by the SHA-256 of its signature is, after the case analysis, one of that token's events — in the token's "show
// events" timeline and under the timeline's token filter — and its event view says how it was linked. Before the
// links were written into the store, only the detectors saw such a record.
import { createHash, createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { createCase, importEvidence, signIn } from './app-actions';

const T0 = Date.parse('2026-11-18T10:00:00Z');
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function hs256(claims: object): string {
  const input = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(claims)}`;
  return `${input}.${createHmac('sha256', 'e2e-secret-not-in-any-list').update(input).digest('base64url')}`;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'ascii');

function gatewayLine(minute: number, path: string, details: Record<string, string>): string {
  const ts = new Date(T0 + minute * 60_000).toISOString();
  return `${JSON.stringify({ ts, kind: 'use', method: 'GET', path, status: 200, details })}\n`;
}

let scratch: string;
test.beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'tt-hash-linked-'));
});
test.afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

test('a record naming a token only by its signature digest is one of its events in the timeline', async ({ app }) => {
  test.setTimeout(180_000);
  const page = app.page;
  const iat = Math.floor(T0 / 1000);
  const token = hs256({ sub: 'dana@example.com', iss: 'https://idp.example', iat, exp: iat + 3600 });
  const other = hs256({ sub: 'erin@example.com', iss: 'https://idp.example', iat, exp: iat + 3600 });
  const tokenHash = sha256(token).digest('hex');
  const signatureDigest = sha256(token.split('.')[2]!).digest('hex');
  const tokensFile = path.join(scratch, 'captured-tokens.txt');
  const gatewayFile = path.join(scratch, 'gateway.jsonl');
  await writeFile(tokensFile, `${token}\n${other}\n`);
  await writeFile(
    gatewayFile,
    gatewayLine(5, '/orders/v2/list', { token_sha256: signatureDigest.slice(0, 24) }) +
      gatewayLine(6, '/orders/v2/other', { token_sha256: sha256(other).digest('base64url') }) +
      gatewayLine(7, '/orders/v2/unrelated', { token_sha256: 'f'.repeat(64) }),
  );

  await signIn(page);
  await createCase(page, 'Hash-linked records');
  await importEvidence(page, 'files', [tokensFile, gatewayFile], 'generated');
  await page.getByTestId('tab-findings').click();
  await expect(page.getByTestId('case-analysis-status')).toHaveAttribute('data-status', 'complete', {
    timeout: 60_000,
  });

  // The token's events: its line in the captured file, and the gateway record that holds only a digest prefix.
  await page.getByTestId('tab-tokens').click();
  await page.locator(`[data-testid=token-row][data-token-hash="${tokenHash}"]`).click();
  await page.getByTestId('token-show-events').click();
  const rows = page.getByTestId('timeline-row');
  await expect(rows.filter({ hasText: '/orders/v2/list' })).toHaveCount(1, { timeout: 30_000 });
  await expect(rows.filter({ hasText: '/orders/v2/other' })).toHaveCount(0);
  await expect(rows.filter({ hasText: '/orders/v2/unrelated' })).toHaveCount(0);

  await rows.filter({ hasText: '/orders/v2/list' }).click();
  const detail = page.getByTestId('event-detail');
  await expect(detail.getByTestId('event-linked-token')).toHaveText(tokenHash.slice(0, 16));
  await expect(detail).toContainText(
    'linked by the SHA-256 of its signature (hex, first 24 characters) in field token_sha256',
  );
  await expect(detail.getByTestId('event-token')).toHaveCount(0); // the record itself carries no token
});
