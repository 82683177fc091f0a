import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, createSignedReportPackage, verifyReportPackage } from '../../../../core/report';
import { createReportSigningHandlers } from '../../../../electron/handlers/report-signing';
import {
  BASIC_TEXT_WARNING,
  SigningKeyCustody,
  type SafeStorage,
} from '../../../../electron/handlers/signing-key-custody';
import { OrganisationKeyCustody, readKeyFileText } from '../../../../electron/handlers/organisation-key-custody';
import { ipcErrorCode } from '../../../../ipc/ipc-contract';
import { HAS_OPENSSL, makeOrganisationChain } from '../../core/report/organisation-chain';
import { verifier } from '../../core/token/token-helpers';
import { reportInput } from '../../core/report/report-fixture';
import { APP_SENDER, useTempDirs } from '../temp-dir';

const makeDir = useTempDirs();
const SIGNED_AT = Date.UTC(2026, 11, 1, 10, 0, 0);

/** A real cipher standing in for the OS keychain: AES-256-GCM under a key only this "keychain" has. */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorage {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(bytes) {
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

async function setup(safeStorage = fakeSafeStorage()) {
  const dir = await makeDir();
  const keyFile = path.join(dir, 'report-signing-key.bin');
  const organisationKeyFile = path.join(dir, 'report-organisation-key.bin');
  const custody = new SigningKeyCustody({ safeStorage, fs, keyFile, now: () => SIGNED_AT });
  const organisation = new OrganisationKeyCustody({
    safeStorage,
    fs,
    keyFile: organisationKeyFile,
    // The certificates the tests make are valid from now for 30 days.
    now: () => Date.now() + 60_000,
    verifier,
  });
  /** What main's open dialog returns next: the files a test "chooses". */
  const picked: { files: string[] } = { files: [] };
  const handlers = createReportSigningHandlers({
    custody,
    organisation,
    pickOrganisationKeyFiles: async () => picked.files,
    readKeyFile: (filePath) => readKeyFileText(fs, filePath),
  });
  return { dir, keyFile, organisationKeyFile, safeStorage, custody, picked, handlers };
}

const model = () => buildReport(reportInput(), { generatedAt: SIGNED_AT });

describe('report:signing-key and report:sign', () => {
  it('main signs the manifest the renderer sends; the package verifies against the pinned thumbprint', async () => {
    const { handlers } = await setup();
    const key = await handlers['report:signing-key'](APP_SENDER);
    const files = await createSignedReportPackage(model(), (manifest) =>
      handlers['report:sign'](APP_SENDER, manifest, 'Casey Examiner', SIGNED_AT),
    );
    const verification = await verifyReportPackage(new Map(files.map((file) => [file.path, file.bytes])), {
      pinnedThumbprint: key.thumbprint,
    });
    expect(verification.verified).toBe(true);
    expect(verification.signer).toMatchObject({ name: 'Casey Examiner', alg: 'EdDSA', kid: key.thumbprint });
  });

  it('keeps the key encrypted at rest and the same key across restarts', async () => {
    const { handlers, keyFile, safeStorage } = await setup();
    const first = await handlers['report:signing-key'](APP_SENDER);
    const stored = await fs.readFile(keyFile);
    expect(stored.toString('latin1')).not.toContain('PRIVATE KEY');
    expect(JSON.parse(safeStorage.decryptString(stored)).pkcs8).toContain('-----BEGIN PRIVATE KEY-----');
    const restarted = new SigningKeyCustody({ safeStorage, fs, keyFile, now: () => 0 });
    expect(await restarted.info()).toEqual(first);
    expect(first.createdAt).toBe(SIGNED_AT);
    expect(first.weakProtection).toBeUndefined();
  });

  it('never hands out private key material: results carry public members only', async () => {
    const { handlers, safeStorage, keyFile } = await setup();
    const key = await handlers['report:signing-key'](APP_SENDER);
    const manifest = (await createSignedReportPackage(model(), async () => 'unused')).find(
      (file) => file.path === 'manifest.json',
    )!.bytes;
    const jws = await handlers['report:sign'](APP_SENDER, manifest, 'Casey Examiner', SIGNED_AT);
    const header = JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString('utf8'));
    expect(Object.keys(key.publicJwk).sort()).toEqual(['crv', 'kty', 'x']);
    expect(Object.keys(header.jwk).sort()).toEqual(['crv', 'kty', 'x']);
    // The private scalar, as the key file holds it, appears in nothing that crosses IPC.
    const { pkcs8 } = JSON.parse(safeStorage.decryptString(await fs.readFile(keyFile)));
    const { createPrivateKey } = await import('node:crypto');
    const d = createPrivateKey(pkcs8).export({ format: 'jwk' }).d!;
    for (const crossing of [JSON.stringify(key), jws]) {
      expect(crossing).not.toContain(d);
      expect(crossing).not.toContain('PRIVATE');
      expect(crossing).not.toMatch(/"d"\s*:/);
    }
  });

  it('refuses requests to export the key, to sign what is not a report manifest, and strangers', async () => {
    const { handlers } = await setup();
    const manifest = new TextEncoder().encode('{"format":"tokentrail-report-manifest","formatVersion":1,"files":[]}');
    const refusal = async (promise: Promise<unknown>) =>
      ipcErrorCode(
        await promise.then(
          () => null,
          (error) => error,
        ),
      );
    // An "export" request is an argument the contract does not have: refused before the key is touched.
    expect(await refusal(handlers['report:signing-key'](APP_SENDER, 'export-private-key'))).toBe('invalid-argument');
    expect(await refusal(handlers['report:sign'](APP_SENDER, manifest, 'Casey', SIGNED_AT, { export: 'pkcs8' }))).toBe(
      'invalid-argument',
    );
    // A JWT's signing input is not a manifest: main is no signing oracle for tokens.
    const jwtInput = new TextEncoder().encode('eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJhZG1pbiJ9');
    expect(await refusal(handlers['report:sign'](APP_SENDER, jwtInput, 'Casey', SIGNED_AT))).toBe('invalid-argument');
    expect(await refusal(handlers['report:sign'](APP_SENDER, manifest, 'Casey\u0007', SIGNED_AT))).toBe(
      'invalid-argument',
    );
    expect(await refusal(handlers['report:sign'](APP_SENDER, manifest, 'Casey', -1))).toBe('invalid-argument');
    expect(await refusal(handlers['report:sign'](APP_SENDER, 'not bytes', 'Casey', SIGNED_AT))).toBe(
      'invalid-argument',
    );
    expect(await refusal(handlers['report:sign']({ url: 'https://evil.example/' }, manifest, 'Casey', SIGNED_AT))).toBe(
      'untrusted-sender',
    );
    await expect(handlers['report:sign'](APP_SENDER, manifest, 'Casey', SIGNED_AT)).resolves.toMatch(
      /^[\w-]+\.\.[\w-]+$/,
    );
  });

  it('makes no key where the OS offers no encryption, and says so', async () => {
    const { handlers, dir } = await setup(fakeSafeStorage({ available: false }));
    const error = await handlers['report:signing-key'](APP_SENDER).catch((failure: unknown) => failure);
    expect(ipcErrorCode(error)).toBe('signing-key-unavailable');
    expect(String(error)).toContain('safeStorage is unavailable');
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it("warns plainly when Linux offers only the 'basic_text' backend", async () => {
    const { handlers } = await setup(fakeSafeStorage({ backend: 'basic_text' }));
    await expect(handlers['report:signing-key'](APP_SENDER)).resolves.toMatchObject({
      weakProtection: BASIC_TEXT_WARNING,
    });
  });

  it('never replaces a key file it cannot decrypt (a reviewer may have pinned that key)', async () => {
    const { handlers, keyFile } = await setup();
    await handlers['report:signing-key'](APP_SENDER);
    const before = await fs.readFile(keyFile);
    // Another keychain (a profile copied to another machine) cannot decrypt it.
    const other = new SigningKeyCustody({ safeStorage: fakeSafeStorage(), fs, keyFile, now: () => 0 });
    await expect(other.info()).rejects.toThrow(/cannot be decrypted/);
    expect(await fs.readFile(keyFile)).toEqual(before);
  });
});

describe.skipIf(!HAS_OPENSSL)('report:import-organisation-key and report:forget-organisation-key', async () => {
  const chain = HAS_OPENSSL ? await makeOrganisationChain() : undefined!;
  const manifestOf = async () =>
    (await createSignedReportPackage(model(), async () => 'unused')).find((file) => file.path === 'manifest.json')!
      .bytes;
  const headerOf = (jws: string) => JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString('utf8'));

  it('main reads the chosen key and chain, keeps the key encrypted, and signs with it, x5c and all', async () => {
    const { handlers, picked, organisationKeyFile, safeStorage } = await setup();
    const own = await handlers['report:signing-key'](APP_SENDER);
    picked.files = [chain.leafKey, chain.chain];
    const imported = (await handlers['report:import-organisation-key'](APP_SENDER))!;
    expect(imported).toMatchObject({
      alg: 'ES256',
      certificate: {
        subject: 'CN=Northwind CSIRT, O=Northwind',
        issuer: 'CN=Northwind Root CA, O=Northwind',
        chainLength: 2,
      },
    });
    expect(imported.thumbprint).not.toBe(own.thumbprint);
    expect(await handlers['report:signing-key'](APP_SENDER)).toEqual(imported);
    const stored = await fs.readFile(organisationKeyFile);
    expect(stored.toString('latin1')).not.toContain('PRIVATE KEY');
    expect(JSON.parse(safeStorage.decryptString(stored)).pkcs8).toContain('-----BEGIN PRIVATE KEY-----');

    const files = await createSignedReportPackage(model(), (manifest) =>
      handlers['report:sign'](APP_SENDER, manifest, 'Casey Examiner', SIGNED_AT),
    );
    const jws = new TextDecoder().decode(files.find((file) => file.path === 'manifest.jws')!.bytes);
    expect(headerOf(jws).x5c).toHaveLength(2);
    const verification = await verifyReportPackage(new Map(files.map((file) => [file.path, file.bytes])), {
      pinnedThumbprint: imported.thumbprint,
    });
    expect(verification.verified).toBe(true);
    expect(verification.checks.find((check) => check.id === 'certificate')).toMatchObject({
      status: 'pass',
      message: expect.stringContaining('certified to "CN=Northwind CSIRT, O=Northwind"'),
    });
    // Nothing that crossed IPC holds the private scalar.
    const { createPrivateKey } = await import('node:crypto');
    const d = createPrivateKey(await fs.readFile(chain.leafKey, 'utf8')).export({ format: 'jwk' }).d!;
    for (const crossing of [JSON.stringify(imported), jws]) expect(crossing).not.toContain(d);
  });

  it('refuses a key that is not the certificate’s with the reason, and keeps signing with the app key', async () => {
    const { handlers, picked, organisationKeyFile } = await setup();
    const own = await handlers['report:signing-key'](APP_SENDER);
    picked.files = [chain.otherKey, chain.chain];
    const error = await handlers['report:import-organisation-key'](APP_SENDER).catch((failure: unknown) => failure);
    expect(ipcErrorCode(error)).toBe('invalid-argument');
    expect(String(error)).toMatch(
      /not imported: the private key is not the key of the leaf certificate \(CN=Northwind CSIRT/,
    );
    await expect(fs.stat(organisationKeyFile)).rejects.toThrow(/ENOENT/);
    expect(await handlers['report:signing-key'](APP_SENDER)).toEqual(own);
  });

  it('a cancelled dialog imports nothing; forgetting the key goes back to the app key, without x5c', async () => {
    const { handlers, picked, safeStorage, organisationKeyFile } = await setup();
    const own = await handlers['report:signing-key'](APP_SENDER);
    expect(await handlers['report:import-organisation-key'](APP_SENDER)).toBeNull();
    picked.files = [chain.selfKey, chain.selfCert];
    const imported = (await handlers['report:import-organisation-key'](APP_SENDER))!;
    expect(imported.alg).toBe('EdDSA');
    // A restart finds it again.
    const restarted = new OrganisationKeyCustody({
      safeStorage,
      fs,
      keyFile: organisationKeyFile,
      now: Date.now,
      verifier,
    });
    expect(await restarted.info()).toEqual(imported);
    expect(await handlers['report:forget-organisation-key'](APP_SENDER)).toEqual(own);
    const jws = await handlers['report:sign'](APP_SENDER, await manifestOf(), 'Casey', SIGNED_AT);
    expect(headerOf(jws).kid).toBe(own.thumbprint);
    expect(headerOf(jws).x5c).toBeUndefined();
  });
});
