import type { JwsAlgorithm, SecretTarget } from '../core/token';
import type { NodeKeyMaterial } from './node-crypto-verifier';

/**
 * The messages between the crypto pool (cli/node-crypto-pool.ts) and its workers (cli/node-crypto-worker.ts), typed
 * once for both sides. Byte arrays travel by structured clone or transfer; `shared` is on a SharedArrayBuffer.
 */

/** A key as a worker imports it, under the index the pool gave it. */
export type WorkerKey = { readonly index: number } & NodeKeyMaterial;

/** A token under attack, as a worker receives it. */
export interface WireTarget {
  readonly alg: SecretTarget['alg'];
  readonly input: Uint8Array;
  readonly signature: Uint8Array;
}

/** Import keys (sent to every worker before any verification that uses them; no reply). */
export interface KeysRequest {
  readonly type: 'keys';
  readonly keys: readonly WorkerKey[];
}

/**
 * Verify a packed batch: `meta` holds six numbers per signature (index into `algs`, key index, data start, data
 * length, signature start, signature length) into `buffer`.
 */
export interface VerifyRequest {
  readonly type: 'verify';
  readonly id: number;
  readonly algs: readonly JwsAlgorithm[];
  readonly meta: Int32Array;
  readonly buffer: Uint8Array;
}

/**
 * Search one byte range `[start, end)` of a wordlist file (slice number `slice`) for the targets' secrets. `shared[0]`
 * is a cancel flag, `shared[1]` the candidates tried, `shared[2 + t]` the lowest slice that found target t.
 */
export interface SearchFileRequest {
  readonly type: 'searchFile';
  readonly id: number;
  readonly file: string;
  readonly slice: number;
  readonly start: number;
  readonly end: number;
  readonly targets: readonly WireTarget[];
  readonly shared: Int32Array;
}

/** What a worker is asked. */
export type WorkerRequest = KeysRequest | VerifyRequest | SearchFileRequest;

/** One byte per signature of the batch: 1 valid, 0 not. */
export interface VerifiedReply {
  readonly type: 'verified';
  readonly id: number;
  readonly results: Uint8Array;
}

/** A found secret: the target's index, the newlines of the range before its line, and the secret's bytes. */
export type SliceMatch = readonly [target: number, newlinesBefore: number, secret: Uint8Array];

/** The outcome of a range: its '\n' count, whether it was read to its end, and the secrets found. */
export interface SliceResult {
  readonly newlines: number;
  readonly complete: boolean;
  readonly matches: readonly SliceMatch[];
}

/** The reply to a {@link SearchFileRequest}: its result, or the error that stopped it. */
export type SearchedFileReply = { readonly type: 'searchedFile'; readonly id: number } & (
  SliceResult | { readonly error: string }
);

/** What a worker answers. */
export type WorkerReply = VerifiedReply | SearchedFileReply;
