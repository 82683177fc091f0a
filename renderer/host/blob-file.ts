// Adapts a browser File/Blob (from an <input type=file>, a drop, or the sample bytes) to core's inputs.
// Reading goes through Blob.slice, so a multi-gigabyte capture is never loaded whole.
import type { PickedFile, SaveResult, SaveStream } from './host';

const CHUNK_BYTES = 4 * 1024 * 1024;

/** A PickedFile over a Blob; `path` is the path inside the bundle (or the bare name for a loose file). */
export function pickedFileFromBlob(blob: Blob, path: string): PickedFile {
  return {
    path,
    name: path,
    size: blob.size,
    async read(offset: number, length: number): Promise<Uint8Array> {
      return new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
    },
    async *chunks(): AsyncIterable<Uint8Array> {
      for (let offset = 0; offset < blob.size; offset += CHUNK_BYTES) {
        yield new Uint8Array(await blob.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
      }
    },
  };
}

/** A PickedFile over bytes already in memory (the sample case shipped inside the app). */
export function pickedFileFromBytes(bytes: Uint8Array, path: string): PickedFile {
  return pickedFileFromBlob(new Blob([bytes as Uint8Array<ArrayBuffer>]), path);
}

/**
 * Splits a folder pick's relative paths ("case-42/logs/auth.log") into the folder name and the path
 * inside it, which is what the bundle manifest refers to.
 */
export function splitFolderPath(relativePath: string): { folder: string; inner: string } {
  const slash = relativePath.indexOf('/');
  if (slash < 0) return { folder: '', inner: relativePath };
  return { folder: relativePath.slice(0, slash), inner: relativePath.slice(slash + 1) };
}

/**
 * A save stream that keeps each chunk as a Blob (Chromium moves large blob data out of the page's heap, to disk when
 * needed) and hands the whole to `finish` at the end: no string and no single buffer of the file's size is built.
 */
export function blobSaveStream(name: string, finish: (blob: Blob) => Promise<SaveResult>): SaveStream {
  let parts: Blob[] = [];
  return {
    name,
    async write(chunk) {
      parts.push(new Blob([chunk as Uint8Array<ArrayBuffer>]));
    },
    async close() {
      const blob = new Blob(parts, { type: 'application/zip' });
      parts = [];
      return finish(blob);
    },
    async abort() {
      parts = [];
    },
  };
}
