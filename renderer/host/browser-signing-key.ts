// The browser build's report-signing key: a NON-EXTRACTABLE WebCrypto key pair kept in an IndexedDB database of its
// own (not the case store, so no case archive or export can ever carry it). The page can ask the key to sign but
// cannot read its private part: WebCrypto refuses to export it, and IndexedDB stores the CryptoKey object, not bytes.
import {
  proveKeyHolder,
  readOrganisationKey,
  signManifest,
  type OrganisationKeyFile,
  type ReportSigner,
} from '../../core/report';
import { createWebCryptoVerifier, jwkThumbprint, type SubtleLike } from '../../core/token';
import type { ReportSigningKeyInfo, SigningPublicJwk } from '../../ipc/ipc-contract';

const KEY_DATABASE = 'tokentrail-signing-key';
const KEY_STORE = 'keys';
const KEY_ID = 'report';
/** The organisation key, when one is imported: it signs instead of the browser's own key, which stays stored. */
const ORGANISATION_KEY_ID = 'organisation';

interface StoredKeyPair {
  readonly id: typeof KEY_ID | typeof ORGANISATION_KEY_ID;
  readonly alg: 'EdDSA' | 'ES256';
  readonly privateKey: CryptoKey;
  readonly publicJwk: SigningPublicJwk;
  readonly createdAt: number;
  /** The organisation's chain (x5c, leaf first) and its leaf in words; only on the organisation key. */
  readonly x5c?: readonly string[];
  readonly certificate?: ReportSigningKeyInfo['certificate'];
}

const CUSTODY =
  "non-extractable WebCrypto key kept in this browser profile's IndexedDB: it signs here and cannot be copied out";

function request<T>(operation: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    operation.onsuccess = () => resolve(operation.result);
    operation.onerror = () => reject(operation.error ?? new Error('IndexedDB request failed'));
  });
}

function openKeyDatabase(): Promise<IDBDatabase> {
  const open = indexedDB.open(KEY_DATABASE, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(KEY_STORE, { keyPath: 'id' });
  return request(open);
}

/** Ed25519 where this browser has it in WebCrypto (Chromium 137+), else ECDSA P-256. Never extractable. */
async function generatePair(): Promise<{ alg: StoredKeyPair['alg']; pair: CryptoKeyPair }> {
  try {
    return {
      alg: 'EdDSA',
      pair: (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair,
    };
  } catch {
    return {
      alg: 'ES256',
      pair: await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']),
    };
  }
}

/** Only the public members RFC 7638 hashes, whatever else the browser's export carries. */
function publicMembers(jwk: JsonWebKey): SigningPublicJwk {
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && jwk.x) return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
  if (jwk.kty === 'EC' && jwk.crv === 'P-256' && jwk.x && jwk.y) return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
  throw new Error(`the browser exported an unexpected public key (${jwk.kty} ${jwk.crv})`);
}

async function createPair(): Promise<StoredKeyPair> {
  const { alg, pair } = await generatePair();
  return {
    id: KEY_ID,
    alg,
    privateKey: pair.privateKey,
    publicJwk: publicMembers(await crypto.subtle.exportKey('jwk', pair.publicKey)),
    createdAt: Date.now(),
  };
}

let held: Promise<StoredKeyPair> | undefined;

/** The stored pair, made and stored on first use. Two tabs racing keep the first one stored (`add` fails for the other). */
async function loadOrCreate(): Promise<StoredKeyPair> {
  const database = await openKeyDatabase();
  try {
    const read = () => request(database.transaction(KEY_STORE).objectStore(KEY_STORE).get(KEY_ID));
    const stored = (await read()) as StoredKeyPair | undefined;
    if (stored) return stored;
    const created = await createPair();
    try {
      await request(database.transaction(KEY_STORE, 'readwrite').objectStore(KEY_STORE).add(created));
      return created;
    } catch {
      const winner = (await read()) as StoredKeyPair | undefined;
      if (!winner) throw new Error('the new signing key could not be stored in this browser profile');
      return winner;
    }
  } finally {
    database.close();
  }
}

function storedPair(): Promise<StoredKeyPair> {
  held ??= loadOrCreate().catch((error: unknown) => {
    held = undefined;
    throw error;
  });
  return held;
}

function infoOf(pair: StoredKeyPair): ReportSigningKeyInfo {
  const kind = pair.alg === 'EdDSA' ? 'Ed25519' : 'ECDSA P-256';
  return {
    alg: pair.alg,
    publicJwk: pair.publicJwk,
    thumbprint: jwkThumbprint(pair.publicJwk),
    createdAt: pair.createdAt,
    custody: pair.certificate
      ? `${kind} organisation key certified to "${pair.certificate.subject}" by "${pair.certificate.issuer}", imported as a ${CUSTODY}`
      : `${kind} ${CUSTODY}`,
    ...(pair.certificate ? { certificate: pair.certificate } : {}),
  };
}

/** The imported organisation key, read afresh each time (another tab may have imported or forgotten one). */
async function organisationPair(): Promise<StoredKeyPair | undefined> {
  const database = await openKeyDatabase();
  try {
    return (await request(database.transaction(KEY_STORE).objectStore(KEY_STORE).get(ORGANISATION_KEY_ID))) as
      StoredKeyPair | undefined;
  } finally {
    database.close();
  }
}

/** The key that signs: the organisation's when one is imported, else the browser's own (made on first use). */
async function signingPair(): Promise<StoredKeyPair> {
  return (await organisationPair()) ?? storedPair();
}

/** The signing key's public half and thumbprint (making the browser's own key on first use). */
export async function browserSigningKey(): Promise<ReportSigningKeyInfo> {
  return infoOf(await signingPair());
}

const algorithmOf = (alg: StoredKeyPair['alg']) =>
  alg === 'EdDSA' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' };

const signWith = async (pair: Pick<StoredKeyPair, 'alg' | 'privateKey'>, input: Uint8Array) =>
  new Uint8Array(await crypto.subtle.sign(algorithmOf(pair.alg), pair.privateKey, input as Uint8Array<ArrayBuffer>));

/** Sign a report manifest with the signing key: the detached compact JWS. WebCrypto's ECDSA output is already R‖S. */
export async function browserSignManifest(manifest: Uint8Array, name: string, signedAt: number): Promise<string> {
  const pair = await signingPair();
  const signer: ReportSigner = {
    alg: pair.alg,
    publicJwk: pair.publicJwk,
    name,
    x5c: pair.x5c,
    sign: (input) => signWith(pair, input),
  };
  return signManifest(manifest, signer, signedAt);
}

/**
 * Import an organisation key and its chain from the files chosen: core reads and checks them, WebCrypto imports the
 * private key NON-EXTRACTABLE (from then on this page can only ask it to sign), the key must sign a proof the leaf
 * certificate's key verifies, and only then is it stored, replacing an organisation key imported before. The PKCS#8
 * text the page read is dropped with the files; the browser's own key stays stored for when this one is forgotten.
 */
export async function browserImportOrganisationKey(
  files: readonly OrganisationKeyFile[],
): Promise<ReportSigningKeyInfo> {
  const verifier = createWebCryptoVerifier(crypto.subtle as unknown as SubtleLike);
  const material = await readOrganisationKey(files, { verifier, now: Date.now() });
  const algorithm = material.alg === 'EdDSA' ? { name: 'Ed25519' } : { name: 'ECDSA', namedCurve: 'P-256' };
  let privateKey: CryptoKey;
  try {
    privateKey = await crypto.subtle.importKey('pkcs8', material.pkcs8 as Uint8Array<ArrayBuffer>, algorithm, false, [
      'sign',
    ]);
  } catch (error) {
    throw new Error(`this browser cannot import the ${algorithm.name} key (${(error as Error).message})`);
  }
  await proveKeyHolder(material, (input) => signWith({ alg: material.alg, privateKey }, input), verifier);
  const pair: StoredKeyPair = {
    id: ORGANISATION_KEY_ID,
    alg: material.alg,
    privateKey,
    publicJwk: material.publicJwk,
    createdAt: Date.now(),
    x5c: material.x5c,
    certificate: material.certificate,
  };
  const database = await openKeyDatabase();
  try {
    await request(database.transaction(KEY_STORE, 'readwrite').objectStore(KEY_STORE).put(pair));
  } finally {
    database.close();
  }
  return infoOf(pair);
}

/** Delete the organisation key: the browser's own key signs again (returned). */
export async function browserForgetOrganisationKey(): Promise<ReportSigningKeyInfo> {
  const database = await openKeyDatabase();
  try {
    await request(database.transaction(KEY_STORE, 'readwrite').objectStore(KEY_STORE).delete(ORGANISATION_KEY_ID));
  } finally {
    database.close();
  }
  return infoOf(await storedPair());
}
