import type { JwsAlgorithm, VerificationKey } from '../core/token';
import { LANES, hmac256LaneVerifier } from './node-crypto-hmac256-x4';

/**
 * HS256 verification in bulk for the CLI (the worker pool, and `inspect` on a stream), in the calling thread: tokens
 * under the same secret wait in fours and are MACed together in the SIMD lanes (cli/node-crypto-hmac256-x4.ts), about
 * half the cost per token of one at a time in TypeScript; a batch not filled by the time the caller yields to the
 * event loop is run as it is. Only HMACs take this path: a token's trip to a worker costs the calling thread about as
 * much as the MAC itself (docs/benchmarks.md, "Token engine").
 */

/** One secret: its pad states in the lanes, the tokens waiting under it and the promise of their batch's verdicts. */
interface Queue {
  readonly handle: number;
  /** The waiting tokens' signing inputs and signatures, lane by lane (reused: nothing is allocated per token). */
  readonly data: Uint8Array[];
  readonly signatures: Uint8Array[];
  waiting: number;
  /** Settles with the bit mask of the batch's valid lanes. */
  batch?: Promise<number>;
  settle?: (found: number) => void;
}

export interface Hmac256Batches {
  /**
   * The verdict of `signature` over `data` under `key`, or undefined when the lanes do not take this token (not
   * HS256 under a secret, no WebAssembly SIMD here, a signature not 32 bytes, a signing input over 4 KiB): the caller
   * then verifies it one at a time.
   */
  verify(
    alg: JwsAlgorithm,
    key: VerificationKey,
    data: Uint8Array,
    signature: Uint8Array,
  ): Promise<boolean> | undefined;
}

/**
 * The two verdicts known at once (an HMAC checked in the calling thread, a token that completes its batch), made
 * once: a settled promise cannot change, so every such token may share one and none allocates a promise.
 */
const VALID = Promise.resolve(true);
const INVALID = Promise.resolve(false);
export const settledVerdict = (valid: boolean): Promise<boolean> => (valid ? VALID : INVALID);
/** A waiting token's verdict from its batch's mask, one function per lane: no closure per token. */
const LANE_VERDICT = Array.from({ length: LANES }, (_, lane) => (found: number) => (found & (1 << lane)) !== 0);

export function createHmac256Batches(): Hmac256Batches {
  const lanes = hmac256LaneVerifier();
  const queues = new Map<string, Queue>();
  let scheduled = false;
  let lastKeyId: string | undefined;
  let lastQueue: Queue | undefined;
  /** MAC a queue's waiting tokens and settle their batch: the mask of valid lanes. */
  const run = (queue: Queue): number => {
    const found = lanes!.matches(queue.handle, queue.data, queue.signatures, queue.waiting);
    queue.settle?.(found);
    queue.waiting = 0;
    queue.batch = queue.settle = undefined;
    return found;
  };
  const flush = (): void => {
    scheduled = false;
    for (const queue of queues.values()) if (queue.waiting > 0) run(queue);
  };
  return {
    verify(alg, key, data, signature) {
      if (!lanes || alg !== 'HS256' || key.kind !== 'secret' || signature.length !== 32 || !lanes.fits(data.length))
        return undefined;
      const keyId = key.id;
      // Bulk runs verify token after token under one key: the last queue, without a lookup.
      let queue = keyId === lastKeyId ? lastQueue : queues.get(keyId);
      if (!queue) {
        queue = { handle: lanes.addKey(key.secret), data: [], signatures: [], waiting: 0 };
        queues.set(keyId, queue);
      }
      lastKeyId = keyId;
      lastQueue = queue;
      const lane = queue.waiting++;
      queue.data[lane] = data;
      queue.signatures[lane] = signature;
      if (lane === LANES - 1) return settledVerdict(LANE_VERDICT[lane]!(run(queue)));
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
      const batch = (queue.batch ??= new Promise<number>((settle) => (queue.settle = settle)));
      return batch.then(LANE_VERDICT[lane]);
    },
  };
}
