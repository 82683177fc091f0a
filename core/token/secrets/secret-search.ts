import type { HmacHash, HmacProvider } from '../crypto/hmac';
import { equalBytes } from '../crypto/signature-verifier';

/**
 * Searching for the HMAC secret of HS* tokens among candidate secrets: the built-in list, or an investigator's
 * wordlist streamed in chunks (memory bounded by the chunk and batch size, whatever the list's size). Hosts can
 * replace the in-thread searcher with a parallel one (cli/node-crypto-pool.ts) behind the same interface.
 */

/** A token signature to find the secret of. */
export interface SecretTarget {
  readonly id: string;
  readonly alg: 'HS256' | 'HS384' | 'HS512';
  readonly signingInput: Uint8Array;
  readonly signature: Uint8Array;
}

/** A secret that reproduces a target's signature. */
export interface SecretMatch {
  readonly targetId: string;
  readonly secret: Uint8Array;
  /** 1-based line of the wordlist (0 for the built-in list). */
  readonly line: number;
  /** Where the secret came from: "built-in list" or the wordlist's name. */
  readonly source: string;
}

/** Cancellation, as AbortSignal provides it. */
export interface CancelSignal {
  readonly aborted: boolean;
}

/** Options of a search. */
export interface SearchOptions {
  readonly signal?: CancelSignal;
  /** Called now and then with the number of candidates tried so far. */
  readonly onProgress?: (tried: number) => void;
}

/** Finds HMAC secrets. */
export interface SecretSearcher {
  search(targets: readonly SecretTarget[], options?: SearchOptions): Promise<SecretMatch[]>;
}

/** The JWA hash of an HS algorithm. */
export const HMAC_HASH: Readonly<Record<SecretTarget['alg'], HmacHash>> = {
  HS256: 'SHA-256',
  HS384: 'SHA-384',
  HS512: 'SHA-512',
};

/** Longest wordlist line considered; longer lines are skipped so one giant line cannot exhaust memory. */
export const MAX_WORD_BYTES = 4096;

/** A batch of wordlist lines and the 1-based number of the first. */
export interface WordBatch {
  readonly words: Uint8Array[];
  readonly firstLine: number;
}

/**
 * Split a stream of byte chunks into batches of lines (LF or CRLF), without ever holding more than one chunk, one
 * partial line (≤ {@link MAX_WORD_BYTES}) and one batch.
 */
export async function* wordBatches(chunks: AsyncIterable<Uint8Array>, batchSize = 4096): AsyncGenerator<WordBatch> {
  let carry: Uint8Array = new Uint8Array(0);
  let carryTooLong = false;
  let line = 1;
  let batch: Uint8Array[] = [];
  let batchFirst = 1;
  const push = (word: Uint8Array): WordBatch | undefined => {
    if (batch.length === 0) batchFirst = line;
    batch.push(word.length > 0 && word[word.length - 1] === 13 ? word.subarray(0, -1) : word);
    line++;
    if (batch.length < batchSize) return undefined;
    const full = { words: batch, firstLine: batchFirst };
    batch = [];
    return full;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let newline = chunk.indexOf(10); newline >= 0; newline = chunk.indexOf(10, start)) {
      let word: Uint8Array | undefined = chunk.subarray(start, newline);
      if (carry.length > 0 || carryTooLong) {
        word = carryTooLong || carry.length + word.length > MAX_WORD_BYTES ? undefined : concat(carry, word);
        carry = new Uint8Array(0);
        carryTooLong = false;
      }
      start = newline + 1;
      if (word === undefined || word.length > MAX_WORD_BYTES) {
        line++; // skipped: too long to be a real secret
        continue;
      }
      // Copy: the caller may reuse the chunk buffer after we yield.
      const full = push(word.slice());
      if (full) yield full;
    }
    const rest = chunk.subarray(start);
    if (carry.length + rest.length > MAX_WORD_BYTES) {
      carryTooLong = true;
      carry = new Uint8Array(0);
    } else if (!carryTooLong) carry = concat(carry, rest);
  }
  if (carry.length > 0 && !carryTooLong) push(carry);
  if (batch.length > 0) yield { words: batch, firstLine: batchFirst };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The first of `keys` under which `signature` is the HMAC of `data`, one MAC at a time, or -1. */
export function firstMatchingKeyOneByOne(
  hmac: HmacProvider,
  hash: HmacHash,
  keys: readonly Uint8Array[],
  data: Uint8Array,
  signature: Uint8Array,
): number {
  return keys.findIndex((key) => equalBytes(hmac.hmac(hash, key, data), signature));
}

/** Try candidate secrets against targets in this thread. */
export function matchCandidates(
  targets: readonly SecretTarget[],
  words: readonly Uint8Array[],
  firstLine: number,
  source: string,
  hmac: HmacProvider,
): SecretMatch[] {
  const matches: SecretMatch[] = [];
  for (const target of targets) {
    const hash = HMAC_HASH[target.alg];
    const { signingInput, signature } = target;
    const i = hmac.firstMatchingKey
      ? hmac.firstMatchingKey(hash, words, signingInput, signature)
      : firstMatchingKeyOneByOne(hmac, hash, words, signingInput, signature);
    if (i >= 0) matches.push({ targetId: target.id, secret: words[i]!, line: firstLine + i, source });
  }
  return matches;
}

/** A searcher over a re-openable wordlist stream, in this thread (renderer web worker, small lists). */
export function createWordlistSearcher(
  open: () => AsyncIterable<Uint8Array>,
  source: string,
  hmac: HmacProvider,
): SecretSearcher {
  return {
    async search(targets, options = {}) {
      const found = new Map<string, SecretMatch>();
      let tried = 0;
      for await (const batch of wordBatches(open())) {
        if (options.signal?.aborted) break;
        const remaining = targets.filter((target) => !found.has(target.id));
        if (remaining.length === 0) break;
        for (const match of matchCandidates(remaining, batch.words, batch.firstLine, source, hmac))
          found.set(match.targetId, match);
        tried += batch.words.length;
        options.onProgress?.(tried);
      }
      return [...found.values()];
    },
  };
}
