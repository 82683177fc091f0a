// Reads a whole file into one buffer. Only geolocation databases are read this way: an MMDB is searched at random
// offsets for every lookup and is stored in IndexedDB as one value, whereas evidence is always streamed.
import type { SequentialInput } from '../../core/evidence';

/**
 * The file's bytes, in a buffer of exactly `file.size` that owns its ArrayBuffer (so it can be transferred to a
 * worker). `onProgress` gets the bytes read so far after each chunk. A file that yields more or fewer bytes than
 * its size (changed or truncated since it was listed) is an error naming it: half a database must never be
 * hashed and recorded as if it were the file.
 */
export async function readWholeFile(
  file: SequentialInput,
  onProgress: (bytesRead: number) => void = () => {},
): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  let offset = 0;
  for await (const chunk of file.chunks()) {
    if (offset + chunk.length > bytes.length)
      throw new Error(`${file.path} grew while it was being read (expected ${file.size} bytes); load it again.`);
    bytes.set(chunk, offset);
    offset += chunk.length;
    onProgress(offset);
  }
  if (offset !== bytes.length)
    throw new Error(`${file.path} ended after ${offset} of ${file.size} bytes; load it again.`);
  return bytes;
}
