import { CancelledError } from '../evidence/errors';
import { createSha256, type Sha256Factory } from '../evidence/sha256';
import type { AbortSignal } from '../evidence/types';
import type { OpenedZip } from '../evidence/zip/read-zip';
import { ArchiveError } from './errors';
import { ARCHIVE_MANIFEST_NAME, type ArchiveManifest } from './types';
import {
  centralDirectory,
  dataDescriptor,
  entrySpan,
  localHeader,
  LOCAL_HEADER_SIZE,
  type ZipEntryFacts,
} from './zip-layout';

/** The body is hashed in steps of this many bytes. */
const READ_STEP = 1024 * 1024;

function layoutError(why: string, entry?: string): ArchiveError {
  return new ArchiveError(
    'archive-layout',
    `${why}; the archive was changed after it was written and is refused whole`,
    entry,
  );
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/**
 * Check that the archive is laid out byte for byte as the writer lays it out (zip-layout.ts): entries back to back
 * from offset 0, each deflated entry followed by a descriptor equal to its central-directory record, the manifest
 * stored right after the body (which ends where the manifest says), then the central directory and end record exactly
 * as re-built from those facts, and nothing after them. Headers carry fields no checksum covers (times, attributes);
 * comparing whole structures is what makes a changed byte there visible.
 */
export async function checkLayout(zip: OpenedZip, manifest: ArchiveManifest): Promise<void> {
  const facts: ZipEntryFacts[] = [];
  let offset = 0;
  for (const [index, { name, record }] of zip.entries.entries()) {
    const isManifest = index === zip.entries.length - 1;
    const method = isManifest ? 0 : 8;
    if (record.method !== method)
      throw layoutError(`the entry "${name}" is not ${isManifest ? 'stored' : 'deflated'}`, name);
    if (record.localHeaderOffset !== offset)
      throw layoutError(
        `the entry "${name}" starts at offset ${record.localHeaderOffset}, not right after the one before (${offset})`,
        name,
      );
    if (isManifest && offset !== manifest.body.size)
      throw layoutError(
        `${ARCHIVE_MANIFEST_NAME} starts at offset ${offset}, not where its body ends (${manifest.body.size})`,
        name,
      );
    const entry: ZipEntryFacts = { ...record, method, nameBytes: record.nameBytes };
    const header = localHeader(entry);
    const found = await zip.input.read(offset, header.length);
    if (!sameBytes(found, header))
      throw layoutError(`the local header of "${name}" differs from the one written`, name);
    if (method === 8) {
      const descriptor = dataDescriptor(entry);
      const at = offset + LOCAL_HEADER_SIZE + entry.nameBytes.length + entry.compressedSize;
      if (!sameBytes(await zip.input.read(at, descriptor.length), descriptor))
        throw layoutError(`the data descriptor of "${name}" disagrees with the central directory`, name);
    }
    facts.push(entry);
    offset += entrySpan(entry);
  }
  const directory = centralDirectory(facts, offset);
  if (zip.input.size !== offset + directory.length)
    throw layoutError(
      `the archive is ${zip.input.size} bytes; its entries and directory make ${offset + directory.length}`,
    );
  if (!sameBytes(await zip.input.read(offset, directory.length), directory))
    throw layoutError('the central directory differs from the one written');
}

/** Hash the body (every byte before the manifest's local header) and compare with the manifest's record. */
export async function checkBody(
  zip: OpenedZip,
  manifest: ArchiveManifest,
  onRead: (done: number) => void,
  signal: AbortSignal | undefined,
  sha256: Sha256Factory = createSha256,
): Promise<void> {
  const hash = sha256();
  for (let at = 0; at < manifest.body.size; at += READ_STEP) {
    if (signal?.aborted) throw new CancelledError();
    hash.update(await zip.input.read(at, Math.min(READ_STEP, manifest.body.size - at)));
    onRead(Math.min(at + READ_STEP, manifest.body.size));
  }
  if (hash.digestHex() !== manifest.body.sha256)
    throw layoutError(`the archive's bytes before ${ARCHIVE_MANIFEST_NAME} do not have the SHA-256 it records`);
}
