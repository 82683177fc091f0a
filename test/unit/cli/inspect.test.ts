import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../cli/command';
import { inspectCommand } from '../../../cli/inspect';
import { inspectArgs } from '../../../cli/inspect-args';
import { run } from '../../../cli/run';

const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const cli = async (argv: string[], stdin?: string) => {
  const lines = { stdout: [] as string[], stderr: [] as string[] };
  const out = { stdout: (l: string) => void lines.stdout.push(l), stderr: (l: string) => void lines.stderr.push(l) };
  const code = await run(['inspect', ...argv], out, stdin === undefined ? undefined : Readable.from([stdin]));
  return { code, stdout: lines.stdout.join('\n'), stderr: lines.stderr.join('\n') };
};

describe('tokentrail inspect', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tt-inspect-'));
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const es = (claims: unknown) => {
    const input = `${b64({ alg: 'ES256', kid: 'k1' })}.${b64(claims)}`;
    return `${input}.${sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
  };
  const hs = (secret: string) => {
    const input = `${b64({ alg: 'HS256' })}.${b64({ sub: 'x', exp: 4e9 })}`;
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  };
  mkdirSync(path.join(dir, 'keys'));
  writeFileSync(
    path.join(dir, 'keys', 'issuer.jwks'),
    JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig' }] }),
  );
  const good = es({ sub: 'alice', exp: 4e9, iat: 1.7e9 });

  it('parses its arguments and refuses unknown ones', () => {
    const parse = (...argv: string[]) => inspectArgs(parseCommandLine(inspectCommand, argv));
    expect(parse('t', '--keys', 'a', '--keys', 'b', '--json')).toMatchObject({
      input: 't',
      keys: ['a', 'b'],
      json: true,
    });
    expect(() => parse('t', '--nope')).toThrow(
      expect.objectContaining({ code: 'unknown-option', message: 'unknown option --nope' }),
    );
    expect(() => parse()).toThrow(expect.objectContaining({ code: 'wrong-input-count' }));
  });

  it('exits 0 for a valid token with no serious finding, with the JSON fields of issue 3', async () => {
    const result = await cli([good, '--keys', path.join(dir, 'keys'), '--json']);
    expect(result.code).toBe(0);
    const record = JSON.parse(result.stdout);
    expect(record).toMatchObject({
      header: { alg: 'ES256', kid: 'k1' },
      claims: { sub: 'alice' },
      signature: { status: 'valid', alg: 'ES256', kid: 'k1' },
    });
    expect(record.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.signature.thumbprint).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('prints one record per input line, in order, and exits 1 on any bad token', async () => {
    const file = path.join(dir, 'tokens.txt');
    const lines = [
      good,
      hs('secret'),
      `${b64({ alg: 'none' })}.${b64({ sub: 'root' })}.`,
      '',
      'not a token',
      JSON.stringify({ payload: good.split('.')[1], protected: good.split('.')[0], signature: good.split('.')[2] }),
    ];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const result = await cli([file, '--keys', path.join(dir, 'keys', 'issuer.jwks'), '--json']);
    expect(result.code).toBe(1);
    const records = result.stdout.split('\n').map((line) => JSON.parse(line));
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 5, 6]);
    expect(records.map((r) => r.signature.status)).toEqual(['valid', 'no-key', 'unsigned', 'invalid', 'valid']);
    expect(records[1].findings.map((f: { id: string }) => f.id)).toContain('weak-hmac-secret');
    expect(records[2].findings.map((f: { id: string }) => f.id)).toContain('alg-none');
  });

  it('reads standard input and searches a wordlist', async () => {
    const wordlist = path.join(dir, 'words.txt');
    writeFileSync(wordlist, `${Array.from({ length: 50_000 }, (_, i) => `w${i}`).join('\n')}\nhunter2-but-longer\n`);
    const result = await cli(['-', '--wordlist', wordlist, '--json'], `${hs('hunter2-but-longer')}\n`);
    const record = JSON.parse(result.stdout);
    const finding = record.findings.find((f: { id: string }) => f.id === 'weak-hmac-secret');
    expect(finding.message).toContain('line 50001');
  });

  it('verifies a large input through the worker pool, in input order', async () => {
    const file = path.join(dir, 'many.txt');
    const tokens = Array.from({ length: 600 }, (_, i) => es({ sub: `u${i}`, exp: 4e9, iat: 1.7e9 }));
    writeFileSync(file, tokens.join('\n'));
    const result = await cli([file, '--keys', path.join(dir, 'keys'), '--json', '--workers', '2']);
    expect(result.code).toBe(0);
    const records = result.stdout.split('\n').map((line) => JSON.parse(line));
    expect(records).toHaveLength(600);
    expect(
      records.every((r, i) => r.line === i + 1 && r.claims.sub === `u${i}` && r.signature.status === 'valid'),
    ).toBe(true);
  });

  it('exits 2 on unreadable keys and usage errors', async () => {
    expect((await cli([good, '--keys', path.join(dir, 'missing')])).code).toBe(2);
    expect((await cli([good, '--wordlist'])).code).toBe(2);
  });
});
