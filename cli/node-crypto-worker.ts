import type { KeyObject } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { hmac256Key, hmac256Matches, type Hmac256Key } from './node-crypto-hmac256';
import type { SearchedFileReply, VerifiedReply, VerifyRequest, WorkerRequest } from './node-crypto-messages';
import { nodeKeyOf, verifyWithNode } from './node-crypto-verifier';
import { searchWordlistSlice } from './node-crypto-wordlist-slice';

/**
 * Entry point of a crypto worker (dist/cli/node-crypto-worker.cjs, started by cli/node-crypto-pool.ts): raw crypto
 * work only, on the messages of cli/node-crypto-messages.ts: verify packed batches of signatures with the keys the
 * pool registered, and search byte ranges of a wordlist for HMAC secrets. Verification is the CLI's own
 * verifyWithNode and its HMAC with precomputed pad states, so a signature gets the same answer here as in the main
 * thread.
 */

/** Imported keys by the pool's index; null when the key could not be imported (it then verifies nothing). */
const keys: (KeyObject | Buffer | null)[] = [];
/**
 * The pad states of each secret, by the same index: HS256 is most of a bulk run and the cheapest signature to
 * check, so its batches go straight to the precomputed HMAC without verifyWithNode's per-call lookups.
 */
const hmac256Keys: (Hmac256Key | undefined)[] = [];

/** One byte per signature of the batch: 1 valid, 0 not. */
function verifyBatch({ algs, meta, buffer }: VerifyRequest): Uint8Array<ArrayBuffer> {
  const count = meta.length / 6;
  const results = new Uint8Array(count);
  for (let i = 0, o = 0; i < count; i++, o += 6) {
    const key = keys[meta[o + 1]!];
    if (!key) continue;
    const data = buffer.subarray(meta[o + 2]!, meta[o + 2]! + meta[o + 3]!);
    const signature = buffer.subarray(meta[o + 4]!, meta[o + 4]! + meta[o + 5]!);
    const alg = algs[meta[o]!]!;
    const hmac256 = alg === 'HS256' ? hmac256Keys[meta[o + 1]!] : undefined;
    results[i] = (hmac256 ? hmac256Matches(hmac256, data, signature) : verifyWithNode(alg, key, data, signature))
      ? 1
      : 0;
  }
  return results;
}

const port = parentPort;
if (!port) throw new Error('node-crypto-worker runs as a worker thread of the tokentrail CLI, not on its own.');
port.on('message', (request: WorkerRequest) => {
  switch (request.type) {
    case 'keys':
      for (const entry of request.keys) {
        try {
          const key = nodeKeyOf(entry);
          keys[entry.index] = key;
          hmac256Keys[entry.index] = entry.kind === 'secret' ? hmac256Key(key as Buffer) : undefined;
        } catch {
          keys[entry.index] = null;
          hmac256Keys[entry.index] = undefined;
        }
      }
      return;
    case 'verify': {
      const results = verifyBatch(request);
      port.postMessage({ type: 'verified', id: request.id, results } satisfies VerifiedReply, [results.buffer]);
      return;
    }
    case 'searchFile': {
      let reply: SearchedFileReply;
      try {
        reply = { type: 'searchedFile', id: request.id, ...searchWordlistSlice(request) };
      } catch (error) {
        reply = { type: 'searchedFile', id: request.id, error: String((error as Error)?.message ?? error) };
      }
      port.postMessage(reply);
    }
  }
});
