import { Gunzip } from 'fflate';
import type { SequentialInput } from './types';

/**
 * Rotated logs usually arrive gzip-compressed (access.log.2.gz). Such an input is inflated as it streams, in every
 * host (CLI and app alike), so a multi-GB log is never inflated in memory. The evidence stays the compressed file:
 * its SHA-256 is the .gz file's, and line numbers count the lines inside it.
 */

/**
 * Compressed bytes handed to the inflater at a time. Deflate expands at most about 1032:1, so one slice can never
 * yield more than ~16 MiB, however hostile the file (a gzip bomb streams out in bounded pieces).
 */
const SLICE_BYTES = 16 * 1024;

/** True when these first bytes start a gzip member (RFC 1952 §2.3.1: ID1 0x1f, ID2 0x8b, CM 8 = deflate). */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 8;
}

/** The inflated content of a gzip input, streamed. A corrupt or truncated file throws, naming the problem. */
export function gunzipInput(input: SequentialInput): SequentialInput {
  return {
    path: input.path,
    // The compressed size: gzip cannot tell the inflated size before the end (its ISIZE trailer is modulo 2^32).
    size: input.size,
    async *chunks() {
      const inflated: Uint8Array[] = [];
      const gunzip = new Gunzip((data) => inflated.push(data));
      const push = (slice: Uint8Array, final: boolean): void => {
        try {
          gunzip.push(slice, final);
        } catch (error) {
          throw new Error(`${input.path} is not readable gzip (${(error as Error).message})`);
        }
      };
      for await (const chunk of input.chunks()) {
        for (let at = 0; at < chunk.length; at += SLICE_BYTES) {
          push(chunk.subarray(at, at + SLICE_BYTES), false);
          while (inflated.length > 0) yield inflated.shift()!;
        }
      }
      push(new Uint8Array(0), true);
      while (inflated.length > 0) yield inflated.shift()!;
    },
  };
}
