import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretGuesser } from '../../../cli/node-crypto-secret-guess';

const NODE_HASH = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' } as const;

describe('the crypto workers guess HMAC secrets as createHmac computes them', () => {
  it('for every HS algorithm, key length across the hash block and signing input across the padding edges', () => {
    for (const alg of ['HS256', 'HS384', 'HS512'] as const) {
      for (let n = 0; n < 120; n++) {
        const secret = randomBytes((n * 11) % 300); // keys longer than a block are hashed first
        const input = randomBytes([0, 1, 55, 56, 63, 64, 119, 120, 127, 128, 300][n % 11]!);
        const signature = createHmac(NODE_HASH[alg], secret).update(input).digest();
        const guess = secretGuesser({ alg, input, signature });
        // The candidate sits inside a larger buffer, as a line of a wordlist does.
        const line = Buffer.concat([Buffer.from('before\n'), secret, Buffer.from('\nafter')]);
        expect(guess(line, 7, 7 + secret.length), `${alg} key ${secret.length} input ${input.length}`).toBe(true);
        expect(guess(line, 0, 6)).toBe(false);
        // A wrong byte (not a dropped one: HMAC pads a short key with zeros, so a key ending in 0x00 equals its prefix).
        if (secret.length > 0) {
          line[7]! ^= 1;
          expect(guess(line, 7, 7 + secret.length)).toBe(false);
        }
      }
    }
  });

  it('never matches a signature of the wrong length', () => {
    const input = Buffer.from('eyJhbGciOiJIUzI1NiJ9.e30');
    const signature = createHmac('sha256', 'secret').update(input).digest();
    expect(
      secretGuesser({ alg: 'HS256', input, signature: signature.subarray(0, 31) })(Buffer.from('secret'), 0, 6),
    ).toBe(false);
    expect(secretGuesser({ alg: 'HS256', input, signature })(Buffer.from('secret'), 0, 6)).toBe(true);
  });
});
