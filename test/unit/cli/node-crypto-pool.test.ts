import { createHmac, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PublicJwk, VerificationKey } from '../../../core/token';
import { createCryptoPool } from '../../../cli/node-crypto-pool';

/** A key of the pool's wire shape for a raw secret. */
const secretKey = (id: string, secret: Uint8Array): VerificationKey => ({ id, kind: 'secret', secret });
/** A public key as the pool receives it (it imports the JWK; the SPKI bytes are not used). */
const publicKey = (id: string, jwk: object): VerificationKey => ({
  id,
  kind: 'public',
  jwk: jwk as PublicJwk,
  spki: new Uint8Array(0),
});

describe('the node:crypto worker pool verifies in bulk', () => {
  it('HS256 through precomputed pad states agrees with createHmac at every block boundary and key length', async () => {
    const pool = createCryptoPool(2);
    try {
      const cases: Promise<[boolean, boolean, boolean]>[] = [];
      for (let n = 0; n < 300; n++) {
        // Key lengths across the 64-byte block (longer keys are hashed first); data lengths across the padding edges.
        const secret = randomBytes(n % 131);
        const data = randomBytes(n % 3 === 0 ? [0, 55, 56, 63, 64, 119, 120, 128][n % 8]! : (n * 7) % 300);
        const mac = createHmac('sha256', secret).update(data).digest();
        const tampered = Buffer.from(mac);
        tampered[n % 32]! ^= 1;
        const key = secretKey(`k${n}`, new Uint8Array(secret));
        cases.push(
          Promise.all([
            pool.verify('HS256', key, data, mac),
            pool.verify('HS256', key, data, tampered),
            pool.verify('HS256', key, data, mac.subarray(0, 31)),
          ]),
        );
      }
      for (const [valid, tampered, short] of await Promise.all(cases))
        expect([valid, tampered, short]).toEqual([true, false, false]);
    } finally {
      await pool.close();
    }
  });

  it('HS256 tokens under one secret, four at a time and the rest in a last short batch, each get their own verdict', async () => {
    const pool = createCryptoPool(2);
    try {
      const secret = randomBytes(32);
      const key = secretKey('one', new Uint8Array(secret));
      const tokens = Array.from({ length: 103 }, (_, n) => {
        const data = randomBytes([40, 200, 55, 64, 700, 119][n % 6]!);
        const signature = createHmac('sha256', secret).update(data).digest();
        if (n % 7 === 3) signature[n % 32]! ^= 0x80; // broken: each position in a batch of four in turn
        return { data, signature, valid: n % 7 !== 3 };
      });
      const verdicts = await Promise.all(
        tokens.map(({ data, signature }) => pool.verify('HS256', key, data, signature)),
      );
      expect(verdicts).toEqual(tokens.map(({ valid }) => valid));
      // A second round after the event loop ran: batches start afresh.
      expect(await pool.verify('HS256', key, tokens[0]!.data, tokens[0]!.signature)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('other algorithms keep their own paths: HS384, RS256 and ES256, right and wrong', async () => {
    const pool = createCryptoPool(2);
    try {
      const data = Buffer.from('eyJhbGciOiJIUzM4NCJ9.eyJzdWIiOiJ4In0');
      const secret = randomBytes(48);
      const hs384 = createHmac('sha384', secret).update(data).digest();
      const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const rsaKey = publicKey('rsa', rsa.publicKey.export({ format: 'jwk' }));
      const ecKey = publicKey('ec', ec.publicKey.export({ format: 'jwk' }));
      const rs256 = sign('sha256', data, rsa.privateKey);
      const es256 = sign('sha256', data, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' });
      expect(
        await Promise.all([
          pool.verify('HS384', secretKey('s', new Uint8Array(secret)), data, hs384),
          pool.verify('HS256', secretKey('s', new Uint8Array(secret)), data, hs384.subarray(0, 32)),
          pool.verify('RS256', rsaKey, data, rs256),
          pool.verify('RS256', rsaKey, Buffer.concat([data, Buffer.from('x')]), rs256),
          pool.verify('ES256', ecKey, data, es256),
          pool.verify('ES256', ecKey, data, Buffer.alloc(64)),
        ]),
      ).toEqual([true, false, true, false, true, false]);
    } finally {
      await pool.close();
    }
  });
});
