import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { jwkThumbprint } from '../../core/token';
import type { ReportSigner } from '../../core/report';
import { IpcRequestError, type ReportSigningKeyInfo, type SigningPublicJwk } from '../../ipc/ipc-contract';

/** The part of Electron's `safeStorage` the custody uses (Electron's own object satisfies it). */
export interface SafeStorage {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Uint8Array;
  decryptString(encrypted: Buffer): string;
  /** Linux only: `basic_text` means a hard-coded password, i.e. no real protection at rest. */
  getSelectedStorageBackend?(): string;
}

/** The file-system calls the custody makes; `node:fs/promises` satisfies it. */
export interface SigningKeyFileSystem {
  readFile(filePath: string): Promise<Uint8Array>;
  writeFile(filePath: string, bytes: Uint8Array, options: { flag: 'wx' }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(filePath: string, options: { force: true }): Promise<void>;
}

/** What the key custody needs: Electron's safeStorage, the file system, where the key lives, and a clock. */
export interface SigningKeyDependencies {
  readonly safeStorage: SafeStorage;
  readonly fs: SigningKeyFileSystem;
  /** The encrypted key file, in the app's user-data folder (never in the case store or an archive). */
  readonly keyFile: string;
  readonly now: () => number;
}

/** What the key file holds once decrypted. */
interface StoredKey {
  readonly format: 'tokentrail-signing-key';
  readonly createdAt: number;
  readonly pkcs8: string;
}

interface HeldKey {
  readonly privateKey: KeyObject;
  readonly info: ReportSigningKeyInfo;
}

export const BASIC_TEXT_WARNING =
  "This system offers no keyring to Electron's safeStorage (Linux 'basic_text' backend): the report-signing key is " +
  'stored encrypted with a fixed password, so anyone who can read your profile folder can sign reports as you. ' +
  'Install and unlock a Secret Service keyring (GNOME Keyring, KWallet) before relying on these signatures.';

export function unavailable(detail: string): IpcRequestError {
  return new IpcRequestError('signing-key-unavailable', detail);
}

function publicJwkOf(privateKey: KeyObject): SigningPublicJwk {
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string')
    throw unavailable('the stored signing key is not an Ed25519 key');
  // Built member by member: whatever node's export adds, only the public members RFC 7638 hashes go out.
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
}

export function isMissing(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'ENOENT';
}

/** The warning to show when safeStorage's protection at rest is a fixed password (Linux `basic_text`), else none. */
export function weakProtectionOf(safeStorage: SafeStorage): string | undefined {
  return safeStorage.getSelectedStorageBackend?.() === 'basic_text' ? BASIC_TEXT_WARNING : undefined;
}

/**
 * Encrypt `text` with safeStorage into `keyFile`, all or nothing: written beside it under a name of this process,
 * then renamed over it, so a crash never leaves half a key where the key should be.
 */
export async function storeEncrypted(
  dependencies: Pick<SigningKeyDependencies, 'safeStorage' | 'fs' | 'keyFile'>,
  text: string,
  what: string,
): Promise<void> {
  const { safeStorage, fs, keyFile } = dependencies;
  const partial = `${keyFile}.${process.pid}.partial`;
  try {
    await fs.writeFile(partial, safeStorage.encryptString(text), { flag: 'wx' });
    await fs.rename(partial, keyFile);
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw unavailable(`${what} could not be stored (${(error as Error).message})`);
  }
}

/**
 * The desktop app's report-signing key, held by the main process: an Ed25519 key made on first use, kept in one
 * file encrypted with Electron `safeStorage` (the OS keychain, DPAPI, or libsecret/KWallet on Linux), decrypted into
 * this process's memory only. Its private part has no way out: {@link SigningKeyCustody.info} gives the public half,
 * {@link SigningKeyCustody.signer} signs bytes handed in.
 */
export class SigningKeyCustody {
  private held?: Promise<HeldKey>;

  constructor(private readonly dependencies: SigningKeyDependencies) {}

  /** The key's public half, thumbprint and custody (making the key on first use). */
  async info(): Promise<ReportSigningKeyInfo> {
    return (await this.key()).info;
  }

  /** A core signer over the held key, naming `name` as the signer. */
  async signer(name: string): Promise<ReportSigner> {
    const { privateKey, info } = await this.key();
    return {
      alg: 'EdDSA',
      publicJwk: info.publicJwk,
      name,
      sign: async (signingInput) => new Uint8Array(sign(null, signingInput, privateKey)),
    };
  }

  private key(): Promise<HeldKey> {
    // A failed load is not cached: the keyring may be unlocked by the next attempt.
    this.held ??= this.loadOrCreate().catch((error: unknown) => {
      this.held = undefined;
      throw error;
    });
    return this.held;
  }

  private weakProtection(): string | undefined {
    return weakProtectionOf(this.dependencies.safeStorage);
  }

  private describe(privateKey: KeyObject, createdAt: number): HeldKey {
    const publicJwk = publicJwkOf(privateKey);
    const weakProtection = this.weakProtection();
    return {
      privateKey,
      info: {
        alg: 'EdDSA',
        publicJwk,
        thumbprint: jwkThumbprint(publicJwk),
        createdAt,
        custody: `Ed25519 key held by the desktop app's main process, stored encrypted with the operating system's safeStorage${weakProtection ? " ('basic_text' backend: see the warning)" : ''}`,
        ...(weakProtection ? { weakProtection } : {}),
      },
    };
  }

  private async loadOrCreate(): Promise<HeldKey> {
    const { safeStorage, fs, keyFile, now } = this.dependencies;
    if (!safeStorage.isEncryptionAvailable())
      throw unavailable(
        'the operating system offers no encryption to keep a signing key at rest (Electron safeStorage is unavailable); no key was made',
      );
    let encrypted: Uint8Array | undefined;
    try {
      encrypted = await fs.readFile(keyFile);
    } catch (error) {
      if (!isMissing(error)) throw unavailable(`the signing key file cannot be read (${(error as Error).message})`);
    }
    if (encrypted) {
      let stored: StoredKey;
      try {
        stored = JSON.parse(safeStorage.decryptString(Buffer.from(encrypted))) as StoredKey;
        if (stored.format !== 'tokentrail-signing-key') throw new Error('not a signing key file');
      } catch (error) {
        // Never replaced silently: a reviewer may have pinned this key. The investigator decides what to do.
        throw unavailable(`the signing key file ${keyFile} cannot be decrypted (${(error as Error).message})`);
      }
      return this.describe(createPrivateKey(stored.pkcs8), stored.createdAt);
    }
    const { privateKey } = generateKeyPairSync('ed25519');
    const stored: StoredKey = {
      format: 'tokentrail-signing-key',
      createdAt: now(),
      pkcs8: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    await storeEncrypted(this.dependencies, JSON.stringify(stored), 'the new signing key');
    return this.describe(privateKey, stored.createdAt);
  }
}
