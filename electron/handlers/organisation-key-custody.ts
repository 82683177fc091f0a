import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import {
  OrganisationKeyError,
  proveKeyHolder,
  readOrganisationKey,
  type OrganisationKeyFile,
  type ReportSigner,
} from '../../core/report';
import { jwkThumbprint, type SignatureVerifier } from '../../core/token';
import { IpcRequestError, type ReportSigningKeyInfo } from '../../ipc/ipc-contract';
import {
  isMissing,
  storeEncrypted,
  unavailable,
  weakProtectionOf,
  type SigningKeyDependencies,
} from './signing-key-custody';

/** What the organisation key's custody needs: the same as the app key's, its own file, and a signature verifier. */
export interface OrganisationKeyDependencies extends SigningKeyDependencies {
  /** Checks the chain's signatures and the proof of possession (WebCrypto in main). */
  readonly verifier: SignatureVerifier;
}

/** What the organisation key file holds once decrypted. */
interface StoredOrganisationKey {
  readonly format: 'tokentrail-organisation-signing-key';
  readonly importedAt: number;
  readonly alg: ReportSigningKeyInfo['alg'];
  readonly pkcs8: string;
  readonly x5c: readonly string[];
  readonly publicJwk: ReportSigningKeyInfo['publicJwk'];
  readonly certificate: NonNullable<ReportSigningKeyInfo['certificate']>;
}

interface HeldOrganisationKey {
  readonly privateKey: KeyObject;
  readonly stored: StoredOrganisationKey;
}

/** A raw JWS signature with node:crypto: Ed25519, or P-256 in the R‖S form JWS uses. */
function signWith(privateKey: KeyObject, alg: ReportSigningKeyInfo['alg'], input: Uint8Array): Uint8Array {
  return new Uint8Array(
    alg === 'EdDSA'
      ? sign(null, input, privateKey)
      : sign('sha256', input, { key: privateKey, dsaEncoding: 'ieee-p1363' }),
  );
}

/**
 * An organisation-issued report-signing key with its certificate chain, imported by the investigator and held by
 * the main process like the app's own key: one file encrypted with safeStorage, decrypted into this process only.
 * While it is there it signs the reports, and its chain goes into every signature as `x5c`; forgetting it deletes
 * the file and the app's own key signs again. Main reads the files itself (handlers/report-signing.ts), so the
 * private key never passes through the renderer.
 */
export class OrganisationKeyCustody {
  private held?: Promise<HeldOrganisationKey | undefined>;

  constructor(private readonly dependencies: OrganisationKeyDependencies) {}

  /** The organisation key's public half and certificate, or undefined when none is imported. */
  async info(): Promise<ReportSigningKeyInfo | undefined> {
    const held = await this.key();
    return held && this.infoOf(held.stored);
  }

  /** A core signer over the organisation key with its chain, or undefined when none is imported. */
  async signer(name: string): Promise<ReportSigner | undefined> {
    const held = await this.key();
    if (!held) return undefined;
    const { privateKey, stored } = held;
    return {
      alg: stored.alg,
      publicJwk: stored.publicJwk,
      name,
      x5c: stored.x5c,
      sign: async (input) => signWith(privateKey, stored.alg, input),
    };
  }

  /**
   * Check and keep an organisation key: core reads the key and the chain (refusing, with the file and the reason,
   * what does not fit), node imports the key, and the key must sign a proof the leaf certificate's key verifies.
   * Only then is it stored, replacing an organisation key imported before (never the app's own key).
   */
  async import(files: readonly OrganisationKeyFile[]): Promise<ReportSigningKeyInfo> {
    const { safeStorage, verifier, now } = this.dependencies;
    if (!safeStorage.isEncryptionAvailable())
      throw unavailable(
        'the operating system offers no encryption to keep a signing key at rest (Electron safeStorage is unavailable); nothing was imported',
      );
    let stored: StoredOrganisationKey;
    let privateKey: KeyObject;
    try {
      const material = await readOrganisationKey(files, { verifier, now: now() });
      privateKey = createPrivateKey({ key: Buffer.from(material.pkcs8), format: 'der', type: 'pkcs8' });
      await proveKeyHolder(material, async (input) => signWith(privateKey, material.alg, input), verifier);
      stored = {
        format: 'tokentrail-organisation-signing-key',
        importedAt: now(),
        alg: material.alg,
        pkcs8: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        x5c: material.x5c,
        publicJwk: material.publicJwk,
        certificate: material.certificate,
      };
    } catch (error) {
      if (error instanceof IpcRequestError) throw error;
      const reason =
        error instanceof OrganisationKeyError ? error.message : `the key cannot be used (${(error as Error).message})`;
      throw new IpcRequestError('invalid-argument', `The organisation key was not imported: ${reason}`);
    }
    await storeEncrypted(this.dependencies, JSON.stringify(stored), 'the organisation key');
    this.held = Promise.resolve({ privateKey, stored });
    return this.infoOf(stored);
  }

  /** Delete the organisation key: the app's own key signs from now on. */
  async forget(): Promise<void> {
    await this.dependencies.fs.rm(this.dependencies.keyFile, { force: true });
    this.held = Promise.resolve(undefined);
  }

  private infoOf(stored: StoredOrganisationKey): ReportSigningKeyInfo {
    const weakProtection = weakProtectionOf(this.dependencies.safeStorage);
    return {
      alg: stored.alg,
      publicJwk: stored.publicJwk,
      thumbprint: jwkThumbprint(stored.publicJwk),
      createdAt: stored.importedAt,
      custody: `${stored.alg === 'EdDSA' ? 'Ed25519' : 'P-256'} organisation key certified to "${stored.certificate.subject}" by "${stored.certificate.issuer}", imported into the desktop app's main process and stored encrypted with the operating system's safeStorage${weakProtection ? " ('basic_text' backend: see the warning)" : ''}`,
      certificate: stored.certificate,
      ...(weakProtection ? { weakProtection } : {}),
    };
  }

  private key(): Promise<HeldOrganisationKey | undefined> {
    this.held ??= this.load().catch((error: unknown) => {
      this.held = undefined;
      throw error;
    });
    return this.held;
  }

  private async load(): Promise<HeldOrganisationKey | undefined> {
    const { safeStorage, fs, keyFile } = this.dependencies;
    let encrypted: Uint8Array;
    try {
      encrypted = await fs.readFile(keyFile);
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw unavailable(`the organisation key file cannot be read (${(error as Error).message})`);
    }
    try {
      const stored = JSON.parse(safeStorage.decryptString(Buffer.from(encrypted))) as StoredOrganisationKey;
      if (stored.format !== 'tokentrail-organisation-signing-key') throw new Error('not an organisation key file');
      return { privateKey: createPrivateKey(stored.pkcs8), stored };
    } catch (error) {
      // Never dropped silently for the app's own key: the investigator meant reports to carry the organisation's.
      throw unavailable(`the organisation key file ${keyFile} cannot be decrypted (${(error as Error).message})`);
    }
  }
}

/** Largest key or chain file read: a PEM key with a long chain is a few kilobytes. */
export const MAX_KEY_FILE_BYTES = 1024 * 1024;

/** Read a chosen key or chain file as text, refusing anything larger than a key file can be (named in the message). */
export async function readKeyFileText(
  fs: {
    stat(filePath: string): Promise<{ size: number }>;
    readFile(filePath: string, encoding: 'utf8'): Promise<string>;
  },
  filePath: string,
): Promise<string> {
  const { size } = await fs.stat(filePath);
  if (size > MAX_KEY_FILE_BYTES)
    throw new IpcRequestError(
      'invalid-argument',
      `The organisation key was not imported: ${filePath} is ${size} bytes, too large for a key or certificate file`,
    );
  return fs.readFile(filePath, 'utf8');
}
