import { CancelledError } from './errors';
import { createDigester, digestOfBytes, type FileDigest } from './file-digest';
import type { EvidenceFileContent, OperationOptions, RandomAccessInput, SequentialInput, ZipLimits } from './types';
import { eachEntry, entryChunks } from './zip/read-zip';

/**
 * The files of a bundle as verification sees them: a digest of each, and a way to stream any of them again. The
 * same verification runs over files held in memory (the app stores them) and over files streamed from disk or
 * from a zip (the CLI, whose memory must not grow with the evidence).
 */
export interface BundleFiles {
  readonly digests: readonly FileDigest[];
  /** The bytes of the file at `path` (as found), read again from its source. */
  open(path: string): SequentialInput;
}

/** Chunks of at most 1 MiB over bytes in memory. */
export function bytesInput(path: string, bytes: Uint8Array): SequentialInput {
  return {
    path,
    size: bytes.length,
    async *chunks() {
      for (let at = 0; at < bytes.length; at += 1024 * 1024) yield bytes.subarray(at, at + 1024 * 1024);
    },
  };
}

/** Files already read whole (hashed as they were read). */
export function filesInMemory(contents: readonly EvidenceFileContent[]): BundleFiles {
  const byPath = new Map(contents.map((content) => [content.path, content]));
  return {
    digests: contents.map((content) => digestOfBytes(content.path, content.bytes, content.sha256)),
    open: (path) => bytesInput(path, byPath.get(path)?.bytes ?? new Uint8Array(0)),
  };
}

/**
 * Every entry of a zip, inflated as a stream and hashed as it inflates; nothing is kept but the digests. The
 * archive is refused whole (EvidenceError) on any rule of entry-policy.ts, as {@link readZip} refuses it.
 */
export async function digestZip(
  zip: RandomAccessInput,
  limits: ZipLimits,
  options: OperationOptions,
): Promise<BundleFiles> {
  const digests: FileDigest[] = [];
  const opened = await eachEntry(zip, limits, options, async (entry, chunks) => {
    const digester = createDigester(entry.name);
    for await (const chunk of chunks) digester.update(chunk);
    digests.push(digester.finish());
  });
  const byName = new Map(opened.entries.map((entry) => [entry.name, entry]));
  return {
    digests,
    open(path) {
      const entry = byName.get(path);
      return {
        path,
        size: entry?.record.uncompressedSize ?? 0,
        chunks: () =>
          entry ? entryChunks(opened.input, entry, options) : bytesInput(path, new Uint8Array(0)).chunks(),
      };
    },
  };
}

/** Files read as streams (a folder, loose files), hashed as they stream; nothing is kept but the digests. */
export async function digestSequential(
  files: readonly SequentialInput[],
  options: OperationOptions,
): Promise<BundleFiles> {
  const total = files.reduce((sum, file) => sum + file.size, 0);
  let done = 0;
  const digests: FileDigest[] = [];
  for (const file of files) {
    const digester = createDigester(file.path);
    for await (const chunk of file.chunks()) {
      if (options.signal?.aborted) throw new CancelledError();
      digester.update(chunk);
      done += chunk.length;
      options.onProgress?.({ phase: `Hashing ${file.path}`, done, total });
    }
    digests.push(digester.finish());
  }
  const byPath = new Map(files.map((file) => [file.path, file]));
  return { digests, open: (path) => byPath.get(path) ?? bytesInput(path, new Uint8Array(0)) };
}
