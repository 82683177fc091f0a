import { createHmac, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockLines, linesIn } from '../../../cli/inspect-workers';
import { hmac256Key, hmac256Matches } from '../../../cli/node-crypto-hmac256';
import { createCryptoPool } from '../../../cli/node-crypto-pool';
import { buildCliInto } from '../../support/build-cli';
import { b64, inspectSigners, mixedTokenLines } from '../../support/inspect-signers';

describe('inspect on large inputs (analysis in worker threads)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tt-parallel-'));

  it('splits lines as readline does', () => {
    expect(blockLines('a\nb\r\nc\rd\n')).toEqual(['a', 'b', 'c', 'd']);
    expect(blockLines('a\n\n\nb')).toEqual(['a', '', '', 'b']);
    expect(blockLines('')).toEqual([]);
  });

  it('counts the lines of a block as blockLines splits them', () => {
    for (const text of [
      'a\nb\r\nc\rd\n',
      'a\n\n\nb',
      '',
      '\r',
      '\r\n',
      'x\r',
      'x\r\ny',
      '\n\r\r\n',
      'no end',
      'a\rb\rc',
    ]) {
      expect(linesIn(Buffer.from(text)), JSON.stringify(text)).toBe(blockLines(text).length);
    }
  });

  it('HMAC-SHA256 with precomputed key blocks matches createHmac', () => {
    for (let n = 0; n < 400; n++) {
      const key = randomBytes(n % 150);
      const data = randomBytes((n * 7) % 300);
      const mac = createHmac('sha256', key).update(data).digest();
      expect(hmac256Matches(hmac256Key(key), data, mac)).toBe(true);
      mac[n % 32]! ^= 1;
      expect(hmac256Matches(hmac256Key(key), data, mac)).toBe(false);
    }
  });

  it('prints exactly what the one-thread path prints, in input order', async () => {
    const bundle = await buildCliInto(dir);
    const lines = mixedTokenLines(inspectSigners(dir), 1500, () => 'not a token');
    const file = path.join(dir, 'tokens.txt');
    writeFileSync(file, `${lines.join('\r\n')}\nlast-line`);
    const run = (...extra: string[]) =>
      spawnSync(process.execPath, [bundle, 'inspect', file, '--keys', path.join(dir, 'keys.jwks'), ...extra], {
        encoding: 'utf8',
        maxBuffer: 1 << 28,
      });
    const normal = (text: string) => text.replace(/time of analysis \([^)]*\)/g, 'time of analysis');
    for (const mode of [['--json'], []]) {
      const parallel = run(...mode);
      const single = run(...mode, '--workers', '0');
      expect(parallel.status).toBe(1);
      expect(single.status).toBe(1);
      expect(normal(parallel.stdout)).toBe(normal(single.stdout));
      expect(parallel.stderr).toBe(single.stderr);
    }
  }, 120_000);

  it('searches a wordlist in byte ranges and numbers the earliest matching line', async () => {
    const input = `${b64({ alg: 'HS256' })}.${b64({ sub: 'x' })}`;
    const input384 = `${b64({ alg: 'HS384' })}.${b64({ sub: 'y' })}`;
    const words = Array.from({ length: 120_000 }, (_, i) => `word-${i}`);
    words[70_000] = 'found-me';
    words[90_000] = 'found-me'; // a later duplicate: the earliest line wins
    words[5] = 'third\r'; // CRLF lines are tried without the CR
    const file = path.join(dir, 'words.txt');
    writeFileSync(file, `${words.join('\n')}\n${'x'.repeat(9000)}\nlast`);
    const target = (id: string, alg: 'HS256' | 'HS384', data: string, key: string) => ({
      id,
      alg,
      signingInput: new Uint8Array(Buffer.from(data)),
      signature: new Uint8Array(
        createHmac(alg === 'HS256' ? 'sha256' : 'sha384', key)
          .update(data)
          .digest(),
      ),
    });
    const pool = createCryptoPool(3);
    try {
      const matches = await pool
        .wordlistSearcher(file)
        .search([
          target('a', 'HS256', input, 'found-me'),
          target('b', 'HS384', input384, 'third'),
          target('c', 'HS256', input, 'last'),
          target('d', 'HS256', input, 'absent'),
        ]);
      const byId = Object.fromEntries(
        matches.map((match) => [match.targetId, { line: match.line, secret: Buffer.from(match.secret).toString() }]),
      );
      expect(byId).toEqual({
        a: { line: 70_001, secret: 'found-me' },
        b: { line: 6, secret: 'third' },
        c: { line: 120_002, secret: 'last' },
      });
    } finally {
      await pool.close();
    }
  }, 120_000);
});
