// Token analysis in Chromium, through the real app (dist/tokentrail.html on a persistent, disk-backed profile):
//  - tokens/s the analysis worker judges per algorithm: end to end (read, decode, verify with WebCrypto, every
//    check, store in IndexedDB; timed by the worker from "Re-analyse" to done) and the analysis alone (decode,
//    verify, checks), against raw WebCrypto verify of the same tokens in the same page (key imported once, 256
//    verifications in flight);
//  - wordlist guesses/s of the worker's weak-HMAC-secret search, against raw WebCrypto HMAC in the same page.
// Run: npm run bench -- token-analysis-browser [tokensPerAlg=5000] [words=1000000]
// Needs the web build (built here when missing) and /usr/bin/chromium (TOKENTRAIL_CHROMIUM overrides). No timed
// assertions: figures only.
import { createHmac, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const perAlg = Number(process.argv[2] ?? 5000);
const wordCount = Number(process.argv[3] ?? 1_000_000);
const appFile = path.join(root, 'dist/tokentrail.html');
if (!existsSync(appFile))
  spawnSync(process.execPath, [path.join(root, 'build/build.mjs'), 'web'], { stdio: 'inherit' });
const dir = mkdtempSync(path.join(tmpdir(), 'tokentrail-bench-browser-'));

const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const ALGS = {
  HS256: {
    make: () => ({ secret: randomBytes(32) }),
    jwk: (keys) => ({ kty: 'oct', k: keys.secret.toString('base64url') }),
    sign: (keys, input) => createHmac('sha256', keys.secret).update(input).digest(),
  },
  RS256: {
    make: () => generateKeyPairSync('rsa', { modulusLength: 2048 }),
    sign: (keys, input) => sign('sha256', Buffer.from(input), keys.privateKey),
  },
  PS256: {
    make: () => generateKeyPairSync('rsa', { modulusLength: 2048 }),
    sign: (keys, input) => sign('sha256', Buffer.from(input), { key: keys.privateKey, padding: 6, saltLength: 32 }),
  },
  ES256: {
    make: () => generateKeyPairSync('ec', { namedCurve: 'P-256' }),
    sign: (keys, input) => sign('sha256', Buffer.from(input), { key: keys.privateKey, dsaEncoding: 'ieee-p1363' }),
  },
  EdDSA: {
    make: () => generateKeyPairSync('ed25519'),
    sign: (keys, input) => sign(null, Buffer.from(input), keys.privateKey),
  },
};

function makeCase(alg) {
  const spec = ALGS[alg];
  const keys = spec.make();
  const jwk = {
    ...(spec.jwk ? spec.jwk(keys) : keys.publicKey.export({ format: 'jwk' })),
    kid: `bench-${alg}`,
    alg,
    use: 'sig',
  };
  const tokens = [];
  for (let index = 0; index < perAlg; index++) {
    const input = `${b64({ alg, typ: 'JWT', kid: jwk.kid })}.${b64({ iss: 'https://issuer.example/', sub: `user-${index}`, aud: 'api', iat: 1_790_000_000 + index, exp: 1_790_003_600 + index })}`;
    tokens.push(`${input}.${spec.sign(keys, input).toString('base64url')}`);
  }
  const tokensFile = path.join(dir, `${alg}-tokens.txt`);
  const jwksFile = path.join(dir, `${alg}-jwks.json`);
  writeFileSync(tokensFile, `${tokens.join('\n')}\n`);
  writeFileSync(jwksFile, JSON.stringify({ keys: [jwk] }));
  return { tokens, jwk, files: [tokensFile, jwksFile] };
}

async function writeWordlist(file, count) {
  const out = createWriteStream(file);
  for (let index = 0; index < count; index += 10_000) {
    const block = Array.from(
      { length: Math.min(10_000, count - index) },
      (_, offset) => `bench-word-${index + offset}`,
    ).join('\n');
    if (!out.write(`${block}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
}

const waitStatus = (page, testId, status, timeout = 600_000) =>
  page.waitForSelector(`[data-testid=${testId}][data-status=${status}]`, { timeout });

/** Waits until the analysis is done and stays done: an ingest finishing after the import starts another run. */
async function waitSettled(page) {
  for (let quiet = 0; quiet < 3;) {
    await waitStatus(page, 'analysis-status', 'complete');
    await page.waitForTimeout(1000);
    quiet = (await page.locator('[data-testid=analysis-status][data-status=complete]').count()) === 1 ? quiet + 1 : 0;
  }
}

async function importCase(page, title, files) {
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('new-case-title').fill(title);
  await page.getByTestId('new-case-create').click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('pick-files').click();
  await (await chooser).setFiles(files);
  await page.getByTestId('import-accept').click({ timeout: 600_000 });
  await page.getByTestId('import-notice').waitFor({ timeout: 600_000 });
  await page.getByTestId('tab-tokens').click();
}

/** Raw WebCrypto in the page: import the key once, verify every token, 256 in flight. */
function rawVerify({ alg, jwk, tokens }) {
  const params = {
    HS256: [{ name: 'HMAC', hash: 'SHA-256' }, { name: 'HMAC' }],
    RS256: [{ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, { name: 'RSASSA-PKCS1-v1_5' }],
    PS256: [
      { name: 'RSA-PSS', hash: 'SHA-256' },
      { name: 'RSA-PSS', saltLength: 32 },
    ],
    ES256: [
      { name: 'ECDSA', namedCurve: 'P-256' },
      { name: 'ECDSA', hash: 'SHA-256' },
    ],
    EdDSA: [{ name: 'Ed25519' }, { name: 'Ed25519' }],
  }[alg];
  const decode = (text) =>
    Uint8Array.from(
      atob(
        text
          .replace(/-/g, '+')
          .replace(/_/g, '/')
          .padEnd(Math.ceil(text.length / 4) * 4, '='),
      ),
      (c) => c.charCodeAt(0),
    );
  const { alg: _alg, kid: _kid, use: _use, ...keyJwk } = jwk;
  const parts = tokens.map((token) => {
    const at = token.lastIndexOf('.');
    return [new TextEncoder().encode(token.slice(0, at)), decode(token.slice(at + 1))];
  });
  return crypto.subtle
    .importKey('jwk', keyJwk, params[0], false, alg === 'HS256' ? ['verify'] : ['verify'])
    .then(async (key) => {
      const started = performance.now();
      let ok = 0;
      for (let at = 0; at < parts.length; at += 256) {
        const results = await Promise.all(
          parts.slice(at, at + 256).map(([data, signature]) => crypto.subtle.verify(params[1], key, signature, data)),
        );
        ok += results.filter(Boolean).length;
      }
      return { ok, ms: performance.now() - started };
    });
}

/** Raw WebCrypto HMAC guessing in the page: import each candidate, sign the token's input, 256 in flight. */
function rawGuess({ count }) {
  const input = new TextEncoder().encode('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJiZW5jaCJ9');
  return (async () => {
    const started = performance.now();
    for (let at = 0; at < count; at += 256) {
      await Promise.all(
        Array.from({ length: Math.min(256, count - at) }, async (_, offset) => {
          const key = await crypto.subtle.importKey(
            'raw',
            new TextEncoder().encode(`bench-word-${at + offset}`),
            { name: 'HMAC', hash: 'SHA-256' },
            false,
            ['sign'],
          );
          return crypto.subtle.sign('HMAC', key, input);
        }),
      );
    }
    return { ms: performance.now() - started };
  })();
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
  executablePath: process.env.TOKENTRAIL_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--disable-background-networking', '--disable-component-update'],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(pathToFileURL(appFile).href);
  await page.getByTestId('investigator-input').fill('Bench');
  await page.getByTestId('investigator-save').click();
  const version =
    context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent.match(/Chrome\/([\d.]+)/)?.[1]));
  console.log(
    `Tokentrail analysis in Chromium ${version} — ${perAlg} tokens per algorithm, ${await page.evaluate(() => navigator.hardwareConcurrency)} core(s)\n`,
  );
  console.log(
    'algorithm | worker end to end tokens/s | worker analysis alone tokens/s | raw WebCrypto verify tokens/s | analysis ÷ raw',
  );
  for (const alg of Object.keys(ALGS)) {
    const bench = makeCase(alg);
    await importCase(page, `bench ${alg}`, bench.files);
    await waitSettled(page);
    // Timed: a full re-analysis of every token, once the import and its first analysis are done.
    await page.getByTestId('analysis-rerun').click();
    await waitStatus(page, 'analysis-status', 'complete');
    const status = page.getByTestId('analysis-status');
    const elapsedMs = Number(await status.getAttribute('data-elapsed-ms'));
    const analyseMs = Number(await status.getAttribute('data-analyse-ms'));
    const valid = await page.locator('[data-testid=token-row][data-verdict=valid]').count();
    const raw = await page.evaluate(rawVerify, { alg, jwk: bench.jwk, tokens: bench.tokens });
    const analyseRate = perAlg / (analyseMs / 1000);
    const rawRate = perAlg / (raw.ms / 1000);
    console.log(
      `${alg.padEnd(9)} | ${fmt(perAlg / (elapsedMs / 1000)).padStart(8)} (${valid} shown valid) | ${fmt(analyseRate).padStart(8)} | ${fmt(rawRate).padStart(8)} (${raw.ok} ok) | ${(analyseRate / rawRate).toFixed(2)}`,
    );
  }

  // Wordlist: one HS256 token (the sample case's), a list without its secret, so every word is tried.
  const wordlist = path.join(dir, 'wordlist.txt');
  await writeWordlist(wordlist, wordCount);
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('open-sample').click();
  await page.getByTestId('tab-tokens').click();
  await waitSettled(page);
  const started = performance.now();
  await page.getByTestId('wordlist-input').setInputFiles(wordlist);
  await waitStatus(page, 'wordlist-status', 'complete');
  const seconds = (performance.now() - started) / 1000;
  const result = await page.getByTestId('wordlist-result').textContent();
  const reported = Number(/at ([\d,]+) words\/s/.exec(result ?? '')?.[1]?.replace(/,/g, '') ?? Number.NaN);
  const rawCount = Math.min(wordCount, 200_000);
  const raw = await page.evaluate(rawGuess, { count: rawCount });
  const rawRate = rawCount / (raw.ms / 1000);
  console.log(
    `\nwordlist  | worker guesses/s ${fmt(reported)} (1 HS256 target, ${fmt(wordCount)} words, ${seconds.toFixed(1)} s with file reading) | raw WebCrypto importKey+sign guesses/s ${fmt(rawRate)} | ${(reported / rawRate).toFixed(2)}`,
  );
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}
