import { createPrivateKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCaseConfig, type CaseConfig } from '../core/evidence/case-config';
import { parseJsonWithLine, withoutBom } from '../core/evidence/json-location';
import { parseKeyRotation, type KeyLifecycle } from '../core/evidence/key-rotation';
import { createKeyring, loadKeyFile, privateKeyTexts, type JweKeyCandidate, type JweKeyResolver, type Keyring, type LoadedKeys } from '../core/token';
import { nodePublicKeyDeriver } from './node-crypto-verifier';
import { pathKind } from './node-inputs';

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

/** The private keys of a key file that node:crypto reads (every PEM form, JWKs), for JWE decryption. */
function privateKeysIn(text: string, file: string): PrivateKeyEntry[] {
  const keys: PrivateKeyEntry[] = [];
  for (const found of privateKeyTexts(text)) {
    try {
      const key = found.kind === 'pem' ? createPrivateKey(found.text) : createPrivateKey({ key: found.jwk as JsonWebKey, format: 'jwk' });
      const kid = found.kind === 'jwk' && typeof found.jwk.kid === 'string' ? `"${found.jwk.kid}" ` : '';
      keys.push({ id: `${file}#${keys.length}`, description: found.kind === 'pem' ? `private key from ${file}` : `private JWK ${kid}from ${file}`, key });
    } catch {
      // Unreadable private keys are reported by the keyring loader.
    }
  }
  return keys;
}

/**
 * Refuse a key file named explicitly that gave no usable key because it cannot be parsed: analysing without it
 * would report every token it signed as NO-KEY. (Files found in a --keys folder only warn: a folder of evidence
 * holds other files too.) Unsupported or encrypted keys stay warnings: the file was read, its keys are not usable.
 */
function refuseUnreadableKeyFile(file: string, loaded: LoadedKeys, privateKeys: readonly PrivateKeyEntry[]): void {
  // Unreadable text and unusable key material (a point off its curve, a 3-byte modulus) alike: nothing in it verifies.
  const unreadable = loaded.problems.filter((problem) => problem.code === 'key-unreadable' || problem.code === 'key-invalid');
  if (loaded.keys.length > 0 || privateKeys.length > 0 || unreadable.length === 0) return;
  // The keyring's messages start with the file's name already.
  throw new Error(`${unreadable.map((problem) => problem.message).join(' ')} No key can be read from this file, given with --keys: correct it or leave it out.`);
}

/** Read and parse a JSON file given as an option; errors name the file, what it is for, and where the JSON breaks. */
async function readJsonFile(file: string, role: string): Promise<{ value: unknown; text: string }> {
  const found = pathKind(file);
  if (found.kind === 'unreadable') throw new Error(`cannot read the ${role} ${file}: ${found.reason}`);
  const text = withoutBom(await readFile(file, 'utf8'));
  const parsed = parseJsonWithLine(text);
  if (!parsed.ok) throw new Error(`${file}${parsed.line === undefined ? '' : ` (line ${parsed.line}, column ${parsed.column})`}: the ${role} is not valid JSON: ${parsed.message}.`);
  return { value: parsed.value, text };
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
  const named = new Set(keyTargets);
  for (const file of await keyFilesOf(keyTargets)) {
    const bytes = await readFile(file);
    const keys = await loadKeyFile(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file, { derivePublic: nodePublicKeyDeriver });
    const privateKeysOfFile = privateKeysIn(bytes.toString('utf8'), file);
    if (named.has(file)) refuseUnreadableKeyFile(file, keys, privateKeysOfFile);
    loaded.push(keys);
    privateKeys.push(...privateKeysOfFile);
  }
  let lifecycles: KeyLifecycle[] = [];
  if (keyRotationFile) {
    const { value, text } = await readJsonFile(keyRotationFile, 'key-rotation history');
    const parsed = parseKeyRotation(value, text, keyRotationFile);
    if (parsed.problems.length > 0) throw new Error(parsed.problems.map((problem) => problem.message).join('\n'));
    lifecycles = parsed.keys ?? [];
  }
  let caseConfig: CaseConfig | undefined;
  if (caseConfigFile) {
    const { value, text } = await readJsonFile(caseConfigFile, 'case configuration');
    const parsed = parseCaseConfig(value, text, caseConfigFile);
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
