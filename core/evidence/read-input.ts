import { CancelledError } from './errors';
import { createSha256 } from './sha256';
import type { EvidenceFileContent, OperationOptions, RandomAccessInput, SequentialInput } from './types';

/**
 * Read a file as a stream, hashing as it goes, and keep its bytes unchanged for storage.
 * `onRead` receives byte counts so a caller can report progress over many files.
 */
export async function readSequential(
  input: SequentialInput,
  options: OperationOptions,
  onRead: (bytes: number) => void,
): Promise<EvidenceFileContent> {
  const hash = createSha256();
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of input.chunks()) {
    if (options.signal?.aborted) throw new CancelledError();
    hash.update(chunk);
    parts.push(chunk);
    length += chunk.length;
    onRead(chunk.length);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { path: input.path, bytes, sha256: hash.digestHex() };
}

/** SHA-256 of a random-access file (a zip as a whole), read in 4 MiB steps. */
export async function hashRandomAccess(input: RandomAccessInput, options: OperationOptions): Promise<string> {
  const hash = createSha256();
  const step = 4 * 1024 * 1024;
  for (let offset = 0; offset < input.size; offset += step) {
    if (options.signal?.aborted) throw new CancelledError();
    hash.update(await input.read(offset, Math.min(step, input.size - offset)));
    options.onProgress?.({
      phase: `Hashing ${input.name}`,
      done: Math.min(input.size, offset + step),
      total: input.size,
    });
  }
  return hash.digestHex();
}
