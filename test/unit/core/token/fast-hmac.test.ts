// The guessing HMAC must equal node:crypto's HMAC on every key length (empty, short, a block, longer than a block
// so it is hashed first) and every message length around the padding boundaries, with the message reused.
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { guessingHmac } from '../../../../core/token/crypto/fast-hmac';

describe('guessingHmac', () => {
  const keyLengths = [0, 1, 6, 32, 55, 63, 64, 65, 200];
  const messageLengths = [0, 1, 54, 55, 56, 63, 64, 119, 120, 300];
  for (const messageLength of messageLengths) {
    it(`matches node:crypto for a ${messageLength}-byte message under every key length`, () => {
      const message = new Uint8Array(randomBytes(messageLength));
      for (const keyLength of keyLengths) {
        const key = new Uint8Array(randomBytes(keyLength));
        const expected = createHmac('sha256', key).update(message).digest();
        expect(Buffer.from(guessingHmac.hmac('SHA-256', key, message))).toEqual(expected);
        expect(Buffer.from(guessingHmac.hmac('SHA-256', key, message))).toEqual(expected); // prepared message reused
      }
    });
  }

  it('delegates SHA-384 and SHA-512', () => {
    const key = new Uint8Array(randomBytes(20));
    const message = new Uint8Array(randomBytes(100));
    expect(Buffer.from(guessingHmac.hmac('SHA-384', key, message))).toEqual(
      createHmac('sha384', key).update(message).digest(),
    );
    expect(Buffer.from(guessingHmac.hmac('SHA-512', key, message))).toEqual(
      createHmac('sha512', key).update(message).digest(),
    );
  });
});
