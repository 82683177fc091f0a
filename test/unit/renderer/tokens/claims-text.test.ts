import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../core/token/findings';
import { claimsText } from '../../../../renderer/tokens/claims-text';

const jws = { form: 'jws' as const, problems: [] as string[] };

describe('claimsText', () => {
  it('shows the claims of a JSON object payload', () => {
    expect(claimsText({ ...jws, claims: { sub: 'a' } })).toBe('{\n  "sub": "a"\n}');
  });

  it('says an undecodable payload is not base64url, with the strict decoder\'s account, never "not JSON"', () => {
    const finding: Finding = {
      id: 'malformed-token',
      severity: 'high',
      message: 'The payload has an impossible length (149 base64url characters leave 6 dangling bits).',
      evidence: { part: 'payload', start: 61, end: 210, detail: { code: 'base64url-invalid' } },
    };
    const text = claimsText({ ...jws, problems: ['The payload is not valid base64url.'] }, [finding]);
    expect(text).toBe(
      'The payload is not valid base64url.\nThe payload has an impossible length (149 base64url characters leave 6 dangling bits).',
    );
    expect(text).not.toContain('not JSON');
  });

  it('says a payload is not UTF-8', () => {
    expect(claimsText({ ...jws, problems: ['The payload is not valid UTF-8.'] })).toBe(
      'The payload is not valid UTF-8.',
    );
  });

  it('tells text that is not JSON from JSON that is not an object, and shows the text', () => {
    expect(claimsText({ ...jws, payloadText: 'hello' })).toBe('The payload is not JSON.\n\nAs text:\nhello');
    expect(claimsText({ ...jws, payloadText: '[1,2]' })).toBe(
      'The payload is JSON but not an object (an array).\n\nAs text:\n[1,2]',
    );
    expect(claimsText({ ...jws, payloadText: '' })).toBe('The payload is empty.');
  });

  it("prefers the decoder's own words for a payload it judged", () => {
    const finding: Finding = {
      id: 'claim-type',
      severity: 'medium',
      message: 'The payload is JSON but not an object, so it is not a JWT claim set (RFC 7519 §7.2).',
      evidence: { part: 'payload', detail: { code: 'claims-not-object' } },
    };
    expect(claimsText({ ...jws, payloadText: '42' }, [finding])).toBe(`${finding.message}\n\nAs text:\n42`);
  });

  it('says an encrypted token needs its key', () => {
    expect(claimsText({ form: 'jwe', problems: [] })).toBe(
      'Encrypted (JWE): no key in the case decrypts it, so its claims cannot be read.',
    );
    // Decrypted by the analysis with a key of the case: its own claim set, or its inner token's.
    expect(
      claimsText({ form: 'jwe', problems: [] }, [], { key: 'private key from keys/enc.pem', claims: { sub: 'bob' } }),
    ).toBe('Decrypted with the private key from keys/enc.pem.\n{\n  "sub": "bob"\n}');
    expect(
      claimsText({ form: 'jwe', problems: [] }, [], {
        key: 'secret from k.secret',
        claims: { sub: 'al' },
        innerToken: 'a.b.c',
      }),
    ).toBe('Decrypted with the secret from k.secret. Claims of the inner token:\n{\n  "sub": "al"\n}');
    expect(claimsText({ form: 'jwe', problems: [] }, [], { key: 'k', innerToken: 'a.b.c' })).toBe(
      'Decrypted with the k. It holds a token without a claim set:\na.b.c',
    );
  });
});
