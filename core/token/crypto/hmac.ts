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
}

const HASHES = { 'SHA-256': sha256, 'SHA-384': sha384, 'SHA-512': sha512 } as const;

/** The pure-TypeScript HMAC every host can run. */
export const pureHmac: HmacProvider = {
  hmac: (hash, key, data) => hmac(HASHES[hash], key, data),
};
