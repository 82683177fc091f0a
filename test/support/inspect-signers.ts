import { createHmac, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** base64url of a string as it is, or of a value's JSON. */
export const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/**
 * A fresh ES256 key and HS256 secret, written to `dir/keys.jwks` for `inspect --keys`, and signers that make real
 * tokens with them: the inputs the inspect tests compare between the one-thread and the parallel paths.
 */
export function inspectSigners(dir: string) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const secret = randomBytes(32);
  const keysPath = path.join(dir, 'keys.jwks');
  writeFileSync(
    keysPath,
    JSON.stringify({
      keys: [
        { ...publicKey.export({ format: 'jwk' }), kid: 'es' },
        { kty: 'oct', k: secret.toString('base64url'), kid: 'hs' },
      ],
    }),
  );
  const es = (claims: unknown) => {
    const input = `${b64({ alg: 'ES256', kid: 'es' })}.${b64(claims)}`;
    return `${input}.${sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
  };
  const hs = (claims: unknown, key: Buffer | string = secret) => {
    const input = `${b64({ alg: 'HS256', kid: 'hs' })}.${b64(claims)}`;
    return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
  };
  return { keysPath, es, hs };
}

/**
 * `count` lines cycling through a mix every inspect path must treat alike: valid ES256 and HS256 tokens, a weak
 * secret, duplicate header keys, alg none, a blank line, `odd` (the one line each test varies), whitespace around a
 * token with a string exp, and a JWE.
 */
export function mixedTokenLines(
  signers: ReturnType<typeof inspectSigners>,
  count: number,
  odd: (i: number) => string,
): string[] {
  const { es, hs } = signers;
  const variety = [
    (i: number) => es({ sub: `u${i}`, exp: 4e9, iat: 1.7e9 }),
    (i: number) => hs({ sub: `h${i}`, exp: 4e9 }),
    (i: number) => hs({ sub: `w${i}` }, 'secret'),
    () => `${b64('{"alg":"HS256","alg":"none"}')}.${b64({ sub: 'dup' })}.abc`,
    () => `${b64({ alg: 'none' })}.${b64({ sub: 'root' })}.`,
    () => '',
    odd,
    (i: number) => `  ${es({ sub: `s${i}`, exp: '1700000000' })}\t`,
    () => `${b64({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.AAAA.AAAA.AAAA.AAAA`,
  ];
  return Array.from({ length: count }, (_, i) => variety[i % variety.length]!(i));
}
