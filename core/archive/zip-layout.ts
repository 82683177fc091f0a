/**
 * The exact bytes of the zip structures a case archive is made of (APPNOTE.TXT 4.3). Every field the format does not
 * need is fixed (time, date, attributes, versions), so the writer and the reader build the same bytes from the same
 * facts: the reader re-builds the central directory and end record and compares them byte for byte, which is how a
 * changed header byte is found even where no checksum covers it.
 */

export const LOCAL_SIGNATURE = 0x04034b50;
export const DESCRIPTOR_SIGNATURE = 0x08074b50;
export const CENTRAL_SIGNATURE = 0x02014b50;
export const END_SIGNATURE = 0x06054b50;
export const LOCAL_HEADER_SIZE = 30;
export const DESCRIPTOR_SIZE = 16;
const CENTRAL_HEADER_SIZE = 46;
const END_SIZE = 22;
/** Version 2.0: deflate and data descriptors; host 0 (MS-DOS), so no Unix mode bits are claimed. */
const VERSION = 20;
const UTF8_FLAG = 0x0800;
const DESCRIPTOR_FLAG = 0x0008;
/** 1980-01-01 00:00, the zip epoch: the archive's time is in its manifest, not in headers. */
const DOS_TIME = 0;
const DOS_DATE = 0x21;
/** The format keeps every size and offset under 4 GiB (no ZIP64), a limit the writer enforces. */
export const MAX_ZIP_OFFSET = 0xffffffff;

/** What a zip entry's headers say, as the writer knows it once the entry is written. */
export interface ZipEntryFacts {
  readonly nameBytes: Uint8Array;
  /** 0 stored (the manifest), 8 deflate (everything else, written with a data descriptor). */
  readonly method: 0 | 8;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

function flagsOf(method: 0 | 8): number {
  return method === 8 ? UTF8_FLAG | DESCRIPTOR_FLAG : UTF8_FLAG;
}

/** An entry's local header; a deflated entry's crc and sizes follow its data in a descriptor (they are zero here). */
export function localHeader(entry: Omit<ZipEntryFacts, 'localHeaderOffset'>): Uint8Array {
  const bytes = new Uint8Array(LOCAL_HEADER_SIZE + entry.nameBytes.length);
  const view = new DataView(bytes.buffer);
  const known = entry.method === 0;
  view.setUint32(0, LOCAL_SIGNATURE, true);
  view.setUint16(4, VERSION, true);
  view.setUint16(6, flagsOf(entry.method), true);
  view.setUint16(8, entry.method, true);
  view.setUint16(10, DOS_TIME, true);
  view.setUint16(12, DOS_DATE, true);
  view.setUint32(14, known ? entry.crc32 : 0, true);
  view.setUint32(18, known ? entry.compressedSize : 0, true);
  view.setUint32(22, known ? entry.uncompressedSize : 0, true);
  view.setUint16(26, entry.nameBytes.length, true);
  bytes.set(entry.nameBytes, LOCAL_HEADER_SIZE);
  return bytes;
}

/** The data descriptor after a deflated entry's data. */
export function dataDescriptor(
  entry: Pick<ZipEntryFacts, 'crc32' | 'compressedSize' | 'uncompressedSize'>,
): Uint8Array {
  const bytes = new Uint8Array(DESCRIPTOR_SIZE);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, DESCRIPTOR_SIGNATURE, true);
  view.setUint32(4, entry.crc32, true);
  view.setUint32(8, entry.compressedSize, true);
  view.setUint32(12, entry.uncompressedSize, true);
  return bytes;
}

/** The central directory and end-of-central-directory record for `entries`, starting at `offset`. */
export function centralDirectory(entries: readonly ZipEntryFacts[], offset: number): Uint8Array {
  const size = entries.reduce((sum, entry) => sum + CENTRAL_HEADER_SIZE + entry.nameBytes.length, 0);
  const bytes = new Uint8Array(size + END_SIZE);
  const view = new DataView(bytes.buffer);
  let at = 0;
  for (const entry of entries) {
    view.setUint32(at, CENTRAL_SIGNATURE, true);
    view.setUint16(at + 4, VERSION, true);
    view.setUint16(at + 6, VERSION, true);
    view.setUint16(at + 8, flagsOf(entry.method), true);
    view.setUint16(at + 10, entry.method, true);
    view.setUint16(at + 12, DOS_TIME, true);
    view.setUint16(at + 14, DOS_DATE, true);
    view.setUint32(at + 16, entry.crc32, true);
    view.setUint32(at + 20, entry.compressedSize, true);
    view.setUint32(at + 24, entry.uncompressedSize, true);
    view.setUint16(at + 28, entry.nameBytes.length, true);
    view.setUint32(at + 42, entry.localHeaderOffset, true);
    bytes.set(entry.nameBytes, at + CENTRAL_HEADER_SIZE);
    at += CENTRAL_HEADER_SIZE + entry.nameBytes.length;
  }
  view.setUint32(at, END_SIGNATURE, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, size, true);
  view.setUint32(at + 16, offset, true);
  return bytes;
}

/** Bytes an entry occupies in the archive: local header, data and (deflated entries) descriptor. */
export function entrySpan(entry: Omit<ZipEntryFacts, 'localHeaderOffset' | 'crc32' | 'uncompressedSize'>): number {
  return LOCAL_HEADER_SIZE + entry.nameBytes.length + entry.compressedSize + (entry.method === 8 ? DESCRIPTOR_SIZE : 0);
}
