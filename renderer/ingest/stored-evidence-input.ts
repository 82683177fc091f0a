// Core's SequentialInput over evidence bytes as the store keeps them. The import flow stores a Uint8Array per
// file; a Blob (what a later schema may store, so big files stay on disk) is read the same way. Either way the
// parser gets 4 MiB slices and decodes them itself: the file is never turned into one giant string.
import { gunzipInput, isGzip } from '../../core/evidence';
import type { SequentialInput } from '../../core/evidence';

const CHUNK_BYTES = 4 * 1024 * 1024;

/** What the parsers read of stored evidence: its content, inflated as it streams when the file is gzip. */
export async function storedEvidenceContent(path: string, stored: Uint8Array | Blob): Promise<SequentialInput> {
  const head =
    stored instanceof Uint8Array ? stored.subarray(0, 3) : new Uint8Array(await stored.slice(0, 3).arrayBuffer());
  const input = storedEvidenceInput(path, stored);
  return isGzip(head) ? gunzipInput(input) : input;
}

/** A SequentialInput over stored bytes (Uint8Array or Blob). */
export function storedEvidenceInput(path: string, stored: Uint8Array | Blob): SequentialInput {
  if (stored instanceof Uint8Array) {
    return {
      path,
      size: stored.length,
      async *chunks() {
        for (let offset = 0; offset < stored.length; offset += CHUNK_BYTES)
          yield stored.subarray(offset, offset + CHUNK_BYTES);
      },
    };
  }
  return {
    path,
    size: stored.size,
    async *chunks() {
      for (let offset = 0; offset < stored.size; offset += CHUNK_BYTES) {
        yield new Uint8Array(await stored.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
      }
    },
  };
}
