import { generateKeyPairSync, sign } from 'node:crypto';
import { createReadStream, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { inspectInParallel, readChunks } from '../../../cli/inspect-workers';
import { run } from '../../../cli/run';

/** The paths `inspect` is given (input, wordlist, key files, JSON options): each problem named before any analysis. */

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const cli = async (argv: string[]) => {
  const lines = { stdout: [] as string[], stderr: [] as string[] };
  const code = await run(['inspect', ...argv], {
    stdout: (line) => void lines.stdout.push(line),
    stderr: (line) => void lines.stderr.push(line),
  });
  return { code, stdout: lines.stdout.join('\n'), stderr: lines.stderr.join('\n') };
};

describe('inspect: the paths it is given', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tt-inspect-inputs-'));
  const file = (name: string, content: string) => {
    const target = path.join(dir, name);
    writeFileSync(target, content);
    return target;
  };
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signingInput = `${b64({ alg: 'ES256', kid: 'k1' })}.${b64({ sub: 'alice', exp: 4e9, iat: 1.7e9 })}`;
  const good = `${signingInput}.${sign('sha256', Buffer.from(signingInput), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
  const jwks = file(
    'issuer.jwks',
    JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig' }] }),
  );
  const tokens = file('tokens.txt', `${good}\n`);

  it('refuses a missing input file or a folder instead of analysing its name as a token', async () => {
    const missing = path.join(dir, 'nofile.txt');
    expect(await cli([missing, '--keys', jwks])).toEqual({
      code: 2,
      stdout: '',
      stderr: `tokentrail inspect: cannot read ${missing}: no such file`,
    });
    expect(await cli([dir])).toEqual({
      code: 2,
      stdout: '',
      stderr: `tokentrail inspect: cannot read ${dir}: ${dir} is a directory`,
    });
  });

  it('still analyses a token given literally, well-formed or not, compact or JSON', async () => {
    expect((await cli([good, '--keys', jwks])).code).toBe(0);
    const [protectedHeader, payload, signature] = good.split('.');
    expect((await cli([JSON.stringify({ protected: protectedHeader, payload, signature }), '--keys', jwks])).code).toBe(
      0,
    );
    const malformed = await cli(['abc.def.ghi']);
    expect(malformed.code).toBe(1);
    expect(malformed.stdout).toMatch(/^line 1: INVALID/);
  });

  it('checks the wordlist before analysing, and names it', async () => {
    const missing = path.join(dir, 'no-words.txt');
    expect(await cli([tokens, '--wordlist', dir])).toEqual({
      code: 2,
      stdout: '',
      stderr: `tokentrail inspect: cannot read the wordlist ${dir}: ${dir} is a directory`,
    });
    expect(await cli([tokens, '--wordlist', missing])).toEqual({
      code: 2,
      stdout: '',
      stderr: `tokentrail inspect: cannot read the wordlist ${missing}: no such file`,
    });
  });

  it('names the file, line and column of invalid JSON in --case-config and --key-rotation', async () => {
    const config = file('case-config.json', '{\n  "maxTokenLifetimeSeconds": 3600,\n  oops\n}\n');
    const rotation = file('key-rotation.json', '{"format": "tokentrail-key-rotation",\n "keys": oops}');
    const badConfig = await cli([tokens, '--case-config', config]);
    expect(badConfig).toMatchObject({ code: 2, stdout: '' });
    expect(badConfig.stderr).toContain(
      `tokentrail inspect: ${config} (line 3, column 3): the case configuration is not valid JSON: `,
    );
    const badRotation = await cli([tokens, '--key-rotation', rotation]);
    expect(badRotation).toMatchObject({ code: 2, stdout: '' });
    // V8's quote of the text around the error is left out: the line and column point there.
    expect(badRotation.stderr).toBe(
      `tokentrail inspect: ${rotation} (line 2, column 10): the key-rotation history is not valid JSON: Unexpected token 'o'.`,
    );
    expect((await cli([tokens, '--case-config', path.join(dir, 'none.json')])).stderr).toBe(
      `tokentrail inspect: cannot read the case configuration ${path.join(dir, 'none.json')}: no such file`,
    );
  });

  it('exits 2 when a key file named with --keys cannot be parsed, and warns (naming the file) for one in a --keys folder', async () => {
    mkdirSync(path.join(dir, 'evidence'));
    const brokenJson = path.join(dir, 'evidence', 'broken.json');
    const brokenPem = path.join(dir, 'evidence', 'broken.pem');
    writeFileSync(brokenJson, '{"keys": [');
    writeFileSync(brokenPem, '-----BEGIN PUBLIC KEY-----\nnot base64!!\n-----END PUBLIC KEY-----\n');
    writeFileSync(
      path.join(dir, 'evidence', 'issuer.jwks'),
      JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1' }] }),
    );
    const refused = async (keyFile: string, reason: string) => {
      const result = await cli([tokens, '--keys', jwks, '--keys', keyFile]);
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr.startsWith(`tokentrail inspect: ${keyFile}: `), result.stderr).toBe(true);
      expect(result.stderr).toContain(reason);
      expect(result.stderr).toContain('No key can be read from this file, given with --keys');
    };
    await refused(brokenJson, 'not valid JSON');
    await refused(brokenPem, 'PEM block "PUBLIC KEY" has no readable base64 body');
    const offCurve = path.join(dir, 'evidence', 'off-curve.jwk');
    writeFileSync(offCurve, JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' }));
    await refused(offCurve, 'cannot be used');
    const folder = await cli([tokens, '--keys', path.join(dir, 'evidence')]);
    expect(folder.code).toBe(0);
    expect(folder.stderr).toContain(`warning: ${brokenJson}: starts like JSON but is not valid JSON`);
    expect(folder.stderr).toContain(`warning: ${brokenPem}: PEM block "PUBLIC KEY" has no readable base64 body`);
  });

  it('reads a line of many chunks without copying it again with every chunk', async () => {
    // 4 MiB in 16 KiB chunks. Work is counted in bytes joined, not timed: re-joining the unfinished line with each
    // of the 256 chunks joins ~512 MiB; joining it once when it ends, a little over 4 MiB.
    const long = path.join(dir, 'long-line.txt');
    writeFileSync(long, Buffer.alloc(4 << 20, 'A'));
    const blocks: { lines: string[]; firstLine: number }[] = [];
    const concat = vi.spyOn(Buffer, 'concat');
    try {
      const summary = await inspectInParallel(
        readChunks(createReadStream(long, { highWaterMark: 16 << 10 })),
        { keys: [], json: true, workers: 0 },
        async (lines, firstLine) => {
          blocks.push({ lines, firstLine });
          return { output: '', count: lines.length, allPass: false };
        },
        () => undefined,
      );
      const joined = concat.mock.results.reduce((sum, result) => sum + (result.value as Buffer).length, 0);
      expect(summary.count).toBe(1);
      expect(blocks).toHaveLength(1);
      expect(blocks[0]!.firstLine).toBe(1);
      expect(blocks[0]!.lines[0]!.length).toBe(4 << 20);
      expect(joined).toBeLessThan(3 * (4 << 20));
    } finally {
      concat.mockRestore();
    }
  });
});
