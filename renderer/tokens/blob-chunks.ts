// A Blob (a wordlist File the investigator picked) read as a stream of byte chunks: only one chunk is in memory
// at a time, whatever the file's size. Slices rather than Blob.stream() so the chunk size is ours to choose:
// small enough that a cancel is noticed within a fraction of a second of guessing.

/** Chunks of at most `chunkBytes`; `onRead` is told the running byte count. */
export async function* blobChunks(
  blob: Blob,
  chunkBytes: number,
  onRead?: (bytesRead: number) => void,
): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < blob.size; offset += chunkBytes) {
    const chunk = new Uint8Array(await blob.slice(offset, offset + chunkBytes).arrayBuffer());
    onRead?.(offset + chunk.length);
    yield chunk;
  }
}
