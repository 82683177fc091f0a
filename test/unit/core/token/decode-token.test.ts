import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeToken, parseJsonStrict } from '../../../../core/token';
import { b64u, json } from './token-helpers';

const codes = (input: string) => decodeToken(input).problems.map((problem) => problem.code);
const HEADER = json({ alg: 'HS256', typ: 'JWT' });
const CLAIMS = json({ sub: 'alice', exp: 1_900_000_000 });

describe('strict decoder', () => {
  it('a header without a string "alg" is malformed (RFC 7515 §4.1.1), in every serialization', () => {
    for (const header of [{ typ: 'JWT' }, { alg: 256 }, { alg: null }, { alg: ['HS256'] }]) {
      const problems = decodeToken(`${json(header)}.${CLAIMS}.${b64u('s')}`).problems.filter(
        (problem) => problem.field === 'alg',
      );
      expect(problems, JSON.stringify(header)).toMatchObject([{ code: 'malformed-token', part: 'header' }]);
    }
    expect(codes(`${json({ enc: 'A256GCM' })}.${b64u('k')}.${b64u('iv')}.${b64u('c')}.${b64u('t')}`)).toContain(
      'malformed-token',
    );
    const flattened = JSON.stringify({ payload: CLAIMS, protected: json({ typ: 'JWT' }), signature: b64u('s') });
    expect(decodeToken(flattened).problems.filter((problem) => problem.field === 'alg')).toHaveLength(1);
    // Near misses: alg in the protected header, or in the unprotected one of a JSON serialization.
    expect(codes(`${HEADER}.${CLAIMS}.${b64u('s')}`)).not.toContain('malformed-token');
    expect(
      codes(
        JSON.stringify({
          payload: CLAIMS,
          protected: json({ typ: 'JWT' }),
          header: { alg: 'HS256' },
          signature: b64u('s'),
        }),
      ),
    ).not.toContain('malformed-token');
  });

  it('attaches to each signature what makes a strict verifier refuse it, and nothing to a canonical token', () => {
    const rejectionCodes = (input: string) =>
      decodeToken(input).signatures.map((signature) => signature.rejections.map((rejection) => rejection.code));
    expect(rejectionCodes(`${HEADER}.${CLAIMS}.${b64u('x'.repeat(32))}`)).toEqual([[]]);
    expect(rejectionCodes(`${HEADER}.${CLAIMS}=.${b64u('x'.repeat(32))}`)).toEqual([['base64url-padding']]); // 32 bytes of claims: one '=' pads them
    expect(rejectionCodes(`${b64u('{"alg":"HS256","alg":"none"}')}.${CLAIMS}.${b64u('s')}`)).toEqual([
      ['duplicate-json-key'],
    ]);
    expect(rejectionCodes(`${json({ alg: 'HS256', crit: ['exp'], exp: 1 })}.${CLAIMS}.${b64u('s')}`)).toEqual([
      ['crit-header'],
    ]);
    expect(rejectionCodes(`${json({ alg: 'HS256', b64: false })}.hello.${b64u('s')}`)).toEqual([['b64-false']]);
    // Claims problems do not refuse a JWS: a conforming verifier accepts any payload octets (RFC 7519 §4 keeps the last duplicate).
    expect(rejectionCodes(`${HEADER}.${b64u('{"sub":"a","sub":"b","exp":"soon"}')}.${b64u('s')}`)).toEqual([[]]);
    // A general JSON serialization: an entry's own problem stays its own, the shared payload's concerns every entry.
    const entry = (protectedHeader: string) => ({ protected: protectedHeader, signature: b64u('s') });
    const general = (payload: string) => JSON.stringify({ payload, signatures: [entry(`${HEADER} `), entry(HEADER)] });
    expect(rejectionCodes(general(CLAIMS))).toEqual([['base64url-whitespace'], []]);
    expect(rejectionCodes(general(`${CLAIMS}*`))).toEqual([
      ['base64url-invalid', 'base64url-whitespace'],
      ['base64url-invalid'],
    ]);
    // A nested JWT a strict verifier refuses makes the outer one refused.
    const nested = `${json({ alg: 'HS256', cty: 'JWT' })}.${b64u(`${HEADER}.${CLAIMS} .${b64u('s')}`)}.${b64u('s')}`;
    expect(rejectionCodes(nested)).toEqual([['nested-token']]);
  });

  it('decodes a compact JWS and hashes the compact form', () => {
    const token = `${HEADER}.${CLAIMS}.${b64u('x'.repeat(32))}`;
    const decoded = decodeToken(token);
    expect(decoded).toMatchObject({
      form: 'jws',
      serialization: 'compact',
      header: { alg: 'HS256', typ: 'JWT' },
      claims: { sub: 'alice' },
      problems: [],
    });
    expect(decoded.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
  });

  it('reports each non-canonical base64url form with its position', () => {
    expect(codes(`${HEADER}.${CLAIMS}=.sig`)).toContain('base64url-padding');
    const standard = decodeToken(`${HEADER}.${CLAIMS}.ab+/`);
    expect(standard.problems.map((p) => p.code)).toContain('base64url-standard-alphabet');
    expect(standard.problems.find((p) => p.code === 'base64url-standard-alphabet')).toMatchObject({
      part: 'signature',
      start: HEADER.length + CLAIMS.length + 4,
    });
    expect(codes(`${HEADER}.${CLAIMS.slice(0, 10)} ${CLAIMS.slice(10)}.sig`)).toContain('base64url-whitespace');
    // "QR" and "QQ" both decode to "A"; only "QQ" is canonical.
    expect(codes(`${HEADER}.${CLAIMS}.QR`)).toContain('base64url-unused-bits');
    expect(codes(`${HEADER}.${CLAIMS}.QQ`)).not.toContain('base64url-unused-bits');
    expect(codes(`${HEADER}.${CLAIMS}.a*b`)).toContain('base64url-invalid');
  });

  it('reports invalid UTF-8, duplicate keys, non-object header and claims', () => {
    expect(codes(`${HEADER}.${b64u(Buffer.from([0x7b, 0xff, 0x7d]))}.`)).toContain('invalid-utf8');
    const duplicate = decodeToken(`${b64u('{"alg":"HS256","alg":"none"}')}.${CLAIMS}.`);
    expect(duplicate.problems.map((p) => p.code)).toContain('duplicate-json-key');
    expect(duplicate.header?.alg).toBe('none'); // like JSON.parse: the last one wins
    expect(codes(`${b64u('["alg"]')}.${CLAIMS}.`)).toContain('header-not-object');
    expect(codes(`${HEADER}.${b64u('[1,2]')}.`)).toContain('claims-not-object');
    expect(codes(`${HEADER}.${b64u('{"a":1}')}.`)).toEqual([]);
  });

  it('keeps non-JSON payloads as text without complaint', () => {
    const decoded = decodeToken(`${HEADER}.${b64u('hello world')}.sig`);
    expect(decoded.claims).toBeNull();
    expect(decoded.payload?.text).toBe('hello world');
    expect(decoded.problems).toEqual([]);
  });

  it.each([
    ['exp as a string', { exp: '1900000000' }],
    ['exp in milliseconds', { exp: 1_900_000_000_000 }],
    ['negative iat', { iat: -5 }],
    ['nbf beyond 2^53', { nbf: 2 ** 54 }],
    ['aud as a number', { aud: 5 }],
  ])('reports a claim type problem: %s', (_name, claims) => {
    expect(codes(`${HEADER}.${json(claims)}.`)).toContain('claim-type');
  });

  it('recognises JWE, unsecured, nested and JSON serializations', () => {
    expect(decodeToken(`${json({ alg: 'dir', enc: 'A256GCM' })}..aaaa.bbbb.cccc`).form).toBe('jwe');
    expect(decodeToken(`${json({ alg: 'NoNe' })}.${CLAIMS}.`).form).toBe('unsecured');
    const inner = `${HEADER}.${CLAIMS}.${b64u('s')}`;
    const nested = decodeToken(`${json({ alg: 'HS256', cty: 'JWT' })}.${b64u(inner)}.${b64u('t')}`);
    expect(nested.nested?.claims).toEqual({ sub: 'alice', exp: 1_900_000_000 });
    const flattened = decodeToken(JSON.stringify({ protected: HEADER, payload: CLAIMS, signature: b64u('s') }));
    expect(flattened).toMatchObject({
      serialization: 'json-flattened',
      form: 'jws',
      compact: `${HEADER}.${CLAIMS}.${b64u('s')}`,
    });
    expect(decodeToken('{"payload": 5}').problems.map((p) => p.code)).toContain('malformed-token');
  });

  it('reads b64:false payloads unencoded', () => {
    const decoded = decodeToken(`${json({ alg: 'HS256', b64: false, crit: ['b64'] })}.$.02.sig`);
    expect(decoded.form).toBe('malformed'); // 4 parts: the unencoded payload contains a dot
    const ok = decodeToken(`${json({ alg: 'HS256', b64: false, crit: ['b64'] })}.$02.${b64u('s')}`);
    expect(ok.payload?.text).toBe('$02');
  });

  it('refuses oversize input after hashing it', () => {
    const decoded = decodeToken(`${HEADER}.${'A'.repeat(300_000)}.sig`);
    expect(decoded.problems.map((p) => p.code)).toEqual(['oversize-token']);
    expect(decoded.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('any string yields a value with findings, never a throw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (input) => {
        const decoded = decodeToken(input);
        expect(decoded.tokenHash).toMatch(/^[0-9a-f]{64}$/);
        expect(Array.isArray(decoded.problems)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('token-shaped random input never throws or hangs', () => {
    const segment = fc.oneof(
      fc.base64String({ maxLength: 80 }),
      fc.string({ maxLength: 40 }),
      fc.jsonValue().map((value) => b64u(JSON.stringify(value) ?? 'null')),
    );
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (parts) => {
        const decoded = decodeToken(parts.join('.'));
        expect(['jws', 'jwe', 'unsecured', 'malformed']).toContain(decoded.form);
      }),
      { numRuns: 2000 },
    );
  });

  it('the strict JSON reader agrees with JSON.parse on valid JSON and survives deep nesting', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        const parsed = parseJsonStrict(text);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 1000 },
    );
    expect(parseJsonStrict('['.repeat(100_000)).ok).toBe(false);
    const proto = parseJsonStrict('{"__proto__":{"polluted":true}}');
    expect(proto.ok && Object.getPrototypeOf(proto.value)).toBe(Object.prototype);
  });
});
