import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type {
  JwsAlgorithm,
  SecretMatch,
  SecretSearcher,
  SecretTarget,
  SignatureVerifier,
  VerificationKey,
} from '../core/token';
import type {
  KeysRequest,
  SearchedFileReply,
  SearchFileRequest,
  VerifiedReply,
  VerifyRequest,
  WireTarget,
  WorkerKey,
  WorkerReply,
} from './node-crypto-messages';
import { cryptoWorkerScript } from './node-crypto-worker-file';
import { createHmac256Batches, settledVerdict } from './node-crypto-hmac256-batches';
import { createNodeVerifier } from './node-crypto-verifier';

/**
 * A pool of worker_threads doing node:crypto work for the CLI: bulk signature verification (HMACs in the calling
 * thread, where they cost less than the trip to a worker, HS256 four tokens at a time in SIMD lanes; public keys
 * imported once per worker, requests packed into batches, many batches in flight) and HMAC secret search over a
 * wordlist that the workers read from disk themselves with a small fixed buffer (memory does not grow with the list's
 * size). The workers run cli/node-crypto-worker.ts (see cli/node-crypto-worker-file.ts for how they are started).
 */

/** The pool: a SignatureVerifier, a wordlist searcher factory, and close(). */
export interface CryptoPool extends SignatureVerifier {
  readonly size: number;
  /** A SecretSearcher over a wordlist file. */
  wordlistSearcher(file: string, onProgress?: (tried: number) => void): SecretSearcher;
  close(): Promise<void>;
}

const ALGS: readonly JwsAlgorithm[] = [
  'HS256',
  'HS384',
  'HS512',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
];
const BATCH = 256;
/** Byte range of a wordlist one worker searches at a time. */
const MIN_SLICE_BYTES = 1 << 18;
const MAX_SLICE_BYTES = 1 << 22;

interface Pending {
  alg: number;
  key: number;
  data: Uint8Array;
  signature: Uint8Array;
  resolve(ok: boolean): void;
}

interface PoolWorker {
  readonly worker: Worker;
  inFlight: number;
}

/** Start `size` workers (default: one per core). Workers are unref'd, so they never keep the process alive. */
export function createCryptoPool(size = Math.max(1, availableParallelism())): CryptoPool {
  const workers: PoolWorker[] = [];
  /** Reply handlers by request id; called without a reply when a worker failed. */
  const callbacks = new Map<number, (reply?: WorkerReply) => void>();
  let nextId = 1;
  let failure: Error | undefined;
  const { script, options } = cryptoWorkerScript();
  for (let i = 0; i < size; i++) {
    const worker = new Worker(script, options);
    worker.unref();
    const entry: PoolWorker = { worker, inFlight: 0 };
    worker.on('message', (reply: WorkerReply) => {
      entry.inFlight--;
      const callback = callbacks.get(reply.id);
      callbacks.delete(reply.id);
      callback?.(reply);
    });
    worker.on('error', (error) => {
      failure = error;
      for (const callback of callbacks.values()) callback();
      callbacks.clear();
    });
    workers.push(entry);
  }
  const idle = (): PoolWorker => workers.reduce((best, worker) => (worker.inFlight < best.inFlight ? worker : best));
  const post = ((
    request: Omit<VerifyRequest | SearchFileRequest, 'id'>,
    transfer: ArrayBuffer[],
  ): Promise<WorkerReply> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    const target = idle();
    target.inFlight++;
    return new Promise<WorkerReply>((resolve, reject) => {
      callbacks.set(id, (reply) => (failure || !reply ? reject(failure) : resolve(reply)));
      target.worker.postMessage({ ...request, id }, transfer);
    });
  }) as Post;

  const keyIndex = new Map<string, number>();
  const registerKey = (key: VerificationKey): number => {
    let index = keyIndex.get(key.id);
    if (index !== undefined) return index;
    index = keyIndex.size;
    keyIndex.set(key.id, index);
    const entry: WorkerKey =
      key.kind === 'secret' ? { index, kind: 'secret', secret: key.secret } : { index, kind: 'public', jwk: key.jwk };
    for (const { worker } of workers) worker.postMessage({ type: 'keys', keys: [entry] } satisfies KeysRequest);
    return index;
  };

  // HMAC stays in the calling thread: a token's trip to a worker and back costs this thread about 1.5 µs (measured
  // with workers that verify nothing), as much as the MAC itself under a prepared key (docs/benchmarks.md). The
  // in-thread verifier keeps each key imported and, for HS256, its pad states compressed; HS256 tokens that fit the
  // SIMD lanes are verified four at a time there.
  const inThread = createNodeVerifier();
  const hs256Batches = createHmac256Batches();
  let pending: Pending[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    while (pending.length > 0) {
      const batch = pending.splice(0, BATCH);
      let total = 0;
      for (const item of batch) total += item.data.length + item.signature.length;
      const buffer = new Uint8Array(total);
      const meta = new Int32Array(batch.length * 6);
      let at = 0;
      for (let i = 0, o = 0; i < batch.length; i++, o += 6) {
        // plain stores: this runs once per token
        const { data, signature } = batch[i]!;
        meta[o] = batch[i]!.alg;
        meta[o + 1] = batch[i]!.key;
        meta[o + 2] = at;
        meta[o + 3] = data.length;
        meta[o + 4] = at + data.length;
        meta[o + 5] = signature.length;
        buffer.set(data, at);
        buffer.set(signature, at + data.length);
        at += data.length + signature.length;
      }
      post({ type: 'verify', algs: ALGS, meta, buffer }, [buffer.buffer, meta.buffer]).then(
        ({ results }) => {
          for (let i = 0; i < batch.length; i++) batch[i]!.resolve(results[i] === 1);
        },
        () => {
          for (const item of batch) item.resolve(false);
        },
      );
    }
  };

  return {
    size,
    verify(alg, key, data, signature) {
      if (key.kind === 'secret')
        return (
          hs256Batches.verify(alg, key, data, signature) ??
          settledVerdict(inThread.verifySync!(alg, key, data, signature))
        );
      return new Promise<boolean>((resolve) => {
        pending.push({ alg: ALGS.indexOf(alg), key: registerKey(key), data, signature, resolve });
        if (pending.length >= BATCH) flush();
        else if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
    wordlistSearcher(file, onProgress) {
      return {
        search: (targets, options) =>
          searchWordlist(file, targets, post, size, options?.signal, onProgress ?? options?.onProgress),
      };
    },
    async close() {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
      pending = [];
    },
  };
}

/** Send a request to the least busy worker; resolves with its reply, rejects when a worker failed. */
interface Post {
  (request: Omit<VerifyRequest, 'id'>, transfer: ArrayBuffer[]): Promise<VerifiedReply>;
  (request: Omit<SearchFileRequest, 'id'>, transfer: ArrayBuffer[]): Promise<SearchedFileReply>;
}

/**
 * Search a wordlist file with every worker: the file is cut into byte ranges that the workers read themselves with a
 * small fixed buffer (memory does not grow with the list), one range per worker at a time. Lines are numbered from
 * the newline counts of the ranges before a match; for each target the earliest line wins. Stops early once every
 * target is found (a range past the earliest match of every target is not read), or on cancel.
 */
async function searchWordlist(
  file: string,
  targets: readonly SecretTarget[],
  post: Post,
  workers: number,
  signal?: { aborted: boolean },
  onProgress?: (tried: number) => void,
): Promise<SecretMatch[]> {
  const size = statSync(file).size;
  const sliceBytes = Math.min(MAX_SLICE_BYTES, Math.max(MIN_SLICE_BYTES, Math.ceil(size / (workers * 8))));
  const slices = Math.max(1, Math.ceil(size / sliceBytes));
  const shared = new Int32Array(new SharedArrayBuffer(4 * (2 + targets.length)));
  for (let t = 0; t < targets.length; t++) shared[2 + t] = 0x7fffffff;
  const wire = targets.map((target): WireTarget => ({
    alg: target.alg,
    input: target.signingInput,
    signature: target.signature,
  }));
  const newlines: (number | undefined)[] = new Array<number | undefined>(slices);
  const complete: boolean[] = new Array<boolean>(slices).fill(false);
  const hits: { slice: number; target: number; before: number; secret: Uint8Array }[] = [];
  const settledBefore = (slice: number): boolean => targets.every((_, t) => shared[2 + t]! < slice);
  const poll = setInterval(() => {
    if (signal?.aborted) Atomics.store(shared, 0, 1);
  }, 50);
  poll.unref();
  try {
    let next = 0;
    let failure: unknown;
    const runner = async (): Promise<void> => {
      while (next < slices && !failure) {
        if (signal?.aborted) {
          Atomics.store(shared, 0, 1);
          return;
        }
        if (settledBefore(next)) return;
        const slice = next++;
        const reply = await post(
          {
            type: 'searchFile',
            file,
            slice,
            start: slice * sliceBytes,
            end: Math.min(size, (slice + 1) * sliceBytes),
            targets: wire,
            shared,
          },
          [],
        );
        if ('error' in reply) throw new Error(reply.error);
        newlines[slice] = reply.newlines;
        complete[slice] = reply.complete;
        for (const [target, before, secret] of reply.matches) hits.push({ slice, target, before, secret });
        onProgress?.(Atomics.load(shared, 1));
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(workers, slices) }, () =>
        runner().catch((error: unknown) => void (failure = error)),
      ),
    );
    if (failure) throw failure;
  } finally {
    clearInterval(poll);
  }
  // The earliest hit of each target, numbered only when every range before it was read to its end.
  const found = new Map<string, SecretMatch>();
  hits.sort((a, b) => a.slice - b.slice || a.before - b.before);
  const prefix: number[] = [0];
  for (let slice = 0; slice < slices; slice++)
    prefix.push(complete[slice] ? prefix[slice]! + newlines[slice]! : Number.NaN);
  for (const hit of hits) {
    const id = targets[hit.target]!.id;
    const before = prefix[hit.slice]!;
    if (found.has(id) || Number.isNaN(before)) continue;
    found.set(id, { targetId: id, secret: hit.secret, line: 1 + before + hit.before, source: file });
  }
  return [...found.values()];
}
