import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * SHA-256 in pure TypeScript (@noble/hashes) so the same code hashes evidence in the renderer, in workers and in
 * Node; incremental, so a multi-GB file is hashed chunk by chunk and never held whole.
 */
export interface Sha256Stream {
  update(chunk: Uint8Array): void;
  /** Lower-case hex digest; the stream cannot be updated afterwards. */
  digestHex(): string;
}

/**
 * Starts an incremental SHA-256: what a host may inject where it has a faster one than {@link createSha256} (Node's
 * native `crypto.createHash`; in a browser, WebCrypto cannot hash incrementally, so the JS one stays).
 */
export type Sha256Factory = () => Sha256Stream;

/** Start an incremental SHA-256. */
export function createSha256(): Sha256Stream {
  const hash = sha256.create();
  return {
    update: (chunk) => void hash.update(chunk),
    digestHex: () => bytesToHex(hash.digest()),
  };
}

/** Lower-case hex SHA-256 of some bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}

/** Lower-case hex SHA-256 of a string's UTF-8 bytes. */
export function sha256HexOfText(text: string): string {
  return sha256Hex(new TextEncoder().encode(text));
}

/** True when `value` looks like a lower-case hex SHA-256 digest. */
export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}
