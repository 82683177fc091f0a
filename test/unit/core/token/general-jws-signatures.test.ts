import { describe, expect, it } from 'vitest';
import { analyzeToken, MAX_JSON_SIGNATURES } from '../../../../core/token';
import { keyringOf, verifier } from './token-helpers';

// A general JWS JSON serialization carries several signatures over one payload (RFC 7515 §7.2.1). An attacker can
// hide a hostile header in any of them, so each is checked as if it stood alone.
const PAYLOAD = 'eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ';
const A1_SIGNATURE = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'; // RFC 7515 A.1 (HS256 over this payload)
const A1_PROTECTED = 'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9';
const A1_KEY = {
  kty: 'oct',
  k: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow',
  kid: 'hs',
};
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const general = (...signatures: object[]) => JSON.stringify({ payload: PAYLOAD, signatures });
const good = { protected: A1_PROTECTED, signature: A1_SIGNATURE };

describe('general JWS JSON: every signature is checked', () => {
  it('reports an injected kid hidden in the second signature, naming it, and alg none once', async () => {
    const keyring = await keyringOf({ 'hs.jwk': JSON.stringify(A1_KEY) });
    const token = general(good, { protected: b64({ alg: 'nOnE', kid: '../../../../dev/null' }), signature: '' });
    const result = await analyzeToken(token, { verifier, keyring, now: 1300000000000 });
    expect(result.signature.status).toBe('valid'); // the first signature verifies: the JWS validates (RFC 7515 §7.2)
    const second = result.findings.filter((finding) => finding.message.startsWith('Signature 2 of 2: '));
    expect(second.map((finding) => finding.id)).toContain('kid-injection');
    // alg-none already looks at every signature: listed once, not again for the second signature's own pass.
    expect(result.findings.filter((finding) => finding.id === 'alg-none')).toHaveLength(1);
  });

  it('reports a second signature that does not verify, against its own verdict', async () => {
    const keyring = await keyringOf({ 'hs.jwk': JSON.stringify(A1_KEY) });
    const forged = { protected: A1_PROTECTED, signature: `${A1_SIGNATURE.slice(0, -2)}AA` };
    const result = await analyzeToken(general(good, forged), { verifier, keyring, now: 1300000000000 });
    expect(result.signature.status).toBe('valid');
    expect(result.findings.find((finding) => finding.id === 'signature-invalid')?.message).toMatch(
      /^Signature 2 of 2: /,
    );
  });

  it('near miss: two good signatures add nothing, and claims findings are not repeated per signature', async () => {
    const keyring = await keyringOf({ 'hs.jwk': JSON.stringify(A1_KEY) });
    const result = await analyzeToken(general(good, good), { verifier, keyring, now: 1300000000000 });
    expect(result.findings.filter((finding) => finding.message.startsWith('Signature 2'))).toEqual([]);
    const once = await analyzeToken(JSON.stringify({ payload: PAYLOAD, ...good }), {
      verifier,
      keyring,
      now: 1300000000000,
    });
    expect(result.findings.map((finding) => finding.id).sort()).toEqual(
      once.findings.map((finding) => finding.id).sort(),
    );
  });

  it('examines at most MAX_JSON_SIGNATURES signatures of a planted token and says how many it left', async () => {
    const keyring = await keyringOf({ 'hs.jwk': JSON.stringify(A1_KEY) });
    const hidden = { protected: b64({ alg: 'none' }), signature: '' };
    const token = general(...Array.from({ length: 300 }, () => good), hidden);
    const result = await analyzeToken(token, { verifier, keyring, now: 1300000000000 });
    expect(result.decoded.signatures).toHaveLength(MAX_JSON_SIGNATURES);
    const bounded = result.findings.find((finding) => finding.id === 'malformed-token');
    expect(bounded?.message).toContain(
      `holds 301 signatures; only the first ${MAX_JSON_SIGNATURES} were decoded, verified and checked`,
    );
    expect(result.signature.status).toBe('valid'); // what was examined still verifies
  });
});
