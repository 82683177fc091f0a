import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { EvidenceKind } from '../../../../core';
import { CASE_MATERIAL_KINDS, readCaseMaterial, type CaseFile } from '../../../../core/case';
import { createKeyring } from '../../../../core/token';

const encoder = new TextEncoder();
const file = (path: string, kind: EvidenceKind, text: string, importedAt = 1_700_000_000_000): CaseFile => {
  const bytes = encoder.encode(text);
  return { path, kind, sha256: createHash('sha256').update(bytes).digest('hex'), bytes, importedAt };
};
const caseConfig = (fields: Record<string, unknown>) =>
  JSON.stringify({ format: 'tokentrail-case-config', formatVersion: 1, ...fields }, null, 2);

// Real keys: an RSA pair (its public JWK in a JWKS, its private key as PKCS#8 PEM) and an Ed25519 public key.
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ed25519 = generateKeyPairSync('ed25519');
const jwks = JSON.stringify(
  { keys: [{ ...rsa.publicKey.export({ format: 'jwk' }), kid: 'nw-2026-05', use: 'sig', alg: 'RS256' }] },
  null,
  2,
);
const privatePem = rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
const edPem = ed25519.publicKey.export({ format: 'pem', type: 'spki' }) as string;
const rotation = `{
  "format": "tokentrail-key-rotation",
  "formatVersion": 1,
  "keys": [
    { "kid": "nw-2026-05", "activated": "2026-05-02T00:00:00Z", "retired": "2026-11-02T00:00:00Z" },
    { "kid": "nw-2026-11", "activated": "2026-11-02T00:00:00Z", "compromised": true }
  ]
}
`;

describe('readCaseMaterial', () => {
  it('reads real key files, the key-rotation history and the case configuration, and skips event files', async () => {
    const material = await readCaseMaterial([
      file('keys/jwks.json', 'jwks', jwks),
      file('keys/ed25519.pem', 'pem', edPem),
      file('keys/issuer-private.pem', 'pem', privatePem),
      file('keys/hmac.secret', 'secret', 'correct horse battery staple\n'),
      file('keys/key-rotation.json', 'key-rotation', rotation),
      file(
        'case-config.json',
        'case-config',
        caseConfig({ allowedAlgorithms: ['RS256'], detectors: { replay: { concurrentSeconds: 5 } } }),
      ),
      file('logs/auth.jsonl', 'auth-log', '{"ts":"2026-05-03T00:00:00Z"}\n'),
    ]);
    expect(material.problems).toEqual([]);
    expect(material.files.map((entry) => entry.path)).toEqual([
      'case-config.json',
      'keys/ed25519.pem',
      'keys/hmac.secret',
      'keys/issuer-private.pem',
      'keys/jwks.json',
      'keys/key-rotation.json',
    ]);
    expect(material.keys.map((entry) => [entry.file, entry.keys.map((key) => key.kty)])).toEqual([
      ['keys/ed25519.pem', ['OKP']],
      ['keys/hmac.secret', ['oct', 'oct']],
      ['keys/issuer-private.pem', ['RSA']],
      ['keys/jwks.json', ['RSA']],
    ]);
    // A secret is no private key; the others are offered to JWE decryption.
    expect(material.privateKeySources.map((source) => source.file)).toEqual([
      'keys/ed25519.pem',
      'keys/issuer-private.pem',
      'keys/jwks.json',
    ]);
    expect(material.keyHistory.map((entry) => [entry.kid, entry.source?.line, entry.compromised])).toEqual([
      ['nw-2026-05', 5, false],
      ['nw-2026-11', 6, true],
    ]);
    expect(material.keyHistory[0]).toMatchObject({
      activated: Date.parse('2026-05-02T00:00:00Z'),
      retired: Date.parse('2026-11-02T00:00:00Z'),
      source: { file: 'keys/key-rotation.json', sha256: file('', 'key-rotation', rotation).sha256 },
    });
    expect(material.caseConfig?.allowedAlgorithms).toEqual(['RS256']);
    expect(material.caseConfigFile).toBe('case-config.json');
    expect(material.parameters).toEqual({ replay: { concurrentSeconds: 5 } });

    // What hosts do next: one keyring, the RSA key (found twice) once, with its recorded life.
    const keyring = createKeyring(material.keys, material.keyHistory);
    const rsaKey = keyring.keys.find((key) => key.kid === 'nw-2026-05');
    expect(rsaKey?.lifecycle?.retired).toBe(Date.parse('2026-11-02T00:00:00Z'));
    expect(keyring.problems.map((problem) => problem.code)).toEqual(['key-lifecycle-unmatched']);
  });

  it('names the file, line and column of invalid JSON, and does not use the file', async () => {
    const broken = '{\n  "format": "tokentrail-case-config",\n  oops\n}\n';
    const material = await readCaseMaterial([
      file('case-config.json', 'case-config', broken),
      file('key-rotation.json', 'key-rotation', '\uFEFF{"format": "tokentrail-key-rotation",\n "keys": oops}'),
    ]);
    expect(material.caseConfig).toBeUndefined();
    expect(material.keyHistory).toEqual([]);
    expect(material.problems).toEqual([
      {
        code: 'json-invalid',
        file: 'case-config.json',
        line: 3,
        column: 3,
        reason: expect.stringMatching(/property name|Unexpected token/),
        message: expect.stringMatching(/^case-config\.json:3:3: not valid JSON \(.+\); it was not used\.$/),
      },
      // The byte-order mark some Windows tools write is no syntax error.
      {
        code: 'json-invalid',
        file: 'key-rotation.json',
        line: 2,
        column: 10,
        reason: "Unexpected token 'o'",
        message: "key-rotation.json:2:10: not valid JSON (Unexpected token 'o'); it was not used.",
      },
    ]);
  });

  it('uses the most recently imported case configuration and reports the other, naming both files', async () => {
    const older = file('bundle-1/case-config.json', 'case-config', caseConfig({ allowedAlgorithms: ['HS256'] }), 1000);
    const newer = file(
      'bundle-2/case-config.json',
      'case-config',
      caseConfig({ allowedAlgorithms: ['ES256'], detectors: { 'no-such': {} } }),
      2000,
    );
    // Given newest first: the import time decides, not the order of the list.
    const material = await readCaseMaterial([newer, older]);
    expect(material.caseConfig?.allowedAlgorithms).toEqual(['ES256']);
    expect(material.caseConfigFile).toBe('bundle-2/case-config.json');
    expect(material.problems).toEqual([
      {
        code: 'case-config-ignored',
        file: 'bundle-1/case-config.json',
        line: 1,
        message:
          'bundle-1/case-config.json: this case configuration is not used: bundle-2/case-config.json, imported later, is. Only the most recently imported case configuration applies; copy into it what still holds.',
      },
      // Only the winner's detectors are read, and a wrong one is pointed at by its line.
      {
        code: 'unknown-detector',
        file: 'bundle-2/case-config.json',
        line: 8,
        message: expect.stringMatching(/^bundle-2\/case-config\.json:8: "no-such" is not a detector id/),
      },
    ]);
  });

  it('breaks a tie of one import by path, and an invalid configuration never wins', async () => {
    const material = await readCaseMaterial([
      file('b/case-config.json', 'case-config', caseConfig({ allowedAlgorithms: ['ES256'] })),
      file('a/case-config.json', 'case-config', caseConfig({ allowedAlgorithms: ['RS256'] })),
      file('c/case-config.json', 'case-config', caseConfig({ allowedAlgorithms: 'RS256' })),
    ]);
    expect(material.caseConfigFile).toBe('b/case-config.json');
    expect(material.problems.map((problem) => [problem.code, problem.file])).toEqual([
      ['case-config-invalid', 'c/case-config.json'],
      ['case-config-ignored', 'a/case-config.json'],
    ]);
    expect(material.problems[1]?.message).toContain(
      'b/case-config.json, imported with it and later in path order, is.',
    );
  });

  it('reads the same content imported twice once, at its latest import', async () => {
    const config = caseConfig({ allowedAlgorithms: ['RS256'] });
    const material = await readCaseMaterial([
      file('first/case-config.json', 'case-config', config, 1000),
      file('first/jwks.json', 'jwks', jwks, 1000),
      file('second/case-config.json', 'case-config', config, 3000),
      file('second/jwks.json', 'jwks', jwks, 3000),
      file('other/case-config.json', 'case-config', caseConfig({ allowedAlgorithms: ['ES256'] }), 2000),
    ]);
    expect(material.files.map((entry) => entry.path)).toEqual([
      'other/case-config.json',
      'second/case-config.json',
      'second/jwks.json',
    ]);
    expect(material.caseConfigFile).toBe('second/case-config.json');
    expect(material.problems.map((problem) => [problem.code, problem.file])).toEqual([
      ['case-config-ignored', 'other/case-config.json'],
    ]);
    expect(material.keys).toHaveLength(1);
  });

  it('lists as material exactly the key kinds, the key-rotation history and the case configuration', () => {
    expect([...CASE_MATERIAL_KINDS].sort()).toEqual([
      'case-config',
      'certificate',
      'jwks',
      'key-rotation',
      'pem',
      'secret',
    ]);
  });
});
