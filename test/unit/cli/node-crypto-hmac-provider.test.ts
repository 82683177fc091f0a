import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeHmac } from '../../../cli/node-crypto-verifier';

describe('the CLI checks’ HMAC provider', () => {
  it('gives createHmac’s MAC for every hash, key and message length, keys reused across messages', () => {
    const keys = [0, 1, 31, 32, 63, 64, 65, 200].map((length) => randomBytes(length));
    for (const hash of ['SHA-256', 'SHA-384', 'SHA-512'] as const) {
      for (const [n, length] of [0, 1, 55, 56, 64, 119, 120, 500].entries()) {
        const data = randomBytes(length);
        for (const key of keys) {
          const expected = createHmac(hash.replace('-', '').toLowerCase(), key).update(data).digest();
          expect(Buffer.from(nodeHmac.hmac(hash, key, data)).equals(expected), `${hash} ${key.length} ${n}`).toBe(true);
        }
      }
    }
  });
});
