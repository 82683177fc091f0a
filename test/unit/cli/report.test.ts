import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli';
import { useTempDirs } from '../electron/temp-dir';

const SAMPLE = 'test/fixtures/bundles/sample-case.zip';
const TAMPERED = 'test/fixtures/bundles/tampered-case.zip';
const AT = '2026-12-01T10:00:00Z';

const cli = runCli;

/** A real key pair written as the CLI takes it: the private key as PKCS#8 PEM or JWK, the public key as a JWK file. */
async function writeKeys(dir: string, type: 'ed25519' | 'p256', privateAs: 'pem' | 'jwk' = 'pem') {
  const pair =
    type === 'ed25519' ? generateKeyPairSync('ed25519') : generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const privateFile = path.join(dir, `${type}.${privateAs === 'pem' ? 'pem' : 'jwk'}`);
  const publicFile = path.join(dir, `${type}.pub.jwk`);
  await writeFile(
    privateFile,
    privateAs === 'pem'
      ? pair.privateKey.export({ type: 'pkcs8', format: 'pem' })
      : JSON.stringify(pair.privateKey.export({ format: 'jwk' })),
  );
  await writeFile(publicFile, JSON.stringify(pair.publicKey.export({ format: 'jwk' })));
  return { privateFile, publicFile };
}

async function readAll(dir: string) {
  const names = (await readdir(dir)).sort();
  return Promise.all(names.map(async (name) => [name, new Uint8Array(await readFile(path.join(dir, name)))] as const));
}

describe('tokentrail report create / verify', () => {
  const tempDir = useTempDirs();

  it('creates a signed package from the sample bundle that verifies with the pinned key, listing each check', async () => {
    const dir = await tempDir();
    const keys = await writeKeys(dir, 'ed25519');
    const out = path.join(dir, 'report');
    const created = await cli(
      'report',
      'create',
      SAMPLE,
      '--key',
      keys.privateFile,
      '--out',
      out,
      '--generated-at',
      AT,
      '--examiner',
      'Ada Examiner',
      '--no-geo',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Report of case NW-IR-2026-0142: \d+ finding\(s\)/);
    expect((await readdir(out)).sort()).toEqual(['manifest.json', 'manifest.jws', 'report.html', 'report.json']);
    const verified = await cli('report', 'verify', out, '--pubkey', keys.publicFile);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/PASS {2}signer-pinned {2}manifest.jws: signed by the pinned key/);
    expect(verified.stdout).toMatch(/PASS {2}signature/);
    expect(verified.stdout).toMatch(/PASS {2}file {11}report.json: /);
    expect(verified.stdout).toMatch(/Verdict: VERIFIED$/);
    const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8'));
    expect(report).toMatchObject({
      format: 'tokentrail-report',
      generatedAt: '2026-12-01T10:00:00.000Z',
      secretsIncluded: false,
    });
    expect(
      report.findings.every((finding: { severity: string }) => ['high', 'critical'].includes(finding.severity)),
    ).toBe(true);
    // The APIs' verification profiles: the sample's Orders API accepted an unsigned token.
    const orders = report.apis.find((api: { name: string }) => api.name === 'Orders API');
    expect(orders).toMatchObject({ configured: true, accepted: 4, refused: 0 });
    expect(orders.flaws.find((row: { flaw: string }) => row.flaw === 'unsigned')).toMatchObject({
      verdict: 'accepts',
      accepted: { count: 1, statuses: [200] },
    });
    expect(orders.summary).toMatch(/^ACCEPTS unsigned tokens/);
    const html = await readFile(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('<h2>4. API verification</h2>');
    expect(html).toContain('ACCEPTS unsigned tokens');
  }, 60_000);

  it('verifies a zipped package, and names the file a flipped byte changed inside the zip', async () => {
    const dir = await tempDir();
    const keys = await writeKeys(dir, 'ed25519');
    const out = path.join(dir, 'report');
    expect((await cli('report', 'create', SAMPLE, '--key', keys.privateFile, '--out', out, '--no-geo')).code).toBe(0);
    const files = Object.fromEntries((await readAll(out)).map(([name, bytes]) => [`report/${name}`, bytes]));
    await writeFile(path.join(dir, 'report.zip'), zipSync(files));
    expect((await cli('report', 'verify', path.join(dir, 'report.zip'), '--pubkey', keys.publicFile)).code).toBe(0);
    const json = files['report/report.json']!;
    json[json.length - 2]! ^= 0x01;
    await writeFile(path.join(dir, 'changed.zip'), zipSync(files));
    const changed = await cli('report', 'verify', path.join(dir, 'changed.zip'));
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/FAIL {2}file {11}report.json: differs from the signed manifest/);
  }, 60_000);

  it.skipIf(spawnSync('openssl', ['version']).status !== 0)(
    "carries the organisation's certificate (x5c) and checks its key is the signing key",
    async () => {
      const dir = await tempDir();
      const keys = await writeKeys(dir, 'ed25519');
      const cert = path.join(dir, 'cert.pem');
      const made = spawnSync('openssl', [
        'req',
        '-x509',
        '-key',
        keys.privateFile,
        '-subj',
        '/CN=Northwind CSIRT',
        '-days',
        '2',
        '-out',
        cert,
      ]);
      expect(made.status, String(made.stderr)).toBe(0);
      const out = path.join(dir, 'report');
      const args = [
        'report',
        'create',
        SAMPLE,
        '--key',
        keys.privateFile,
        '--out',
        out,
        '--no-geo',
        '--formats',
        'json',
      ];
      expect((await cli(...args, '--cert', cert)).code).toBe(0);
      const verified = await cli('report', 'verify', out, '--pubkey', keys.publicFile);
      expect(verified.code).toBe(0);
      expect(verified.stdout).toMatch(
        /PASS {2}certificate +manifest.jws: the signing key is certified to "CN=Northwind CSIRT"/,
      );
      const other = await writeKeys(await tempDir(), 'ed25519');
      const refused = await cli('report', 'create', SAMPLE, '--key', other.privateFile, '--out', out, '--cert', cert);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('its first certificate is not for the signing key');
    },
    60_000,
  );

  it('makes a byte-identical package twice from the same bundle, key and time (report.pdf included)', async () => {
    const dir = await tempDir();
    const keys = await writeKeys(dir, 'ed25519', 'jwk');
    // report.pdf too: its subset fonts, dates and object order may depend on nothing but the input.
    const args = [
      '--key',
      keys.privateFile,
      '--generated-at',
      AT,
      '--examiner',
      'Ada',
      '--no-geo',
      '--formats',
      'json,html,pdf',
    ];
    expect((await cli('report', 'create', SAMPLE, '--out', path.join(dir, 'a'), ...args)).code).toBe(0);
    expect((await cli('report', 'create', SAMPLE, '--out', path.join(dir, 'b'), ...args)).code).toBe(0);
    const [a, b] = [await readAll(path.join(dir, 'a')), await readAll(path.join(dir, 'b'))];
    expect(a.map(([name]) => name)).toEqual(b.map(([name]) => name));
    for (const [index, [name, bytes]] of a.entries())
      expect(Buffer.from(bytes).equals(Buffer.from(b[index]![1])), name).toBe(true);
  }, 60_000);

  it('refuses a package when the pinned key is not the signer (P-256 key, exit 1)', async () => {
    const dir = await tempDir();
    const signer = await writeKeys(dir, 'p256');
    const other = await writeKeys(await tempDir(), 'p256');
    const out = path.join(dir, 'report');
    expect(
      (
        await cli(
          'report',
          'create',
          SAMPLE,
          '--key',
          signer.privateFile,
          '--out',
          out,
          '--formats',
          'json',
          '--no-geo',
        )
      ).code,
    ).toBe(0);
    const refused = await cli('report', 'verify', out, '--pubkey', other.publicFile);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/FAIL {2}signer-pinned {2}manifest.jws: signed by key \S+, not by the pinned key/);
    expect(refused.stdout).toMatch(/FAIL {2}signature {6}manifest.json: the ES256 signature does not verify/);
    expect(refused.stdout).toMatch(/Verdict: NOT VERIFIED/);
  }, 60_000);

  it('names the evidence files that differ from the bundle, and a changed report file', async () => {
    const dir = await tempDir();
    const keys = await writeKeys(dir, 'ed25519');
    const out = path.join(dir, 'report');
    expect((await cli('report', 'create', SAMPLE, '--key', keys.privateFile, '--out', out, '--no-geo')).code).toBe(0);
    const html = path.join(out, 'report.html');
    await writeFile(html, (await readFile(html, 'utf8')).replace('Findings', 'Findingz'));
    const result = await cli('report', 'verify', out, '--evidence', TAMPERED, '--json');
    expect(result.code).toBe(1);
    const { checks } = JSON.parse(result.stdout) as {
      checks: { id: string; status: string; file: string; message: string }[];
    };
    const failures = checks.filter((check) => check.status === 'fail');
    expect(failures.map((check) => `${check.id} ${check.file}`)).toEqual([
      'file report.html',
      'evidence tokens/captured-tokens.txt',
      'evidence har/support-laptop.har',
      'evidence notes/readme.txt',
    ]);
    expect(failures[1]!.message).toMatch(
      /the bundle's copy is 1980 bytes, SHA-256 [0-9a-f]{64}; the report says 1979 bytes/,
    );
  }, 60_000);

  it('exits 2 on what it cannot read: no package, a key of another type, a bad time or format', async () => {
    const dir = await tempDir();
    expect((await cli('report', 'verify', dir)).code).toBe(2);
    expect((await cli('report', 'verify', path.join(dir, 'none'))).stderr).toMatch(/cannot be read/);
    const rsa = path.join(dir, 'rsa.pem');
    await writeFile(
      rsa,
      generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
    const refused = await cli('report', 'create', SAMPLE, '--key', rsa, '--out', dir);
    expect(refused).toMatchObject({ code: 2 });
    expect(refused.stderr).toMatch(/a rsa key; reports are signed with Ed25519 \(EdDSA\) or P-256 \(ES256\)/);
    const keys = await writeKeys(dir, 'ed25519');
    expect(
      (await cli('report', 'create', SAMPLE, '--key', keys.privateFile, '--out', dir, '--generated-at', 'yesterday'))
        .stderr,
    ).toMatch(/--generated-at needs an ISO 8601 time/);
    expect(
      (await cli('report', 'create', SAMPLE, '--key', keys.privateFile, '--out', dir, '--formats', 'json,docx')).stderr,
    ).toMatch(/"docx" is not a format/);
  }, 60_000);
});
