import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { SequentialInput } from '../core';

/**
 * Rotated logs usually arrive gzip-compressed (access.log.2.gz). A gzip member starts with the bytes 1f 8b
 * (RFC 1952 §2.3.1); such an input is decompressed as it streams, so a multi-GB log is never inflated in memory.
 * The evidence stays the compressed file: its SHA-256 is the .gz file's, and line numbers count the lines inside.
 */

/** True when these first bytes of a file start a gzip member (RFC 1952: ID1 0x1f, ID2 0x8b, CM 8 = deflate). */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 8;
}

/** The decompressed content of a gzip input, streamed. A corrupt or truncated member rejects with zlib's reason. */
export function gunzipped(input: SequentialInput): SequentialInput {
  return {
    path: input.path,
    // The compressed size: gzip cannot tell the inflated size before the end (its ISIZE trailer is modulo 2^32).
    size: input.size,
    async *chunks() {
      const inflated = Readable.from(input.chunks()).pipe(createGunzip());
      for await (const chunk of inflated as AsyncIterable<Buffer>) yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    },
  };
}
