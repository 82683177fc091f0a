import { describe, expect, it } from 'vitest';
import { analyzeToken } from '../../../../core/token';
import { keyringOf, verifier } from './token-helpers';

// RFC 7515 Appendix A: the published examples must verify, byte for byte.
const PAYLOAD = 'eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ';
const A1 = `eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.${PAYLOAD}.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk`;
const A1_KEY = {
  kty: 'oct',
  k: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow',
};
const A2 = `eyJhbGciOiJSUzI1NiJ9.${PAYLOAD}.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw`;
const A2_KEY = {
  kty: 'RSA',
  n: 'ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ',
  e: 'AQAB',
};
const A3 = `eyJhbGciOiJFUzI1NiJ9.${PAYLOAD}.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q`;
const A3_KEY = {
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
  d: 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI',
};
// A.6: the general JWS JSON serialization with the A.2 and A.3 signatures.
const A6 = JSON.stringify({
  payload: PAYLOAD,
  signatures: [
    { protected: 'eyJhbGciOiJSUzI1NiJ9', header: { kid: '2010-12-29' }, signature: A2.split('.')[2] },
    {
      protected: 'eyJhbGciOiJFUzI1NiJ9',
      header: { kid: 'e9bc097a-ce51-4036-9562-d2ade882db0d' },
      signature: A3.split('.')[2],
    },
  ],
});

describe('RFC 7515 Appendix A examples', () => {
  it.each([
    ['A.1 HS256', A1, A1_KEY],
    ['A.2 RS256', A2, A2_KEY],
    ['A.3 ES256 (private JWK: only the public part is kept)', A3, A3_KEY],
  ])('%s verifies', async (_name, token, jwk) => {
    const keyring = await keyringOf({ 'key.jwk': JSON.stringify(jwk) });
    const result = await analyzeToken(token, { verifier, keyring });
    expect(result.signature.status).toBe('valid');
    expect(result.decoded.claims).toEqual({ iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true });
    expect(result.findings.filter((f) => f.id === 'signature-invalid')).toEqual([]);
  });

  it('A.3 key thumbprint follows RFC 7638 and the private part is dropped', async () => {
    const keyring = await keyringOf({ 'key.jwk': JSON.stringify(A3_KEY) });
    expect(keyring.keys[0]!.source.privatePartDropped).toBe(true);
    expect(keyring.keys[0]!.publicJwk).toEqual({ kty: 'EC', crv: 'P-256', x: A3_KEY.x, y: A3_KEY.y });
  });

  it('RFC 7638 §3.1 example thumbprint', async () => {
    const jwk = {
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      alg: 'RS256',
      kid: '2011-04-29',
    };
    const keyring = await keyringOf({ 'key.jwk': JSON.stringify(jwk) });
    expect(keyring.keys[0]!.thumbprint).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('A.6 general JSON serialization: both signatures verify', async () => {
    const keyring = await keyringOf({ 'rsa.jwk': JSON.stringify({ ...A2_KEY, kid: '2010-12-29' }) });
    const result = await analyzeToken(A6, { verifier, keyring });
    expect(result.decoded.serialization).toBe('json-general');
    expect(result.decoded.signatures).toHaveLength(2);
    expect(result.signature.status).toBe('valid');
    expect(result.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const ecOnly = await analyzeToken(A6, {
      verifier,
      keyring: await keyringOf({
        'ec.jwk': JSON.stringify({ ...A3_KEY, kid: 'e9bc097a-ce51-4036-9562-d2ade882db0d' }),
      }),
    });
    expect(ecOnly.signature.status).toBe('valid');
    expect(ecOnly.signature.key?.kid).toBe('e9bc097a-ce51-4036-9562-d2ade882db0d');
  });

  it('A.7 flattened JSON serialization verifies', async () => {
    const flattened = JSON.stringify({
      payload: PAYLOAD,
      protected: 'eyJhbGciOiJFUzI1NiJ9',
      header: { kid: 'e9bc097a-ce51-4036-9562-d2ade882db0d' },
      signature: A3.split('.')[2],
    });
    const result = await analyzeToken(flattened, {
      verifier,
      keyring: await keyringOf({ 'ec.jwk': JSON.stringify(A3_KEY) }),
    });
    expect(result.decoded.serialization).toBe('json-flattened');
    expect(result.signature.status).toBe('valid');
  });
});
