import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/run';
import { terminalSafe } from '../../../cli/terminal-text';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('evidence text printed on a terminal', () => {
  it('escapes controls, separators and bidirectional overrides, and leaves the rest (tabs, accents, emoji) alone', () => {
    expect(terminalSafe('HS256\nline 2: VALID')).toBe('HS256\\u000aline 2: VALID');
    expect(terminalSafe('\u001b[8mhidden\r\u0000\u007f\u009b')).toBe('\\u001b[8mhidden\\u000d\\u0000\\u007f\\u009b');
    expect(terminalSafe('a\u2028b\u202ecba\u2066')).toBe('a\\u2028b\\u202ecba\\u2066');
    expect(terminalSafe('plain\ttab, Zoë, 鍵, 🔑')).toBe('plain\ttab, Zoë, 鍵, 🔑');
  });

  it('a header value cannot forge a line or a summary in inspect text output', async () => {
    const forged = `HS256\nline 2: VALID RS256 key "k" x\n1 token(s); all valid with no finding of severity high or above.\u001b[8m`;
    const token = `${b64({ alg: forged, kid: 'a\nline 3: VALID' })}.${b64({ sub: 'x' })}.c2ln`;
    const lines: string[] = [];
    const code = await run(
      ['inspect', '-'],
      { stdout: (line) => void lines.push(line), stderr: () => undefined },
      Readable.from([`${token}\n`]),
    );
    const printed = lines.join('\n').split('\n');
    expect(code).toBe(1);
    expect(printed.filter((line) => line.startsWith('line '))).toHaveLength(1);
    expect(printed.filter((line) => line.startsWith('1 token(s);'))).toEqual([
      '1 token(s); some are not valid or have findings of severity high or above.',
    ]);
    expect(printed.join('\n')).not.toMatch(/\u001b/);
  });

  it('JSON lines escape what JSON.stringify leaves raw (C1 controls, separators, bidi overrides), keeping the values', async () => {
    const kid = 'k\u009b31m\u202eevil\u2028x';
    const token = `${b64({ alg: 'HS256', kid })}.${b64({ sub: 'x' })}.c2ln`;
    const lines: string[] = [];
    await run(
      ['inspect', '-', '--json'],
      { stdout: (line) => void lines.push(line), stderr: () => undefined },
      Readable.from([`${token}\n`]),
    );
    expect(lines[0]).not.toMatch(/[\u0080-\u009f\u2028\u202e]/);
    expect(JSON.parse(lines[0]!).header.kid).toBe(kid);
  });
});
