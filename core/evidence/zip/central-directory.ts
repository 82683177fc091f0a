import { EvidenceError } from '../errors';
import type { RandomAccessInput } from '../types';

/**
 * Reads a zip's end-of-central-directory record and central directory (APPNOTE.TXT 4.3.12–4.3.16, with ZIP64).
 * The central directory, not the local headers, is the archive's table of contents: symlink bits, the UTF-8 flag
 * and the full entry list live there, so every safety check is made on it before one byte is inflated.
 */

/** One central-directory entry, as declared (nothing here is trusted yet). */
export interface ZipEntryRecord {
  /** Raw name bytes, decoded later by the policy that decides whether they are acceptable. */
  readonly nameBytes: Uint8Array;
  readonly utf8Flag: boolean;
  readonly encrypted: boolean;
  readonly method: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  /** Upper byte of "version made by": 3 is Unix, whose external attributes carry the file mode. */
  readonly hostSystem: number;
  readonly externalAttributes: number;
  /** Position of this record in the central directory, for messages. */
  readonly index: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

/** Read a little-endian 64-bit value that must fit in a JS safe integer. */
function readUint64(view: DataView, at: number, file: string): number {
  const value = view.getUint32(at, true) + view.getUint32(at + 4, true) * 2 ** 32;
  if (!Number.isSafeInteger(value))
    throw new EvidenceError(
      'zip-corrupt',
      file,
      `${file}: a ZIP64 size or offset is too large to be real; the archive is corrupt.`,
    );
  return value;
}

async function readExactly(zip: RandomAccessInput, offset: number, length: number): Promise<DataView> {
  if (offset < 0 || offset + length > zip.size) {
    throw new EvidenceError(
      'zip-truncated',
      zip.name,
      `${zip.name} is truncated: it needs bytes up to offset ${offset + length} but has only ${zip.size}. Copy the archive again from the original medium.`,
      { offset },
    );
  }
  const bytes = await zip.read(offset, length);
  if (bytes.length !== length) {
    throw new EvidenceError(
      'zip-truncated',
      zip.name,
      `${zip.name}: could read only ${bytes.length} of ${length} bytes at offset ${offset}.`,
      { offset },
    );
  }
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

interface DirectoryLocation {
  readonly entryCount: number;
  readonly size: number;
  readonly offset: number;
}

async function locateCentralDirectory(zip: RandomAccessInput): Promise<DirectoryLocation> {
  if (zip.size < EOCD_MIN) {
    throw new EvidenceError(
      'zip-corrupt',
      zip.name,
      `${zip.name} is not a zip archive (${zip.size} bytes is shorter than the smallest possible zip).`,
    );
  }
  const tailLength = Math.min(zip.size, EOCD_MIN + MAX_COMMENT);
  const tailStart = zip.size - tailLength;
  const tail = await readExactly(zip, tailStart, tailLength);
  let at = -1;
  for (let i = tailLength - EOCD_MIN; i >= 0; i--) {
    if (tail.getUint32(i, true) === EOCD_SIGNATURE) {
      at = i;
      break;
    }
  }
  if (at < 0) {
    throw new EvidenceError(
      'zip-corrupt',
      zip.name,
      `${zip.name} has no end-of-central-directory record: it is not a zip archive, or it was truncated while copying.`,
    );
  }
  const diskNumber = tail.getUint16(at + 4, true);
  const directoryDisk = tail.getUint16(at + 6, true);
  if (diskNumber !== 0 || directoryDisk !== 0) {
    throw new EvidenceError(
      'zip-unsupported',
      zip.name,
      `${zip.name} is one part of a multi-volume (split) archive; join the parts into one zip first.`,
    );
  }
  let entryCount = tail.getUint16(at + 10, true);
  let size = tail.getUint32(at + 12, true);
  let offset = tail.getUint32(at + 16, true);
  if (entryCount === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locatorAt = tailStart + at - 20;
    const locator = await readExactly(zip, locatorAt, 20);
    if (locator.getUint32(0, true) !== ZIP64_LOCATOR_SIGNATURE) {
      throw new EvidenceError(
        'zip-corrupt',
        zip.name,
        `${zip.name}: the directory says ZIP64 but the ZIP64 locator is missing.`,
        { offset: locatorAt },
      );
    }
    const recordAt = readUint64(locator, 8, zip.name);
    const record = await readExactly(zip, recordAt, 56);
    if (record.getUint32(0, true) !== ZIP64_EOCD_SIGNATURE) {
      throw new EvidenceError(
        'zip-corrupt',
        zip.name,
        `${zip.name}: no ZIP64 end-of-central-directory record at offset ${recordAt}.`,
        { offset: recordAt },
      );
    }
    entryCount = readUint64(record, 32, zip.name);
    size = readUint64(record, 40, zip.name);
    offset = readUint64(record, 48, zip.name);
  }
  if (offset + size > zip.size) {
    throw new EvidenceError(
      'zip-truncated',
      zip.name,
      `${zip.name} is truncated: its central directory should end at byte ${offset + size} but the file has ${zip.size} bytes.`,
      { offset },
    );
  }
  return { entryCount, size, offset };
}

/** The values in the ZIP64 extra field (id 0x0001) replace whichever 32-bit fields were 0xFFFFFFFF, in order. */
function applyZip64Extra(
  view: DataView,
  extraStart: number,
  extraLength: number,
  fields: { uncompressedSize: number; compressedSize: number; localHeaderOffset: number },
  file: string,
): void {
  let at = extraStart;
  const end = extraStart + extraLength;
  while (at + 4 <= end) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const) {
        if (fields[key] === 0xffffffff && field + 8 <= at + 4 + length) {
          fields[key] = readUint64(view, field, file);
          field += 8;
        }
      }
      return;
    }
    at += 4 + length;
  }
}

/** Every entry of the central directory, in order; throws when the directory itself is damaged. */
export async function readCentralDirectory(zip: RandomAccessInput, maxEntries: number): Promise<ZipEntryRecord[]> {
  const location = await locateCentralDirectory(zip);
  if (location.entryCount > maxEntries) {
    throw new EvidenceError(
      'zip-too-many-entries',
      zip.name,
      `${zip.name} declares ${location.entryCount} entries; more than ${maxEntries} is refused as a likely zip bomb. Split the evidence into several bundles.`,
    );
  }
  const view = await readExactly(zip, location.offset, location.size);
  const entries: ZipEntryRecord[] = [];
  let at = 0;
  for (let index = 0; index < location.entryCount; index++) {
    if (at + 46 > view.byteLength || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new EvidenceError(
        'zip-corrupt',
        zip.name,
        `${zip.name}: central directory entry ${index + 1} is damaged (offset ${location.offset + at}).`,
        { offset: location.offset + at },
      );
    }
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const recordEnd = at + 46 + nameLength + extraLength + commentLength;
    if (recordEnd > view.byteLength) {
      throw new EvidenceError(
        'zip-corrupt',
        zip.name,
        `${zip.name}: central directory entry ${index + 1} runs past the directory's end.`,
        { offset: location.offset + at },
      );
    }
    const sizes = {
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    applyZip64Extra(view, at + 46 + nameLength, extraLength, sizes, zip.name);
    entries.push({
      nameBytes: new Uint8Array(view.buffer, view.byteOffset + at + 46, nameLength),
      utf8Flag: (flags & 0x0800) !== 0,
      encrypted: (flags & 0x0001) !== 0,
      method: view.getUint16(at + 10, true),
      crc32: view.getUint32(at + 16, true),
      ...sizes,
      hostSystem: view.getUint8(at + 5),
      externalAttributes: view.getUint32(at + 38, true),
      index,
    });
    at = recordEnd;
  }
  return entries;
}

/**
 * Offset where an entry's compressed data starts, read from its local header (whose extra length may differ).
 * The local header's name must be the central directory's: unzip tools that read local headers as they stream
 * would extract the entry under the other name, so a difference means the archive shows two tables of contents.
 */
export async function locateEntryData(zip: RandomAccessInput, entry: ZipEntryRecord, name: string): Promise<number> {
  const header = await readExactly(zip, entry.localHeaderOffset, 30);
  if (header.getUint32(0, true) !== 0x04034b50) {
    throw new EvidenceError(
      'zip-corrupt',
      zip.name,
      `${zip.name}: the local header of "${name}" is missing at offset ${entry.localHeaderOffset}.`,
      { offset: entry.localHeaderOffset, entry: name },
    );
  }
  const nameLength = header.getUint16(26, true);
  const localName = await readExactly(zip, entry.localHeaderOffset + 30, nameLength);
  if (!sameBytes(new Uint8Array(localName.buffer, localName.byteOffset, nameLength), entry.nameBytes)) {
    throw new EvidenceError(
      'zip-name-mismatch',
      zip.name,
      `${zip.name}: entry "${name}" has another name in its local header (offset ${entry.localHeaderOffset}); tools that read local headers would unpack it under that other name, so the archive is refused and nothing of it was imported.`,
      { offset: entry.localHeaderOffset, entry: name },
    );
  }
  return entry.localHeaderOffset + 30 + nameLength + header.getUint16(28, true);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
