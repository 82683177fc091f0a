// Per-token CPU cost of the token engine, single thread: analyzeToken (strict decode, verification, every check,
// findings) plus the `inspect --json` formatting, for HS256, RS256 and ES256 tokens shaped like token-bench's.
// Run: npm run bench -- analyze-token-cost [tokensPerAlg=5000] [rounds=5]
// Baseline measured in the same run: raw node:crypto verification of the same tokens with preloaded keys, so
// "engine overhead" = analysis − raw verify is comparable across runs on a shared machine. Figures are the best of
// `rounds` passes (CPU time of this process, from process.cpuUsage; wall time alongside). No assertions.
import crypto from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as engine from '../../core/token';
import type { AnalyzeOptions, TokenAnalysis } from '../../core/token';
import { loadInspectKeys } from '../../cli/inspect-keys';
import { inspectRecord, passes } from '../../cli/inspect-output';
import { inspectOptions } from '../../cli/inspect-workers';
import { createNodeVerifier } from '../../cli/node-crypto-verifier';

/** The engine's synchronous bulk entry point when it has one (what `inspect` calls), else analyzeToken. */
const analyzeNow: (token: string, options: AnalyzeOptions) => TokenAnalysis | Promise<TokenAnalysis> =
  (engine as { analyzeTokenNow?: typeof engine.analyzeToken }).analyzeTokenNow ?? engine.analyzeToken;
async function analyze(token: string, options: AnalyzeOptions): Promise<TokenAnalysis> {
  const result = analyzeNow(token, options);
  return result instanceof Promise ? await result : result;
}
const count = Number(process.argv[2] ?? 5000);
const rounds = Math.max(1, Number(process.argv[3] ?? 5));
const b64 = (value: unknown): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const dir = mkdtempSync(path.join(tmpdir(), 'tokentrail-cost-'));

type Alg = 'HS256' | 'RS256' | 'ES256';
interface Keys {
  secret?: Buffer;
  publicKey?: crypto.KeyObject;
  privateKey?: crypto.KeyObject;
}
const MAKE: Record<Alg, () => Keys> = {
  HS256: () => ({ secret: crypto.randomBytes(32) }),
  RS256: () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }),
  ES256: () => crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }),
};
function sign(alg: Alg, keys: Keys, input: string): Buffer {
  if (alg === 'HS256') return crypto.createHmac('sha256', keys.secret!).update(input).digest();
  if (alg === 'ES256')
    return crypto.sign('sha256', Buffer.from(input), { key: keys.privateKey!, dsaEncoding: 'ieee-p1363' });
  return crypto.sign('sha256', Buffer.from(input), keys.privateKey!);
}
function rawVerify(alg: Alg, keys: Keys, data: Buffer, sig: Buffer): boolean {
  if (alg === 'HS256')
    return crypto.timingSafeEqual(crypto.createHmac('sha256', keys.secret!).update(data).digest(), sig);
  if (alg === 'ES256') return crypto.verify('sha256', data, { key: keys.publicKey!, dsaEncoding: 'ieee-p1363' }, sig);
  return crypto.verify('sha256', data, keys.publicKey!, sig);
}

/** CPU and wall µs per item of `body` over `n` items, best of `rounds`. */
async function measure(n: number, body: () => Promise<void> | void): Promise<{ cpu: number; wall: number }> {
  let best = { cpu: Infinity, wall: Infinity };
  for (let round = 0; round < rounds; round++) {
    const cpu0 = process.cpuUsage();
    const wall0 = performance.now();
    await body();
    const wall = ((performance.now() - wall0) * 1000) / n;
    const used = process.cpuUsage(cpu0);
    const cpu = (used.user + used.system) / n;
    if (cpu < best.cpu) best = { cpu, wall };
  }
  return best;
}

const f = (value: number): string => value.toFixed(1).padStart(8);
console.log(
  `analyzeToken + inspect --json formatting, one thread, ${count} tokens per algorithm, best of ${rounds} (Node ${process.version})`,
);
console.log(
  'algorithm | raw verify µs cpu | analyze µs cpu | format µs cpu | total µs cpu | total − raw µs | total µs wall | tokens/s/core',
);
for (const alg of ['HS256', 'RS256', 'ES256'] as const) {
  const keys = MAKE[alg]();
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const input = `${b64({ alg, typ: 'JWT', kid: 'bench' })}.${b64({ sub: `user-${i}`, iat: 1_700_000_000 + i, exp: 4_000_000_000 + i, iss: 'https://issuer.example' })}`;
    tokens.push(`${input}.${sign(alg, keys, input).toString('base64url')}`);
  }
  const parts = tokens.map((token) => {
    const at = token.lastIndexOf('.');
    return [Buffer.from(token.slice(0, at)), Buffer.from(token.slice(at + 1), 'base64url')] as const;
  });
  const keyFile = path.join(dir, `${alg}.jwk`);
  const jwk =
    alg === 'HS256' ? { kty: 'oct', k: keys.secret!.toString('base64url') } : keys.publicKey!.export({ format: 'jwk' });
  writeFileSync(keyFile, JSON.stringify({ ...jwk, kid: 'bench' }));
  const options = inspectOptions(await loadInspectKeys([keyFile]), undefined, createNodeVerifier());
  // Warm-up (JIT, key import), and a check that every token verifies.
  for (let i = 0; i < Math.min(count, 2000); i++) {
    const analysis = await analyze(tokens[i]!, options);
    if (analysis.signature.status !== 'valid' || !passes(analysis))
      throw new Error(`${alg}: token ${i} is ${analysis.signature.status}`);
    JSON.stringify(inspectRecord(i + 1, analysis));
  }
  const raw = await measure(count, () => {
    for (const [data, sig] of parts) if (!rawVerify(alg, keys, data, sig)) throw new Error('raw verify failed');
  });
  const analyses: TokenAnalysis[] = [];
  const analyzed = await measure(count, async () => {
    analyses.length = 0;
    for (const token of tokens) analyses.push(await analyze(token, options));
  });
  let sink = 0;
  const formatted = await measure(count, () => {
    for (let i = 0; i < count; i++) sink += JSON.stringify(inspectRecord(i + 1, analyses[i]!)).length;
  });
  const total = await measure(count, async () => {
    for (let i = 0; i < count; i++)
      sink += JSON.stringify(inspectRecord(i + 1, await analyze(tokens[i]!, options))).length;
  });
  if (sink === 0) throw new Error('no output');
  console.log(
    `${alg.padEnd(9)} | ${f(raw.cpu).padStart(17)} | ${f(analyzed.cpu).padStart(14)} | ${f(formatted.cpu).padStart(13)} | ${f(total.cpu).padStart(12)} | ${f(total.cpu - raw.cpu).padStart(14)} | ${f(total.wall).padStart(13)} | ${Math.round(
      1e6 / total.cpu,
    )
      .toLocaleString('en-US')
      .padStart(13)}`,
  );
}
