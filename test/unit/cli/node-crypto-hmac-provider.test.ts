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

describe('the CLI provider’s key-list search', () => {
  const NODE = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' } as const;
  // Eleven keys: two full batches of four and a partial one; lengths across the block edge (over 64: hashed first).
  // No key ends in a zero byte: HMAC pads a short key with zeros, so a one-byte key 0x00 (1 run in 256) would be the
  // empty key's twin and the search would rightly name the earlier one.
  const keys = [0, 1, 5, 31, 32, 63, 64, 65, 100, 7, 9].map((length) => {
    const key = randomBytes(length);
    if (length > 0) key[length - 1]! |= 1;
    return key;
  });

  it('names the first key that verifies, the list prepared once and reused on other messages', () => {
    for (const hash of ['SHA-256', 'SHA-384', 'SHA-512'] as const) {
      for (const length of [0, 1, 55, 56, 64, 119, 120, 500]) {
        const data = randomBytes(length);
        keys.forEach((key, k) => {
          const signature = createHmac(NODE[hash], key).update(data).digest();
          expect(nodeHmac.firstMatchingKey!(hash, keys, data, signature), `${hash} ${length} key ${k}`).toBe(k);
        });
        const unrelated = createHmac(NODE[hash], 'not in the list').update(data).digest();
        expect(nodeHmac.firstMatchingKey!(hash, keys, data, unrelated)).toBe(-1);
      }
    }
  });

  it('reports the earlier of two equal keys, and nothing for a signature of the wrong length', () => {
    const twice = [Buffer.from('a'), Buffer.from('secret'), Buffer.from('b'), Buffer.from('c'), Buffer.from('secret')];
    const data = Buffer.from('eyJhbGciOiJIUzI1NiJ9.e30');
    const signature = createHmac('sha256', 'secret').update(data).digest();
    expect(nodeHmac.firstMatchingKey!('SHA-256', twice, data, signature)).toBe(1);
    expect(nodeHmac.firstMatchingKey!('SHA-256', twice, data, signature.subarray(0, 31))).toBe(-1);
  });
});
