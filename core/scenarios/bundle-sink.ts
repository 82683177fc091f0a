import { concat } from '../archive/zip-writer';
import { createSha256, type Sha256Factory, type Sha256Stream } from '../evidence';

/**
 * Where a generated bundle goes, a piece at a time: `write` appends bytes to the file at `path` (creating it on the
 * first write). A folder on disk in the CLI, memory in the app and the tests.
 */
export interface BundleSink {
  write(path: string, bytes: Uint8Array): void;
}

/** Encodes the text written to each file, hashes and counts it on the way, and hands the bytes to the sink. */
export class HashingBundleWriter {
  private readonly files = new Map<string, { readonly hash: Sha256Stream; size: number }>();
  private readonly encoder = new TextEncoder();

  constructor(
    private readonly sink: BundleSink,
    private readonly sha256: Sha256Factory = createSha256,
  ) {}

  /** Append `text` (UTF-8) to the file at `path`. */
  write(path: string, text: string): void {
    const bytes = this.encoder.encode(text);
    let file = this.files.get(path);
    if (!file) {
      file = { hash: this.sha256(), size: 0 };
      this.files.set(path, file);
    }
    file.hash.update(bytes);
    file.size += bytes.length;
    this.sink.write(path, bytes);
  }

  /** Size and SHA-256 of a file once it is complete (its stream cannot be written to afterwards). */
  digest(path: string): { size: number; sha256: string } {
    const file = this.files.get(path);
    if (!file) return { size: 0, sha256: this.sha256().digestHex() };
    return { size: file.size, sha256: file.hash.digestHex() };
  }
}

/** A sink keeping every file in memory, and the files assembled in the order asked for. */
export function memorySink(): BundleSink & { bytesOf(path: string): Uint8Array } {
  const chunks = new Map<string, Uint8Array[]>();
  return {
    write(path, bytes) {
      const list = chunks.get(path) ?? [];
      list.push(bytes);
      chunks.set(path, list);
    },
    bytesOf(path) {
      const list = chunks.get(path) ?? [];
      return concat(
        list,
        list.reduce((total, chunk) => total + chunk.length, 0),
      );
    },
  };
}
