import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCliInto } from '../../support/build-cli';
import { b64, inspectSigners, mixedTokenLines } from '../../support/inspect-signers';

describe('inspect with the dedicated worker bundle (dist/cli/inspect-worker.cjs)', () => {
  it('prints with --workers 1 and 2 exactly what the one-thread path prints', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tt-worker-bundle-'));
    const bundle = await buildCliInto(dir, { inspectWorker: true });
    const lines = mixedTokenLines(
      inspectSigners(dir),
      3000,
      (i) => `${b64({ alg: 'HS256', kid: `../../etc/passwd${i % 3}` })}.${b64({ sub: 'k' })}.c2ln`,
    );
    const file = path.join(dir, 'tokens.txt');
    writeFileSync(file, `${lines.join('\n')}\nlast-line`);
    const run = (...extra: string[]) =>
      spawnSync(process.execPath, [bundle, 'inspect', file, '--keys', path.join(dir, 'keys.jwks'), ...extra], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
    const normal = (text: string) => text.replace(/time of analysis \([^)]*\)/g, 'time of analysis');
    for (const mode of [['--json'], []]) {
      const single = run(...mode, '--workers', '0');
      expect(single.status).toBe(1);
      for (const workers of ['1', '2']) {
        const parallel = run(...mode, '--workers', workers);
        expect(parallel.status).toBe(1);
        expect(normal(parallel.stdout)).toBe(normal(single.stdout));
        expect(parallel.stderr).toBe(single.stderr);
      }
    }
  }, 120_000);
});
