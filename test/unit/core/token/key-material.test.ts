// Key material as the keyring loads it and as key-confusion uses it: unusable keys refused on load, the empty
// HMAC key found wherever it comes from, and the public key tried as an HMAC secret in every text it was written as.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { analyzeToken, MAX_JSON_SIGNATURES, type Keyring, type SignatureVerifier } from '../../../../core/token';
import { keyEncodings, keyringEncodings } from '../../../../core/token/checks/key-confusion-encodings';
import { keyPair, keyringOf, makeToken, publicJwk, verifier } from './token-helpers';
import { certificatePem } from './x509-fixtures';

const claims = { sub: 'alice', exp: 4_000_000_000 };
const analyse = (token: string, keyring: Keyring) => analyzeToken(token, { verifier, keyring });
const findingIds = async (token: string, keyring: Keyring) =>
  (await analyse(token, keyring)).findings.map((finding) => finding.id);
const confusionEncoding = async (token: string, keyring: Keyring) =>
  (await analyse(token, keyring)).findings.find((finding) => finding.id === 'key-confusion')?.evidence.encoding;
const b64 = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');

describe('key material is checked on load', () => {
  const ec = keyPair('P-256');
  const rsa = keyPair('rsa');
  const ecToken = makeToken('ES256', ec.privateKey, claims);
  const rsaToken = makeToken('RS256', rsa.privateKey, claims);

  it.each([
    [
      'coordinates of the wrong length',
      { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' },
      /"x" is 3 bytes; P-256 coordinates are 32 bytes/,
    ],
    ['a point off the curve', { ...publicJwk(ec.publicKey), y: publicJwk(ec.publicKey).x }, /not on the P-256 curve/],
  ])(
    'an EC JWK with %s is reported and not used: a genuine ES256 token is no-key, not invalid',
    async (_case, jwk, reason) => {
      const keyring = await keyringOf({ 'bad-ec.jwk': JSON.stringify(jwk) });
      expect(keyring.keys).toEqual([]);
      expect(keyring.problems).toHaveLength(1);
      expect(keyring.problems[0]).toMatchObject({ code: 'key-invalid', file: 'bad-ec.jwk' });
      expect(keyring.problems[0]!.message).toMatch(/^bad-ec\.jwk: JWK 1 \(EC P-256\) cannot be used: /);
      expect(keyring.problems[0]!.message).toMatch(reason);
      const result = await analyse(ecToken, keyring);
      expect(result.signature.status).toBe('no-key');
      expect(result.findings.map((finding) => finding.id)).not.toContain('signature-invalid');
    },
  );

  it.each([
    ['a 17-bit modulus', { kty: 'RSA', n: 'AQAB', e: 'AQAB' }, /modulus is 17 bits/],
    ['e = 1', { ...publicJwk(rsa.publicKey), e: 'AQ' }, /exponent 1 is not an odd number/],
    ['an even exponent', { ...publicJwk(rsa.publicKey), e: 'AQAA' }, /exponent 65536 is not an odd number/],
    [
      'an even modulus',
      {
        ...publicJwk(rsa.publicKey),
        n: b64(
          Buffer.concat([
            Buffer.from(publicJwk(rsa.publicKey).n as string, 'base64url').subarray(0, 255),
            Buffer.of(2),
          ]),
        ),
      },
      /modulus is even/,
    ],
  ])('an RSA JWK with %s is reported and not used', async (_case, jwk, reason) => {
    const keyring = await keyringOf({ 'bad-rsa.jwk': JSON.stringify(jwk) });
    expect(keyring.keys).toEqual([]);
    expect(keyring.problems.map((problem) => problem.code)).toEqual(['key-invalid']);
    expect(keyring.problems[0]!.message).toMatch(reason);
    expect((await analyse(rsaToken, keyring)).signature.status).toBe('no-key');
  });

  it('checks keys read from PEM too: an SPKI whose point is off the curve names the block', async () => {
    const spki = Buffer.from(ec.publicKey.export({ format: 'der', type: 'spki' }));
    spki[spki.length - 1]! ^= 1; // the last byte of y: right length, no longer on the curve
    const pem = `-----BEGIN PUBLIC KEY-----\n${spki.toString('base64')}\n-----END PUBLIC KEY-----\n`;
    const keyring = await keyringOf({ 'ec.pem': pem });
    expect(keyring.keys).toEqual([]);
    expect(keyring.problems[0]!.message).toMatch(
      /^ec\.pem: PEM block 1 \("PUBLIC KEY"\) cannot be used: the point \(x, y\) is not on the P-256 curve/,
    );
  });

  it('refuses an Ed25519 key that does not decode, and accepts real keys of every curve', async () => {
    const notBelowPrime = b64(Buffer.from([...Buffer.alloc(31, 0xff), 0x7f]));
    const bad = await keyringOf({ 'ed.jwk': JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: notBelowPrime }) });
    expect(bad.problems.map((problem) => problem.code)).toEqual(['key-invalid']);
    const files: Record<string, string> = {};
    for (const kind of ['P-256', 'P-384', 'P-521', 'ed25519'] as const) {
      for (let i = 0; i < 10; i++) files[`${kind}-${i}.jwk`] = JSON.stringify(publicJwk(keyPair(kind).publicKey));
    }
    files['rsa.jwk'] = JSON.stringify(publicJwk(rsa.publicKey));
    const good = await keyringOf(files);
    expect(good.problems).toEqual([]);
    expect(good.keys).toHaveLength(41);
  });
});

describe('empty HMAC key', () => {
  const token = makeToken('HS256', Buffer.alloc(0), claims);
  // node:crypto, as the CLI's verifier, MACs with an empty key (WebCrypto refuses to import one), so the token verifies.
  const nodeHmacVerifier: SignatureVerifier = {
    verify: async (alg, key, data, signature) =>
      key.kind === 'secret' &&
      createHmac(`sha${alg.slice(2)}`, key.secret)
        .update(data)
        .digest()
        .equals(signature),
  };

  it('is found when the empty secret comes from the keyring (the MAC matches it), without a duplicate weak-secret finding', async () => {
    const keyring = await keyringOf({ 'empty.jwk': '{"kty":"oct","k":""}' });
    const result = await analyzeToken(token, { verifier: nodeHmacVerifier, keyring });
    // Refused as jose and WebCrypto refuse an empty key, yet the key that matches is named.
    expect(result.signature).toMatchObject({
      status: 'invalid',
      matchedKey: { source: 'empty.jwk (jwk, jwk-k)' },
      rejections: [{ code: 'empty-hmac-key' }],
    });
    const finding = result.findings.find((candidate) => candidate.id === 'empty-hmac-key');
    expect(finding?.severity).toBe('critical');
    expect(finding?.evidence.key?.source).toBe('empty.jwk');
    expect(result.findings.map((candidate) => candidate.id)).not.toContain('weak-hmac-secret');
  });

  it('is found when only guessed, and not when a real secret verifies', async () => {
    expect(await findingIds(token, await keyringOf({}))).toContain('empty-hmac-key');
    const secret = 'k8#Qz!v2@Lm9$Wp4^Tr6&Yx1*Nb3(Hd5)';
    expect(await findingIds(makeToken('HS256', secret, claims), await keyringOf({ 's.secret': secret }))).not.toContain(
      'empty-hmac-key',
    );
  });
});

describe('key confusion: the public key as every text a server may have HMACed with', () => {
  it.each(['P-256', 'P-384', 'ed25519', 'rsa'] as const)(
    '%s key from PEM, secret = JSON.stringify(KeyObject.export jwk) (Node.js member order)',
    async (kind) => {
      const pair = keyPair(kind);
      const keyring = await keyringOf({ 'key.pem': pair.publicKey.export({ format: 'pem', type: 'spki' }) as string });
      const token = makeToken('HS256', JSON.stringify(pair.publicKey.export({ format: 'jwk' })), claims);
      // Node's RSA order (kty, n, e) is also RFC 7518's, the name found first; EC and OKP are Node's own orders.
      expect(await confusionEncoding(token, keyring)).toBe(
        kind === 'rsa'
          ? 'JWK JSON (RFC 7518 member order; required members)'
          : 'JWK JSON (Node.js export order; required members)',
      );
    },
  );

  it("JWKS entry with kid, use and alg in the file's own order: each member order and member set a library writes", async () => {
    const pair = keyPair('P-256');
    const node = pair.publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string; y: string };
    const entry = { kid: 'sig-2025', use: 'sig', kty: 'EC', alg: 'ES256', crv: node.crv, x: node.x, y: node.y };
    const keyring = await keyringOf({ 'jwks.json': JSON.stringify({ keys: [entry] }, null, 2) });
    const required = { kty: node.kty, crv: node.crv, x: node.x, y: node.y };
    const secrets: [string, string][] = [
      ['JWK JSON (RFC 7638 member order)', `{"crv":"${node.crv}","kty":"EC","x":"${node.x}","y":"${node.y}"}`],
      ['JWK JSON (Node.js export order; required members + kid)', JSON.stringify({ ...node, kid: 'sig-2025' })],
      [
        'JWK JSON (RFC 7638 member order; required members + kid, use, alg)',
        JSON.stringify(Object.fromEntries(Object.entries(entry).sort(([a], [b]) => (a < b ? -1 : 1)))),
      ],
      [
        'JWK JSON (RFC 7518 member order; required members + kid, use, alg)',
        JSON.stringify({ ...required, kid: 'sig-2025', use: 'sig', alg: 'ES256' }),
      ],
      [
        'JWK JSON (member order of jwks.json; required members)',
        JSON.stringify({ kty: 'EC', crv: node.crv, x: node.x, y: node.y }),
      ],
      ['JWK JSON (as written in jwks.json; all public members)', JSON.stringify(entry)],
    ];
    for (const [name, secret] of secrets) {
      const encoding = await confusionEncoding(makeToken('HS256', secret, claims), keyring);
      // The same bytes may be reachable under an earlier (more canonical) name; what matters is that they are tried.
      expect(encoding, name).toBeDefined();
      expect(
        keyEncodings(keyring.keys[0]!).find((candidate) => Buffer.from(candidate.bytes).toString() === secret)?.name,
      ).toBe(encoding);
    }
  });

  const chain = `# issuer chain, leaf first\n${certificatePem('leaf')}${certificatePem('intermediate-ca')}${certificatePem('root-ca')}`;

  it('the whole text of a certificate chain file given as a key file', async () => {
    const keyring = await keyringOf({ 'chain.pem': chain });
    expect(await confusionEncoding(makeToken('HS256', chain, claims), keyring)).toBe(
      'exact text of the whole file in chain.pem',
    );
    expect(await confusionEncoding(makeToken('HS256', chain.trimEnd(), claims), keyring)).toBe(
      'exact text of the whole file in chain.pem without its trailing newline',
    );
  });

  it('the whole text of every file a key was found in, when the keyring merged the duplicates', async () => {
    // Every key of chain.pem was already loaded from another file, so each is a duplicate the keyring merges.
    const keyring = await keyringOf({
      'leaf.pem': certificatePem('leaf'),
      'intermediate.pem': certificatePem('intermediate-ca'),
      'root.pem': certificatePem('root-ca'),
      'chain.pem': chain,
    });
    expect(keyring.keys).toHaveLength(3);
    expect(await confusionEncoding(makeToken('HS256', chain, claims), keyring)).toBe(
      'exact text of the whole file in chain.pem',
    );
  });

  it('never keeps the text of a file that holds a private key', async () => {
    const pemPair = keyPair('P-256');
    const jwkPair = keyPair('P-256');
    const privatePem = pemPair.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    const privateJwk = jwkPair.privateKey.export({ format: 'jwk' }) as { d: string };
    const keyring = await keyringOf({
      'bundle.pem': `${certificatePem('leaf')}${privatePem}`,
      'private.jwk': JSON.stringify(privateJwk),
    });
    expect(keyring.keys).toHaveLength(3);
    expect(keyring.keys.flatMap((key) => key.asWritten ?? []).some((written) => written.kind === 'file')).toBe(false);
    const everything =
      JSON.stringify(keyring.keys) +
      keyring.keys
        .flatMap(keyEncodings)
        .map((encoding) => Buffer.from(encoding.bytes).toString('latin1'))
        .join('\n');
    expect(everything).not.toContain('PRIVATE KEY');
    expect(everything).not.toContain(privateJwk.d);
  });
});

describe('key-confusion encodings are built once per key', () => {
  it('returns the same encodings for every token, distinct bytes only, and HMAC keys that give the same MAC', async () => {
    const keyring = await keyringOf({ 'chain.pem': `${certificatePem('leaf')}${certificatePem('root-ca')}` });
    const key = keyring.keys[0]!;
    const encodings = keyEncodings(key);
    expect(keyEncodings(key)).toBe(encodings);
    expect(new Set(encodings.map((encoding) => Buffer.from(encoding.bytes).toString('hex'))).size).toBe(
      encodings.length,
    );
    const input = Buffer.from('header.payload');
    for (const encoding of encodings) {
      for (const [hash, node] of [
        ['SHA-256', 'sha256'],
        ['SHA-384', 'sha384'],
        ['SHA-512', 'sha512'],
      ] as const) {
        expect(
          createHmac(node, encoding.hmacKey[hash])
            .update(input)
            .digest()
            .equals(createHmac(node, encoding.bytes).update(input).digest()),
          `${encoding.name} ${hash}`,
        ).toBe(true);
      }
    }
  });

  it('a text shared by every key of a file (its whole text) is one candidate for the keyring, not one per key', async () => {
    const keys = ['P-256', 'P-384', 'ed25519'].map((kind, index) =>
      publicJwk(keyPair(kind as 'P-256').publicKey, { kid: `k${index}` }),
    );
    const keyring = await keyringOf({ 'jwks.json': JSON.stringify({ keys }) });
    expect(keyring.keys).toHaveLength(3);
    const whole = keyringEncodings(keyring).filter(
      ({ encoding }) => encoding.name === 'exact text of the whole file in jwks.json',
    );
    expect(whole.map(({ key }) => key.kid)).toEqual(['k0']);
    expect(keyringEncodings(keyring)).toBe(keyringEncodings(keyring));
    const token = makeToken('HS256', JSON.stringify({ keys }), claims);
    expect(await confusionEncoding(token, keyring)).toBe('exact text of the whole file in jwks.json');
  });

  it('a general JWS with many HS256 signatures is checked against every key encoding without rebuilding them', async () => {
    const pair = keyPair('P-256');
    const keyring = await keyringOf({ 'ec.pem': pair.publicKey.export({ format: 'pem', type: 'spki' }) as string });
    const secret = pair.publicKey.export({ format: 'pem', type: 'spki' }) as string;
    const payload = b64(Buffer.from(JSON.stringify(claims)));
    // As many as are examined (MAX_JSON_SIGNATURES), the confused key in the last of them.
    const signatures = Array.from({ length: MAX_JSON_SIGNATURES }, (_, index) => {
      const protectedHeader = b64(Buffer.from(JSON.stringify({ alg: 'HS256', index })));
      const key = index === MAX_JSON_SIGNATURES - 1 ? secret : `not-the-key-${index}`;
      return {
        protected: protectedHeader,
        signature: b64(createHmac('sha256', key).update(`${protectedHeader}.${payload}`).digest()),
      };
    });
    const result = await analyse(JSON.stringify({ payload, signatures }), keyring);
    expect(result.findings.find((finding) => finding.id === 'key-confusion')?.message).toMatch(
      new RegExp(`^Signature ${MAX_JSON_SIGNATURES} of ${MAX_JSON_SIGNATURES}: `),
    );
    expect(keyEncodings(keyring.keys[0]!)).toBe(keyEncodings(keyring.keys[0]!));
  });
});
