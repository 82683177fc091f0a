// Builds one export in the page: the core writer's text chunks are encoded, hashed (the journal's digest is the
// SHA-256 of exactly the bytes saved) and kept as Blob pieces, so the page never holds the export as one string.
import { createSha256 } from '../../core/evidence';
import type { ExportStream } from '../../core/export';

/** A finished export, ready for the host's save. */
export interface BuiltExport {
  readonly file: Blob;
  /** Lower-case hex SHA-256 of the file's bytes. */
  readonly sha256: string;
  readonly bytes: number;
  readonly written: number;
  readonly leftOut: number;
}

/** Thrown when the investigator cancelled: nothing is saved and nothing recorded. */
export class ExportCancelled extends Error {
  constructor() {
    super('export cancelled');
    this.name = 'ExportCancelled';
  }
}

/**
 * Drains `stream` into a Blob of type `mediaType`, calling `onProgress` with the rows written after each chunk.
 * Checks `signal` between chunks and throws ExportCancelled once it is aborted.
 */
export async function buildExport(
  stream: ExportStream,
  mediaType: string,
  signal: AbortSignal,
  onProgress: (written: number) => void,
): Promise<BuiltExport> {
  const encoder = new TextEncoder();
  const hash = createSha256();
  const pieces: Blob[] = [];
  let bytes = 0;
  for await (const chunk of stream.chunks) {
    if (signal.aborted) throw new ExportCancelled();
    const encoded = encoder.encode(chunk);
    hash.update(encoded);
    bytes += encoded.byteLength;
    pieces.push(new Blob([encoded]));
    onProgress(stream.written);
  }
  if (signal.aborted) throw new ExportCancelled();
  return {
    file: new Blob(pieces, { type: `${mediaType};charset=utf-8` }),
    sha256: hash.digestHex(),
    bytes,
    written: stream.written,
    leftOut: stream.leftOut,
  };
}
