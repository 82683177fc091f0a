import * as nodeCrypto from 'node:crypto';
import { HMAC_HASH } from '../core/token';
import { hmac256Guess, hmac256Target } from './node-crypto-hmac256';
import type { WireTarget } from './node-crypto-messages';

/**
 * Candidate secrets tried against one token in a crypto worker. HS256 (nearly every target) goes through the plain
 * TypeScript HMAC with the token's message schedules prepared once; HS384 and HS512 through node:crypto one-shot
 * hashes as H(K^opad || H(K^ipad || m)), the pad buffers reused between candidates: cheaper than createHmac, whose
 * per-call object setup dominates for short inputs.
 */

/** True when `bytes[start..end)` is the secret of the token it was made for. */
export type SecretGuesser = (bytes: Uint8Array, start: number, end: number) => boolean;

const NODE_HASH = {
  'SHA-256': { name: 'sha256', block: 64, length: 32 },
  'SHA-384': { name: 'sha384', block: 128, length: 48 },
  'SHA-512': { name: 'sha512', block: 128, length: 64 },
} as const;

/** crypto.hash (Node ≥ 20.12): one call instead of a Hash object per digest. */
const hashOnce: (algorithm: string, data: Uint8Array) => Buffer =
  typeof nodeCrypto.hash === 'function'
    ? (algorithm, data) => nodeCrypto.hash(algorithm, data, 'buffer')
    : (algorithm, data) => nodeCrypto.createHash(algorithm).update(data).digest();

/** HMAC guessing on node:crypto hashes, for any HS algorithm. */
function nodeHmacGuesser(target: WireTarget): SecretGuesser {
  const { name, block, length } = NODE_HASH[HMAC_HASH[target.alg]];
  const input = Buffer.from(target.input);
  const inner = Buffer.alloc(block + input.length, 0x36);
  input.copy(inner, block);
  const outer = Buffer.alloc(block + length, 0x5c);
  const signature = Buffer.from(target.signature);
  const first = signature[0];
  return (bytes, start, end) => {
    const word = bytes.subarray(start, end);
    const key = word.length > block ? hashOnce(name, word) : word;
    const n = key.length;
    for (let i = 0; i < n; i++) {
      inner[i] = key[i]! ^ 0x36;
      outer[i] = key[i]! ^ 0x5c;
    }
    hashOnce(name, inner).copy(outer, block);
    const mac = hashOnce(name, outer);
    inner.fill(0x36, 0, n);
    outer.fill(0x5c, 0, n);
    return mac[0] === first && mac.equals(signature);
  };
}

/** The fastest guesser for a target. */
export function secretGuesser(target: WireTarget): SecretGuesser {
  if (target.alg !== 'HS256') return nodeHmacGuesser(target);
  const prepared = hmac256Target(target.input, target.signature);
  return (bytes, start, end) => hmac256Guess(prepared, bytes, start, end);
}
