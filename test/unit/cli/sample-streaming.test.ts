import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRs256Signer } from '../../../cli/node-crypto-signer';
import { run } from '../../../cli/run';
import { EVENTS_PER_DAY, findScenario, generateScenario } from '../../../core/scenarios';

// `tokentrail sample` streams the bundle to disk a day at a time; `generateScenario` builds it in memory. Both run
// the same generator into another sink: the files must be the same bytes, and the manifest must describe them.

const quiet = { stdout: () => undefined, stderr: () => undefined };

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'tokentrail-stream-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function streamedAgainstMemory(scenarioId: string, events: number, formats: string[]) {
  const out = path.join(root, `${scenarioId}-${events}`);
  const code = await run(
    ['sample', scenarioId, '--out', out, '--events', String(events), '--seed', '11', '--formats', formats.join(',')],
    quiet,
  );
  expect(code).toBe(0);
  const memory = generateScenario(findScenario(scenarioId)!, {
    events,
    seed: 11,
    formats: formats as never,
    signer: nodeRs256Signer,
  });
  const written = (await readdir(path.join(out, 'bundle'), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(path.join(out, 'bundle'), path.join(entry.parentPath, entry.name)));
  expect(written.sort()).toEqual(memory.files.map((file) => file.path).sort());
  for (const file of memory.files)
    expect(
      Buffer.compare(await readFile(path.join(out, 'bundle', file.path)), Buffer.from(file.bytes)),
      file.path,
    ).toBe(0);
  expect(await readFile(path.join(out, 'answer-key.json'), 'utf8')).toBe(
    `${JSON.stringify(memory.answerKey, null, 2)}\n`,
  );
  return { out, memory };
}

describe('tokentrail sample streams the same bytes as the in-memory generator', () => {
  it.each([
    ['clock-skew', ['jsonl', 'okta', 'entra', 'access-log', 'har']],
    ['weak-hmac-secret', ['auth0', 'keycloak', 'access-log', 'har']],
    // One event: the logs other than the token service's may be empty, and the capture absent; still the same.
    ['alg-none', ['jsonl', 'okta', 'access-log', 'har']],
  ])('%s, small', async (scenarioId, formats) => {
    await streamedAgainstMemory(scenarioId, scenarioId === 'alg-none' ? 1 : 150, formats);
  });

  it('over more than one day: the manifest hashes what was written, and the records stay in time order', async () => {
    const events = EVENTS_PER_DAY + 600;
    const { out, memory } = await streamedAgainstMemory('refresh-token-reuse', events, ['jsonl', 'access-log']);
    expect(memory.eventCount).toBeGreaterThan(events);
    const manifest = JSON.parse(await readFile(path.join(out, 'bundle', 'manifest.json'), 'utf8')) as {
      files: { path: string; size: number; sha256: string }[];
    };
    for (const file of manifest.files) {
      const bytes = await readFile(path.join(out, 'bundle', file.path));
      expect({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }, file.path).toEqual({
        size: file.size,
        sha256: file.sha256,
      });
    }
    const times = (await readFile(path.join(out, 'bundle', 'logs/token-service.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => Date.parse((JSON.parse(line) as { ts: string }).ts));
    const days = new Set(times.map((ts) => new Date(ts).toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThan(1);
    expect(times.every((ts, at) => at === 0 || ts >= times[at - 1]!)).toBe(true);
  }, 120_000);
});
