import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { JwsAlgorithm, SecretMatch, SecretSearcher, SecretTarget, SignatureVerifier, VerificationKey } from '../core/token';
import { WORKER_SOURCE } from './node-crypto-worker-source';

/**
 * A pool of worker_threads doing node:crypto work for the CLI: bulk signature verification (keys imported once per
 * worker, requests packed into batches, many batches in flight) and HMAC secret search over a wordlist streamed from
 * disk (memory bounded by the read chunk and the batches in flight, whatever the list's size).
 */

/** The pool: a SignatureVerifier, a wordlist searcher factory, and close(). */
export interface CryptoPool extends SignatureVerifier {
  readonly size: number;
  /** A SecretSearcher over a wordlist file. */
  wordlistSearcher(file: string, onProgress?: (tried: number) => void): SecretSearcher;
  close(): Promise<void>;
}

const ALGS: readonly JwsAlgorithm[] = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const BATCH = 256;
const WORDS_PER_BATCH = 8192;
const CHUNK_BYTES = 1 << 20;

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
  const callbacks = new Map<number, (message: { results?: Uint8Array; matches?: [number, number][] }) => void>();
  let nextId = 1;
  let failure: Error | undefined;
  for (let i = 0; i < size; i++) {
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    const entry: PoolWorker = { worker, inFlight: 0 };
    worker.on('message', (message: { id: number }) => {
      entry.inFlight--;
      const callback = callbacks.get(message.id);
      callbacks.delete(message.id);
      callback?.(message as never);
    });
    worker.on('error', (error) => {
      failure = error;
      for (const callback of callbacks.values()) callback({});
      callbacks.clear();
    });
    workers.push(entry);
  }
  const idle = (): PoolWorker => workers.reduce((best, worker) => (worker.inFlight < best.inFlight ? worker : best));
  const post = <T>(message: Record<string, unknown>, transfer: ArrayBuffer[]): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    const target = idle();
    target.inFlight++;
    return new Promise<T>((resolve, reject) => {
      callbacks.set(id, (reply) => (failure ? reject(failure) : resolve(reply as T)));
      target.worker.postMessage({ ...message, id }, transfer);
    });
  };

  const keyIndex = new Map<string, number>();
  const registerKey = (key: VerificationKey): number => {
    let index = keyIndex.get(key.id);
    if (index !== undefined) return index;
    index = keyIndex.size;
    keyIndex.set(key.id, index);
    const entry = key.kind === 'secret' ? { index, kind: 'secret', secret: key.secret } : { index, kind: 'public', jwk: key.jwk };
    for (const { worker } of workers) worker.postMessage({ type: 'keys', keys: [entry] });
    return index;
  };

  let pending: Pending[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    while (pending.length > 0) {
      const batch = pending.splice(0, BATCH);
      const total = batch.reduce((sum, item) => sum + item.data.length + item.signature.length, 0);
      const buffer = new Uint8Array(total);
      const meta = new Int32Array(batch.length * 6);
      let at = 0;
      batch.forEach((item, i) => {
        meta.set([item.alg, item.key, at, item.data.length, at + item.data.length, item.signature.length], i * 6);
        buffer.set(item.data, at);
        buffer.set(item.signature, at + item.data.length);
        at += item.data.length + item.signature.length;
      });
      post<{ results?: Uint8Array }>({ type: 'verify', algs: ALGS, meta, buffer }, [buffer.buffer, meta.buffer]).then(
        ({ results }) => batch.forEach((item, i) => item.resolve(results?.[i] === 1)),
        () => batch.forEach((item) => item.resolve(false)),
      );
    }
  };

  return {
    size,
    verify(alg, key, data, signature) {
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
      return { search: (targets, options) => searchWordlist(file, targets, post, size, options?.signal, onProgress ?? options?.onProgress) };
    },
    async close() {
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
      pending = [];
    },
  };
}

type Post = <T>(message: Record<string, unknown>, transfer: ArrayBuffer[]) => Promise<T>;

/** Stream a wordlist file through the workers; stops early once every target is found or on cancel. */
async function searchWordlist(file: string, targets: readonly SecretTarget[], post: Post, workers: number, signal?: { aborted: boolean }, onProgress?: (tried: number) => void): Promise<SecretMatch[]> {
  const found = new Map<string, SecretMatch>();
  const wire = targets.map((target) => ({ alg: target.alg, input: target.signingInput, signature: target.signature }));
  const inFlight = new Set<Promise<void>>();
  let tried = 0;
  let line = 1;
  let carry = new Uint8Array(0);
  const dispatch = (words: Uint8Array, offsets: number[], firstLine: number): Promise<void> => {
    const offsetArray = Int32Array.from(offsets);
    const task = post<{ matches?: [number, number][] }>({ type: 'search', targets: wire, words, offsets: offsetArray }, [offsetArray.buffer]).then(({ matches }) => {
      tried += offsets.length / 2;
      onProgress?.(tried);
      for (const [target, word] of matches ?? []) {
        const start = offsets[word * 2]!;
        const id = targets[target]!.id;
        const candidate: SecretMatch = { targetId: id, secret: words.slice(start, offsets[word * 2 + 1]!), line: firstLine + word, source: file };
        const previous = found.get(id);
        if (!previous || previous.line > candidate.line) found.set(id, candidate);
      }
    });
    const tracked = task.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    return tracked;
  };
  const stream = createReadStream(file, { highWaterMark: CHUNK_BYTES });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal?.aborted || found.size === targets.length) break;
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const lastNewline = bytes.lastIndexOf(10);
      if (lastNewline < 0) {
        carry = bytes.length > 4096 ? new Uint8Array(0) : Uint8Array.from(bytes); // a "line" this long is not a secret
        continue;
      }
      carry = Uint8Array.from(bytes.subarray(lastNewline + 1));
      let start = 0;
      while (start <= lastNewline) {
        // One batch: up to WORDS_PER_BATCH lines, copied into their own buffer so it can be transferred.
        const offsets: number[] = [];
        let at = start;
        const firstLine = line;
        while (at <= lastNewline && offsets.length < WORDS_PER_BATCH * 2) {
          const newline = bytes.indexOf(10, at);
          const end = newline > at && bytes[newline - 1] === 13 ? newline - 1 : newline;
          offsets.push(at - start, end - start);
          at = newline + 1;
          line++;
        }
        const words = Uint8Array.from(bytes.subarray(start, at));
        start = at;
        dispatch(words, offsets, firstLine);
        // Bound memory: at most two batches per worker in flight.
        while (inFlight.size >= workers * 2) await Promise.race(inFlight);
      }
    }
    if (carry.length > 0 && !signal?.aborted && found.size < targets.length) dispatch(Uint8Array.from(carry), [0, carry.length], line);
    await Promise.all(inFlight);
  } finally {
    stream.destroy();
  }
  return [...found.values()];
}
