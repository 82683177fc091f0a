import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extractTokens } from '../../../../core/token/extract-tokens';
import { findTokenStrings } from '../../../../core/token/find-tokens';
import { sha256Hex } from '../../../../core/evidence/sha256';

const b64 = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
function es256(claims: object): string {
  const input = `${b64({ alg: 'ES256', kid: 'k1', typ: 'JWT' })}.${b64(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), { key: keys.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}
const content = (path: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { path, bytes, sha256: sha256Hex(bytes) };
};

describe('extractTokens', () => {
  const token = es256({
    iss: 'https://idp.example/',
    sub: 'alice',
    aud: ['api'],
    jti: 'j-1',
    iat: 1763456398,
    exp: 1763459998,
  });
  it('decodes header and claims and converts NumericDates to epoch ms', () => {
    const [found] = extractTokens([content('t.txt', `${token}\n`)]);
    expect(found).toMatchObject({
      form: 'jws',
      alg: 'ES256',
      kid: 'k1',
      iss: 'https://idp.example/',
      sub: 'alice',
      aud: ['api'],
      jti: 'j-1',
      iat: 1763456398000,
      exp: 1763459998000,
    });
    expect(found!.tokenHash).toBe(sha256Hex(new TextEncoder().encode(token)));
  });
  it('merges repeats into one token with every sighting, each with file, line, column and context', () => {
    const har = JSON.stringify(
      {
        log: {
          entries: [
            {
              request: {
                headers: [
                  { name: 'Authorization', value: `Bearer ${token}` },
                  { name: 'Cookie', value: `sid=${token}` },
                ],
              },
            },
          ],
        },
      },
      null,
      2,
    );
    const log = `2026-11-18T09:00:00Z refresh ok\n{"ts":"2026-11-18T09:00:01Z","access_token":"${token}"}\n`;
    const access = `1.2.3.4 - - [18/Nov/2026:09:02:11 +0000] "GET /x?access_token=${token} HTTP/1.1" 200 1`;
    const [found] = extractTokens([content('a.har', har), content('auth.jsonl', log), content('access.log', access)]);
    expect(found!.sightings.map(({ path, line, context, field }) => ({ path, line, context, field }))).toEqual([
      { path: 'a.har', line: 9, context: 'authorization-header', field: undefined },
      { path: 'a.har', line: 13, context: 'cookie', field: 'sid' },
      { path: 'auth.jsonl', line: 2, context: 'json-field', field: 'access_token' },
      { path: 'access.log', line: 1, context: 'query-parameter', field: 'access_token' },
    ]);
    expect(found!.sightings[2]!.column).toBe(46);
  });
  it('recognises unsecured tokens and JWEs, keeps non-JSON payloads as text', () => {
    const none = `${b64({ alg: 'none' })}.${b64({ sub: 'admin' })}.`;
    const jwe = `${b64({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.${b64('k')}.${b64('iv')}.${b64('ct')}.${b64('tag')}`;
    const detached = `${b64({ alg: 'HS256' })}.${b64('plain text payload')}.${b64('sig')}`;
    const found = extractTokens([content('mixed.txt', `${none} and ${jwe}.\n${detached}`)]);
    expect(found.map((t) => t.form)).toEqual(['unsecured', 'jwe', 'jws']);
    expect(found[2]!.payloadText).toBe('plain text payload');
  });
  it('ignores look-alikes whose header is not a JSON object, and binary files', () => {
    expect(extractTokens([content('x.txt', 'eyJub3Rqc29uIGF0IGFsbA.abc.def')])).toEqual([]);
    expect(
      extractTokens([
        { path: 'k.der', bytes: new Uint8Array([0x30, 0, ...new TextEncoder().encode(token)]), sha256: 'x' },
      ]),
    ).toEqual([]);
  });
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        findTokenStrings(text);
        extractTokens([content('f', text)]);
      }),
      { numRuns: 500 },
    );
  });
});
