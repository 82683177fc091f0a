// The browser build's report-signing key: a NON-EXTRACTABLE WebCrypto key pair kept in an IndexedDB database of its
// own (not the case store, so no case archive or export can ever carry it). The page can ask the key to sign but
// cannot read its private part: WebCrypto refuses to export it, and IndexedDB stores the CryptoKey object, not bytes.
import { signManifest, type ReportSigner } from '../../core/report';
import { jwkThumbprint } from '../../core/token';
import type { ReportSigningKeyInfo, SigningPublicJwk } from '../../ipc/ipc-contract';

const KEY_DATABASE = 'tokentrail-signing-key';
const KEY_STORE = 'keys';
const KEY_ID = 'report';

interface StoredKeyPair {
  readonly id: typeof KEY_ID;
  readonly alg: 'EdDSA' | 'ES256';
  readonly privateKey: CryptoKey;
  readonly publicJwk: SigningPublicJwk;
  readonly createdAt: number;
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
  return {
    alg: pair.alg,
    publicJwk: pair.publicJwk,
    thumbprint: jwkThumbprint(pair.publicJwk),
    createdAt: pair.createdAt,
    custody: `${pair.alg === 'EdDSA' ? 'Ed25519' : 'ECDSA P-256'} ${CUSTODY}`,
  };
}

/** The browser key's public half and thumbprint (making the key on first use). */
export async function browserSigningKey(): Promise<ReportSigningKeyInfo> {
  return infoOf(await storedPair());
}

/** Sign a report manifest with the browser key: the detached compact JWS. WebCrypto's ECDSA output is already R‖S. */
export async function browserSignManifest(manifest: Uint8Array, name: string, signedAt: number): Promise<string> {
  const pair = await storedPair();
  const algorithm = pair.alg === 'EdDSA' ? { name: 'Ed25519' } : { name: 'ECDSA', hash: 'SHA-256' };
  const signer: ReportSigner = {
    alg: pair.alg,
    publicJwk: pair.publicJwk,
    name,
    sign: async (input) =>
      new Uint8Array(await crypto.subtle.sign(algorithm, pair.privateKey, input as Uint8Array<ArrayBuffer>)),
  };
  return signManifest(manifest, signer, signedAt);
}
