// Scenario generation rate: npm run bench -- scenario-generation [events=1000000] [scenario=impossible-travel]
// Generates one scenario bundle as `tokentrail sample` does — streamed a day at a time into a temporary folder, with
// node:crypto signing and hashing — and prints events/s, the bundle's size, the process's peak RSS, and the ratio to
// a baseline measured in the same run: the work no generator can skip — node:crypto signing the same number of
// RS256 tokens and UTF-8 encoding the same number of bytes.
import { createPrivateKey, sign } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeRs256Signer } from '../../cli/node-crypto-signer';
import { nodeSha256 } from '../../cli/node-sha256';
import { folderSink } from '../../cli/sample';
import { findScenario, writeScenario, type Rs256Signer } from '../../core/scenarios';
import { FIXTURE_KEYS } from '../../core/scenarios/fixture-keys';

const events = Number(process.argv[2] ?? 1_000_000);
const scenario = findScenario(process.argv[3] ?? 'impossible-travel');
if (!scenario || !Number.isSafeInteger(events) || events < 1) {
  console.error('usage: npm run bench -- scenario-generation [events] [scenario id]');
  process.exit(2);
}

let signed = 0;
const countingSigner: Rs256Signer = (key, input) => {
  signed++;
  return nodeRs256Signer(key, input);
};

const folder = mkdtempSync(path.join(os.tmpdir(), 'tokentrail-bench-scenario-'));
const sink = folderSink(folder);
const started = performance.now();
const generated = writeScenario(scenario, { events, seed: 1, signer: countingSigner, sha256: nodeSha256 }, sink);
sink.close();
const seconds = (performance.now() - started) / 1000;
const peakRss = process.resourceUsage().maxRSS * 1024;
const bytes = generated.paths.reduce((total, file) => total + statSync(path.join(folder, file)).size, 0);
rmSync(folder, { recursive: true, force: true });

// Baseline: the same number of signatures over inputs of a token's size, and encoding the same number of bytes.
const { n, e, d, p, q, dp, dq, qi } = FIXTURE_KEYS.issuerCurrent;
const privateKey = createPrivateKey({ key: { kty: 'RSA', n, e, d, p, q, dp, dq, qi }, format: 'jwk' });
const baselineStarted = performance.now();
const input = Buffer.from('x'.repeat(600));
for (let at = 0; at < signed; at++) sign('sha256', input, privateKey);
const line = 'x'.repeat(1023) + '\n';
const encoder = new TextEncoder();
for (let written = 0; written < bytes; written += 64 * line.length) encoder.encode(line.repeat(64));
const baselineSeconds = (performance.now() - baselineStarted) / 1000;

const rate = (count: number, time: number) => Math.round(count / time).toLocaleString('en');
console.log(
  `scenario ${scenario.id}: ${generated.eventCount.toLocaleString('en')} events, ${signed.toLocaleString('en')} RS256 tokens, ${(bytes / 1e6).toFixed(1)} MB in ${generated.paths.length} files (streamed to disk)`,
);
console.log(
  `generation: ${seconds.toFixed(1)} s — ${rate(generated.eventCount, seconds)} events/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s`,
);
console.log(
  `baseline (sign ${signed.toLocaleString('en')} tokens + encode ${(bytes / 1e6).toFixed(1)} MB): ${baselineSeconds.toFixed(1)} s`,
);
console.log(`ratio generation / baseline: ${(seconds / baselineSeconds).toFixed(2)}`);
console.log(`peak RSS (whole process): ${(peakRss / 1e6).toFixed(0)} MB`);
