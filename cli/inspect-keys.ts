import { createPrivateKey, type KeyObject } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCaseConfig, type CaseConfig } from '../core/evidence/case-config';
import { parseKeyRotation, type KeyLifecycle } from '../core/evidence/key-rotation';
import { createKeyring, loadKeyFile, type JweKeyCandidate, type JweKeyResolver, type Keyring, type LoadedKeys } from '../core/token';
import { nodePublicKeyDeriver } from './node-crypto-verifier';

/**
 * Reading `inspect`'s key material from disk: --keys files and folders into a keyring, private keys kept apart (as
 * KeyObjects, never in the keyring) for JWE decryption only, and the case configuration and key-rotation history.
 */

/** Every regular file named by --keys (folders walked recursively; symbolic links refused). */
export async function keyFilesOf(targets: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (target: string): Promise<void> => {
    const info = await lstat(target);
    if (info.isSymbolicLink()) throw new Error(`${target} is a symbolic link; copy the key file in instead`);
    if (info.isDirectory()) {
      for (const entry of (await readdir(target)).sort()) await walk(path.join(target, entry));
    } else if (info.isFile()) files.push(target);
  };
  for (const target of targets) await walk(target);
  return files;
}

interface PrivateKeyEntry {
  readonly id: string;
  readonly description: string;
  readonly key: KeyObject;
}

function privateKeysIn(text: string, file: string): PrivateKeyEntry[] {
  const keys: PrivateKeyEntry[] = [];
  for (const match of text.matchAll(/-----BEGIN ((?:RSA |EC )?PRIVATE KEY)-----[\s\S]*?-----END \1-----/g)) {
    try {
      keys.push({ id: `${file}#${keys.length}`, description: `private key from ${file}`, key: createPrivateKey(match[0]) });
    } catch {
      // Unreadable private keys are reported by the keyring loader.
    }
  }
  if (/^\s*[[{]/.test(text)) {
    try {
      const value = JSON.parse(text) as { keys?: unknown[] } | unknown[];
      const entries = Array.isArray(value) ? value : Array.isArray(value.keys) ? value.keys : [value];
      for (const entry of entries as Record<string, unknown>[]) {
        if (entry && typeof entry === 'object' && typeof entry.d === 'string' && entry.kty !== 'oct') {
          keys.push({ id: `${file}#${keys.length}`, description: `private JWK ${typeof entry.kid === 'string' ? `"${entry.kid}" ` : ''}from ${file}`, key: createPrivateKey({ key: entry as import('node:crypto').JsonWebKey, format: 'jwk' }) });
        }
      }
    } catch {
      // Not a JWK file.
    }
  }
  return keys;
}

/** The keys of an inspect run. */
export interface InspectKeys {
  readonly keyring: Keyring;
  readonly jweKeys: JweKeyResolver;
  readonly caseConfig?: CaseConfig;
}

/** Load --keys, --case-config and --key-rotation. Throws with a message naming the file on unreadable input. */
export async function loadInspectKeys(keyTargets: readonly string[], caseConfigFile?: string, keyRotationFile?: string): Promise<InspectKeys> {
  const loaded: LoadedKeys[] = [];
  const privateKeys: PrivateKeyEntry[] = [];
  for (const file of await keyFilesOf(keyTargets)) {
    const bytes = await readFile(file);
    loaded.push(await loadKeyFile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file, { derivePublic: nodePublicKeyDeriver }));
    privateKeys.push(...privateKeysIn(bytes.toString('utf8'), file));
  }
  let lifecycles: KeyLifecycle[] = [];
  if (keyRotationFile) {
    const text = await readFile(keyRotationFile, 'utf8');
    const parsed = parseKeyRotation(JSON.parse(text), text, keyRotationFile);
    if (parsed.problems.length > 0) throw new Error(parsed.problems.map((problem) => problem.message).join('\n'));
    lifecycles = parsed.keys ?? [];
  }
  let caseConfig: CaseConfig | undefined;
  if (caseConfigFile) {
    const text = await readFile(caseConfigFile, 'utf8');
    const parsed = parseCaseConfig(JSON.parse(text), text, caseConfigFile);
    if (!parsed.config) throw new Error(parsed.problems.map((problem) => problem.message).join('\n'));
    caseConfig = parsed.config;
  }
  const jweKeys: JweKeyResolver = (header) => {
    const alg = typeof header.alg === 'string' ? header.alg : '';
    const type = alg.startsWith('RSA') ? 'rsa' : alg.startsWith('ECDH') ? ['ec', 'x25519', 'x448'] : undefined;
    if (!type) return [];
    return privateKeys.filter((entry) => (Array.isArray(type) ? type.includes(entry.key.asymmetricKeyType ?? '') : entry.key.asymmetricKeyType === type)).map((entry): JweKeyCandidate => entry);
  };
  return { keyring: createKeyring(loaded, lifecycles), jweKeys, caseConfig };
}
