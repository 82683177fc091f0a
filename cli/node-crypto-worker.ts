import type { KeyObject } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import type { SearchedFileReply, VerifiedReply, VerifyRequest, WorkerRequest } from './node-crypto-messages';
import { nodeKeyOf, verifyWithNode } from './node-crypto-verifier';
import { searchWordlistSlice } from './node-crypto-wordlist-slice';

/**
 * Entry point of a crypto worker (dist/cli/node-crypto-worker.cjs, started by cli/node-crypto-pool.ts): raw crypto
 * work only, on the messages of cli/node-crypto-messages.ts: verify packed batches of signatures with the keys the
 * pool registered (public keys: the pool checks HMACs in its own thread), and search byte ranges of a wordlist for
 * HMAC secrets. Verification is the CLI's own verifyWithNode, so a signature gets the same answer here as in the main
 * thread.
 */

/** Imported keys by the pool's index; null when the key could not be imported (it then verifies nothing). */
const keys: (KeyObject | Buffer | null)[] = [];

/** One byte per signature of the batch: 1 valid, 0 not. */
function verifyBatch({ algs, meta, buffer }: VerifyRequest): Uint8Array<ArrayBuffer> {
  const count = meta.length / 6;
  const results = new Uint8Array(count);
  for (let i = 0, o = 0; i < count; i++, o += 6) {
    const key = keys[meta[o + 1]!];
    if (!key) continue;
    const data = buffer.subarray(meta[o + 2]!, meta[o + 2]! + meta[o + 3]!);
    const signature = buffer.subarray(meta[o + 4]!, meta[o + 4]! + meta[o + 5]!);
    results[i] = verifyWithNode(algs[meta[o]!]!, key, data, signature) ? 1 : 0;
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
          keys[entry.index] = nodeKeyOf(entry);
        } catch {
          keys[entry.index] = null;
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
