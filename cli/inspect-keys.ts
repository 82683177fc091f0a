import { createHash, createPrivateKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { classifyEvidence, KEY_KINDS, type CaseConfig, type EvidenceKind } from '../core';
import { readCaseMaterial, type CaseFile, type CaseMaterial } from '../core/case';
import {
  createKeyring,
  privateKeyTexts,
  type JweKeyCandidate,
  type JweKeyResolver,
  type Keyring,
  type LoadedKeys,
} from '../core/token';
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
      const key =
        found.kind === 'pem'
          ? createPrivateKey(found.text)
          : createPrivateKey({ key: found.jwk as JsonWebKey, format: 'jwk' });
      const kid = found.kind === 'jwk' && typeof found.jwk.kid === 'string' ? `"${found.jwk.kid}" ` : '';
      keys.push({
        id: `${file}#${keys.length}`,
        description: found.kind === 'pem' ? `private key from ${file}` : `private JWK ${kid}from ${file}`,
        key,
      });
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
  const unreadable = loaded.problems.filter(
    (problem) => problem.code === 'key-unreadable' || problem.code === 'key-invalid',
  );
  if (loaded.keys.length > 0 || privateKeys.length > 0 || unreadable.length === 0) return;
  // The keyring's messages start with the file's name already.
  throw new Error(
    `${unreadable.map((problem) => problem.message).join(' ')} No key can be read from this file, given with --keys: correct it or leave it out.`,
  );
}

/** What `inspect` says of an option's file when it stops on it. */
const ROLES = { 'key-rotation': 'key-rotation history', 'case-config': 'case configuration' } as const;

function caseFile(file: string, bytes: Uint8Array, kind: EvidenceKind, importedAt: number): CaseFile {
  return { path: file, kind, sha256: createHash('sha256').update(bytes).digest('hex'), bytes, importedAt };
}

/** Read a file given as an option; an error names the file and what it is for. */
async function readOptionFile(file: string, kind: keyof typeof ROLES, importedAt: number): Promise<CaseFile> {
  const found = pathKind(file);
  if (found.kind === 'unreadable') throw new Error(`cannot read the ${ROLES[kind]} ${file}: ${found.reason}`);
  const bytes = await readFile(file);
  return caseFile(file, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), kind, importedAt);
}

/**
 * Every file named by --keys is a key file, whatever it looks like: its classified key kind, else `secret` (the key
 * loader reads its format from the bytes anyway; the kind only tells readCaseMaterial that it holds keys).
 */
function keyKindOf(file: string, bytes: Uint8Array): EvidenceKind {
  const { kind } = classifyEvidence(file, bytes);
  return KEY_KINDS.includes(kind) ? kind : 'secret';
}

/**
 * An option's file that cannot be used stops inspect (unlike a bundle's, which is reported): the investigator named
 * it, and analysing without it would judge every token without the history or configuration they asked for.
 */
function refuseUnusableOptionFile(material: CaseMaterial, file: string, kind: keyof typeof ROLES): void {
  const problems = material.problems.filter((problem) => problem.file === file);
  const invalidJson = problems.find((problem) => problem.code === 'json-invalid');
  if (invalidJson)
    throw new Error(
      `${file}${invalidJson.line === undefined ? '' : ` (line ${invalidJson.line}, column ${invalidJson.column})`}: the ${ROLES[kind]} is not valid JSON: ${invalidJson.reason}.`,
    );
  // A history with any invalid record; a configuration with any invalid field (it is then not read at all).
  const invalid = problems.filter((problem) => problem.code === `${kind}-invalid`);
  if (invalid.length > 0) throw new Error(invalid.map((problem) => problem.message).join('\n'));
}

/** The keys of an inspect run. */
export interface InspectKeys {
  readonly keyring: Keyring;
  readonly jweKeys: JweKeyResolver;
  readonly caseConfig?: CaseConfig;
}

/** Load --keys, --case-config and --key-rotation (through core's readCaseMaterial). Throws with a message naming the file on unreadable input. */
export async function loadInspectKeys(
  keyTargets: readonly string[],
  caseConfigFile?: string,
  keyRotationFile?: string,
): Promise<InspectKeys> {
  const files: CaseFile[] = [];
  const privateKeys: PrivateKeyEntry[] = [];
  const privateKeysByFile = new Map<string, PrivateKeyEntry[]>();
  for (const file of await keyFilesOf(keyTargets)) {
    const read = await readFile(file);
    const bytes = new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
    // Each file its own import, in the order named: the keyring keeps that order.
    files.push(caseFile(file, bytes, keyKindOf(file, bytes), files.length));
    const privateKeysOfFile = privateKeysIn(read.toString('utf8'), file);
    privateKeysByFile.set(file, privateKeysOfFile);
    privateKeys.push(...privateKeysOfFile);
  }
  if (keyRotationFile) files.push(await readOptionFile(keyRotationFile, 'key-rotation', files.length));
  if (caseConfigFile) files.push(await readOptionFile(caseConfigFile, 'case-config', files.length));
  const material = await readCaseMaterial(files, { derivePublic: nodePublicKeyDeriver });
  const named = new Set(keyTargets);
  for (const [file, privateKeysOfFile] of privateKeysByFile) {
    if (!named.has(file)) continue;
    // A file with the same bytes as another one was read once, under the other's name.
    const sha256 = files.find((entry) => entry.path === file)?.sha256;
    const readAs = material.files.find((entry) => entry.sha256 === sha256 && KEY_KINDS.includes(entry.kind))?.path;
    const loaded = material.keys.find((entry) => entry.file === readAs);
    if (loaded) refuseUnreadableKeyFile(file, loaded, privateKeysOfFile);
  }
  if (keyRotationFile) refuseUnusableOptionFile(material, keyRotationFile, 'key-rotation');
  if (caseConfigFile) refuseUnusableOptionFile(material, caseConfigFile, 'case-config');
  const jweKeys: JweKeyResolver = (header) => {
    const alg = typeof header.alg === 'string' ? header.alg : '';
    const type = alg.startsWith('RSA') ? 'rsa' : alg.startsWith('ECDH') ? ['ec', 'x25519', 'x448'] : undefined;
    if (!type) return [];
    return privateKeys
      .filter((entry) =>
        Array.isArray(type) ? type.includes(entry.key.asymmetricKeyType ?? '') : entry.key.asymmetricKeyType === type,
      )
      .map((entry): JweKeyCandidate => entry);
  };
  return { keyring: createKeyring(material.keys, material.keyHistory), jweKeys, caseConfig: material.caseConfig };
}
