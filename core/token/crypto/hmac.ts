import { hmac } from '@noble/hashes/hmac.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';

/**
 * Synchronous HMAC for the checks that compute many MACs over one token (empty key, key confusion, weak secrets).
 * Core's default is pure TypeScript (@noble/hashes); Node hosts inject node:crypto's for speed.
 */

/** Hash names as JWA uses them. */
export type HmacHash = 'SHA-256' | 'SHA-384' | 'SHA-512';

/** Computes HMAC(key, data). */
export interface HmacProvider {
  hmac(hash: HmacHash, key: Uint8Array, data: Uint8Array): Uint8Array;
  /**
   * Optional: the index of the first of `keys` under which `signature` is the HMAC of `data`, or -1. For a host that
   * tries a list of keys faster than one MAC at a time (the CLI prepares a list it sees again, such as the built-in
   * list of common secrets, once, and tries it four keys at a time).
   */
  firstMatchingKey?(hash: HmacHash, keys: readonly Uint8Array[], data: Uint8Array, signature: Uint8Array): number;
}

const HASHES = { 'SHA-256': sha256, 'SHA-384': sha384, 'SHA-512': sha512 } as const;

/** The pure-TypeScript HMAC every host can run. */
export const pureHmac: HmacProvider = {
  hmac: (hash, key, data) => hmac(HASHES[hash], key, data),
};
