import { Deflate } from 'fflate';
import { CancelledError } from '../evidence/errors';
import { createSha256, type Sha256Factory, type Sha256Stream } from '../evidence/sha256';
import type { AbortSignal } from '../evidence/types';
import { updateCrc32 } from '../evidence/zip/crc32';
import { centralDirectory, dataDescriptor, localHeader, MAX_ZIP_OFFSET, type ZipEntryFacts } from './zip-layout';
import type { ArchiveByteSink, ArchiveEntry } from './types';

/** Input is deflated this many bytes at a time, so one push never produces more than a bounded amount of output. */
const DEFLATE_STEP = 256 * 1024;
/** Compressed output is handed to the sink in pieces of about this size (fewer, larger writes). */
const FLUSH_BYTES = 1024 * 1024;

/** Level 1: most of deflate's gain on NDJSON at a fraction of level 6's time (docs/benchmarks.md). */
const DEFLATE_LEVEL = 1;

const encoder = new TextEncoder();

/**
 * Writes a zip of the layout of zip-layout.ts to a sink, one entry at a time, streaming: each entry's content is
 * deflated as it comes and handed on once about a megabyte is ready, and the writer waits for the sink, so memory
 * stays bounded whatever the archive's size. Records each entry's size and SHA-256, and hashes every byte it writes
 * until {@link ArchiveZipWriter.finish} (the archive's body).
 */
export class ArchiveZipWriter {
  private offset = 0;
  private readonly written: ZipEntryFacts[] = [];
  private readonly body: Sha256Stream;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** Set once the body's hash is taken: the manifest, directory and end record are not part of the body. */
  private bodyDone = false;

  constructor(
    private readonly sink: ArchiveByteSink,
    private readonly signal?: AbortSignal,
    private readonly sha256: Sha256Factory = createSha256,
  ) {
    this.body = sha256();
  }

  /** Bytes written so far. */
  get size(): number {
    return this.offset;
  }

  /** Write one deflated entry from its content's chunks; returns its manifest line. */
  async entry(name: string, chunks: AsyncIterable<Uint8Array>): Promise<ArchiveEntry> {
    const nameBytes = encoder.encode(name);
    const localHeaderOffset = this.offset;
    await this.emit(localHeader({ nameBytes, method: 8, crc32: 0, compressedSize: 0, uncompressedSize: 0 }));
    const hash = this.sha256();
    let crc32 = 0;
    let uncompressedSize = 0;
    let compressedSize = 0;
    const deflate = new Deflate({ level: DEFLATE_LEVEL }, (chunk) => {
      compressedSize += chunk.length;
      this.queue(chunk);
    });
    for await (const chunk of chunks) {
      for (let at = 0; at < chunk.length; at += DEFLATE_STEP) {
        if (this.signal?.aborted) throw new CancelledError();
        const piece = chunk.subarray(at, at + DEFLATE_STEP);
        hash.update(piece);
        crc32 = updateCrc32(crc32, piece);
        uncompressedSize += piece.length;
        deflate.push(piece);
        if (this.pendingBytes >= FLUSH_BYTES) await this.flush();
      }
    }
    deflate.push(new Uint8Array(0), true);
    await this.flush();
    const facts = { nameBytes, method: 8 as const, crc32, compressedSize, uncompressedSize, localHeaderOffset };
    await this.emit(dataDescriptor(facts));
    this.written.push(facts);
    return { name, size: uncompressedSize, sha256: hash.digestHex() };
  }

  /**
   * Write the last entry stored (not deflated) from bytes in memory, then the central directory and end record.
   * Returns the size and SHA-256 of the body (every byte before this entry) and the archive's total size.
   */
  async finish(
    name: string,
    content: (body: { size: number; sha256: string }) => Uint8Array,
  ): Promise<{ size: number; content: Uint8Array }> {
    await this.flush();
    const body = { size: this.offset, sha256: this.body.digestHex() };
    this.bodyDone = true;
    const bytes = content(body);
    const facts: ZipEntryFacts = {
      nameBytes: encoder.encode(name),
      method: 0,
      crc32: updateCrc32(0, bytes),
      compressedSize: bytes.length,
      uncompressedSize: bytes.length,
      localHeaderOffset: this.offset,
    };
    this.written.push(facts);
    await this.emit(localHeader(facts));
    await this.emit(bytes);
    await this.emit(centralDirectory(this.written, this.offset));
    return { size: this.offset, content: bytes };
  }

  private queue(chunk: Uint8Array): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
  }

  private async emit(bytes: Uint8Array): Promise<void> {
    this.queue(bytes);
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const out = this.pending.length === 1 ? this.pending[0]! : concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    if (this.offset + out.length > MAX_ZIP_OFFSET)
      throw new RangeError('a case archive is limited to 4 GiB (the zip format without ZIP64); this case is larger');
    if (!this.bodyDone) this.body.update(out);
    this.offset += out.length;
    await this.sink(out);
  }
}

/** `parts` joined into one array of `total` bytes. */
export function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
