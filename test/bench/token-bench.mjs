// Token engine benchmarks: node test/bench/token-bench.mjs [tokensPerAlg=20000] [words=2000000]
// Prints, measured in the same run:
//  - bulk verification tokens/s per algorithm through the worker pool, and the ratio to raw node:crypto × cores;
//  - HMAC secret guesses/s through the pool, and the ratio to a raw createHmac loop × cores;
//  - `tokentrail inspect` whole-process throughput on N tokens per algorithm, and on a wordlist search (peak RSS).
// Needs the CLI built (node build/build.mjs cli). No timed assertions: figures only.
import { build } from 'esbuild';
import crypto from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, createWriteStream, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const count = Number(process.argv[2] ?? 20_000);
const wordCount = Number(process.argv[3] ?? 2_000_000);
const cores = availableParallelism();
const dir = mkdtempSync(path.join(tmpdir(), 'tokentrail-bench-'));
const cli = path.join(root, 'dist/cli/tokentrail.cjs');
if (!existsSync(cli)) spawnSync(process.execPath, [path.join(root, 'build/build.mjs'), 'cli'], { stdio: 'inherit' });

await build({ entryPoints: [path.join(root, 'cli/node-crypto-pool.ts')], bundle: true, platform: 'node', format: 'esm', outfile: path.join(dir, 'pool.mjs'), logLevel: 'warning' });
const { createCryptoPool } = await import(pathToFileURL(path.join(dir, 'pool.mjs')).href);

const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const ALGS = {
  HS256: () => ({ secret: crypto.randomBytes(32) }),
  RS256: () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }),
  PS256: () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }),
  ES256: () => crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  EdDSA: () => crypto.generateKeyPairSync('ed25519'),
};
function sign(alg, keys, input) {
  if (alg.startsWith('HS')) return crypto.createHmac('sha256', keys.secret).update(input).digest();
  if (alg === 'EdDSA') return crypto.sign(null, Buffer.from(input), keys.privateKey);
  if (alg.startsWith('PS')) return crypto.sign('sha256', Buffer.from(input), { key: keys.privateKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  if (alg.startsWith('ES')) return crypto.sign('sha256', Buffer.from(input), { key: keys.privateKey, dsaEncoding: 'ieee-p1363' });
  return crypto.sign('sha256', Buffer.from(input), keys.privateKey);
}
function rawVerify(alg, key, data, sig) {
  if (alg.startsWith('HS')) return crypto.timingSafeEqual(crypto.createHmac('sha256', key).update(data).digest(), sig);
  if (alg === 'EdDSA') return crypto.verify(null, data, key, sig);
  if (alg.startsWith('PS')) return crypto.verify('sha256', data, { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, sig);
  if (alg.startsWith('ES')) return crypto.verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, sig);
  return crypto.verify('sha256', data, key, sig);
}
const rate = (n, ms) => Math.round((n / ms) * 1000);
const fmt = (n) => n.toLocaleString('en-US');

console.log(`Tokentrail token benchmarks — Node ${process.version}, ${cores} core(s), ${count} tokens per algorithm\n`);
console.log('algorithm | raw node:crypto /core | pool tokens/s | pool ÷ (raw × cores) | inspect whole process tokens/s');
for (const [alg, make] of Object.entries(ALGS)) {
  const keys = make();
  const tokens = [];
  for (let i = 0; i < count; i++) {
    const input = `${b64({ alg, typ: 'JWT', kid: 'bench' })}.${b64({ sub: `user-${i}`, iat: 1_700_000_000 + i, exp: 4_000_000_000 + i, iss: 'https://issuer.example' })}`;
    tokens.push(`${input}.${sign(alg, keys, input).toString('base64url')}`);
  }
  const parts = tokens.map((token) => { const at = token.lastIndexOf('.'); return [Buffer.from(token.slice(0, at)), Buffer.from(token.slice(at + 1), 'base64url')]; });
  const rawKey = alg.startsWith('HS') ? keys.secret : keys.publicKey;
  const sample = Math.min(parts.length, alg.startsWith('HS') ? parts.length : 5000);
  let started = performance.now();
  for (let i = 0; i < sample; i++) if (!rawVerify(alg, rawKey, parts[i][0], parts[i][1])) throw new Error('raw verify failed');
  const raw = rate(sample, performance.now() - started);

  const pool = createCryptoPool(cores);
  const jwk = alg.startsWith('HS') ? undefined : keys.publicKey.export({ format: 'jwk' });
  const key = alg.startsWith('HS') ? { id: 'k', kind: 'secret', secret: new Uint8Array(keys.secret) } : { id: 'k', kind: 'public', jwk, spki: new Uint8Array(0) };
  await Promise.all(parts.slice(0, 200).map(([d, s]) => pool.verify(alg, key, d, s))); // warm-up: workers started, key imported
  started = performance.now();
  const results = await Promise.all(parts.map(([d, s]) => pool.verify(alg, key, d, s)));
  const pooled = rate(parts.length, performance.now() - started);
  await pool.close();
  if (results.some((ok) => !ok)) throw new Error(`pool verification failed for ${alg}`);

  const tokenFile = path.join(dir, `${alg}.txt`);
  writeFileSync(tokenFile, `${tokens.join('\n')}\n`);
  const keyFile = path.join(dir, `${alg}.jwk`);
  writeFileSync(keyFile, JSON.stringify(alg.startsWith('HS') ? { kty: 'oct', k: keys.secret.toString('base64url'), kid: 'bench' } : { ...jwk, kid: 'bench' }));
  started = performance.now();
  const run = spawnSync(process.execPath, [cli, 'inspect', tokenFile, '--keys', keyFile, '--json'], { maxBuffer: 1 << 30 });
  const whole = rate(count, performance.now() - started);
  const lines = run.stdout.toString().trim().split('\n');
  const valid = lines.filter((line) => JSON.parse(line).signature.status === 'valid').length;
  if (valid !== count) throw new Error(`inspect ${alg}: ${valid}/${count} valid (exit ${run.status}): ${run.stderr}`);
  console.log(`${alg.padEnd(9)} | ${fmt(raw).padStart(21)} | ${fmt(pooled).padStart(13)} | ${(pooled / (raw * cores)).toFixed(2).padStart(20)} | ${fmt(whole).padStart(10)}`);
}

// HMAC secret search.
const secret = 'not-in-the-list';
const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'alice', exp: 4_000_000_000 })}`;
const token = `${input}.${crypto.createHmac('sha256', secret).update(input).digest('base64url')}`;
const wordlist = path.join(dir, 'words.txt');
await new Promise((resolve) => {
  const stream = createWriteStream(wordlist);
  let i = 0;
  const write = () => {
    let ok = true;
    while (i < wordCount && ok) { const chunk = []; for (let j = 0; j < 10_000 && i < wordCount; j++, i++) chunk.push(i === wordCount - 1 ? secret : `candidate-${i.toString(36)}`); ok = stream.write(`${chunk.join('\n')}\n`); }
    if (i < wordCount) stream.once('drain', write); else stream.end(resolve);
  };
  write();
});
const rawWords = Array.from({ length: 300_000 }, (_, i) => Buffer.from(`candidate-${i.toString(36)}`));
const inputBytes = Buffer.from(input);
let started = performance.now();
for (const word of rawWords) crypto.createHmac('sha256', word).update(inputBytes).digest();
const rawGuess = rate(rawWords.length, performance.now() - started);
const pool = createCryptoPool(cores);
const target = { id: 't', alg: 'HS256', signingInput: new Uint8Array(inputBytes), signature: new Uint8Array(Buffer.from(token.split('.')[2], 'base64url')) };
started = performance.now();
const matches = await pool.wordlistSearcher(wordlist).search([target]);
const pooledGuess = rate(wordCount, performance.now() - started);
await pool.close();
if (matches.length !== 1) throw new Error('wordlist search did not find the secret');
console.log(`\nHMAC-SHA256 guessing on ${fmt(wordCount)} words: raw createHmac ${fmt(rawGuess)}/s/core; pool ${fmt(pooledGuess)}/s on ${cores} core(s) = ${(pooledGuess / rawGuess).toFixed(2)}× one core, ${(pooledGuess / (rawGuess * cores)).toFixed(2)}× (raw × cores)`);
const timeBinary = existsSync('/usr/bin/time') ? ['/usr/bin/time', ['-f', '%M', process.execPath]] : [process.execPath, []];
started = performance.now();
const search = spawnSync(timeBinary[0], [...timeBinary[1], cli, 'inspect', token, '--wordlist', wordlist, '--json'], { maxBuffer: 1 << 26 });
const wholeSearch = rate(wordCount, performance.now() - started);
const found = search.stdout.toString().includes('weak-hmac-secret');
const rss = existsSync('/usr/bin/time') ? `, peak RSS ${(Number(search.stderr.toString().trim().split('\n').pop()) / 1024).toFixed(0)} MB` : '';
console.log(`tokentrail inspect --wordlist (whole process): ${fmt(wholeSearch)} guesses/s${rss}; secret found: ${found}`);
