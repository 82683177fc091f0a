import { EvidenceError } from '../evidence/errors';
import { createSha256 } from '../evidence/sha256';
import type { RandomAccessInput, ZipLimits } from '../evidence/types';
import { entryChunks, openZip, type OpenedZip } from '../evidence/zip/read-zip';
import type { AcceptedEntry } from '../evidence/zip/entry-policy';
import { checkLayout } from './check-layout';
import { ArchiveError } from './errors';
import { parseArchiveManifest } from './parse-manifest';
import { ARCHIVE_FORMAT, ARCHIVE_MANIFEST_NAME, type ArchiveManifest } from './types';

/**
 * The evidence zip reader's rules (no traversal, no links, no encryption, no overlap), with limits for archives: an
 * archive holds a case's tables as NDJSON, which compresses far better than evidence, and may hold many GB.
 */
const ARCHIVE_LIMITS: ZipLimits = {
  maxEntries: 60_000,
  maxCompressionRatio: 1032,
  maxUncompressedBytes: Number.MAX_SAFE_INTEGER,
};
/** A manifest of 60,000 entries is a few MB; anything far larger is not one this format wrote. */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

/** An archive whose zip structure, manifest and layout passed every check; entries not yet read. */
export interface OpenedArchive {
  readonly zip: OpenedZip;
  readonly manifest: ArchiveManifest;
  readonly manifestSha256: string;
  /** The zip's entries by name (manifest.json included). */
  readonly entries: ReadonlyMap<string, AcceptedEntry>;
}

/** Re-throw the evidence zip reader's errors as archive refusals, keeping their message and entry. */
export function asArchiveError(error: unknown): unknown {
  if (!(error instanceof EvidenceError)) return error;
  return new ArchiveError('archive-zip', error.message, error.location.entry);
}

async function readManifest(zip: OpenedZip, entry: AcceptedEntry): Promise<{ bytes: Uint8Array; sha256: string }> {
  if (entry.record.uncompressedSize > MAX_MANIFEST_BYTES)
    throw new ArchiveError('archive-manifest', `${ARCHIVE_MANIFEST_NAME} is too large to be a manifest`, entry.name);
  const bytes = new Uint8Array(entry.record.uncompressedSize);
  const hash = createSha256();
  let at = 0;
  for await (const chunk of entryChunks(zip.input, entry)) {
    bytes.set(chunk, at);
    hash.update(chunk);
    at += chunk.length;
  }
  return { bytes, sha256: hash.digestHex() };
}

/** The zip must hold exactly the manifest's entries, in the order written, and the manifest last. */
function checkEntryNames(names: readonly string[], manifest: ArchiveManifest): void {
  const listed = new Set(manifest.entries.map((entry) => entry.name));
  const present = new Set(names);
  const extra = names.find((name) => name !== ARCHIVE_MANIFEST_NAME && !listed.has(name));
  if (extra !== undefined)
    throw new ArchiveError(
      'archive-entry-extra',
      `the entry "${extra}" is not listed in ${ARCHIVE_MANIFEST_NAME}`,
      extra,
    );
  const missing = manifest.entries.find((entry) => !present.has(entry.name));
  if (missing)
    throw new ArchiveError(
      'archive-entry-missing',
      `the entry "${missing.name}" listed in ${ARCHIVE_MANIFEST_NAME} is not in the archive`,
      missing.name,
    );
  const order = [...manifest.entries.map((entry) => entry.name), ARCHIVE_MANIFEST_NAME];
  const moved = names.findIndex((name, index) => order[index] !== name);
  if (moved >= 0)
    throw new ArchiveError(
      'archive-layout',
      `the entry "${names[moved]}" is not where ${ARCHIVE_MANIFEST_NAME} puts it (position ${moved + 1})`,
      names[moved],
    );
}

/**
 * Open a case archive: the zip's central directory under the reader's rules, the manifest (the last entry, stored)
 * parsed and checked with itself, the zip's entries exactly the manifest's, and every header byte as the writer
 * lays it out. Reads no entry but the manifest. Throws an {@link ArchiveError} naming what is wrong.
 */
export async function openArchive(input: RandomAccessInput): Promise<OpenedArchive> {
  try {
    const zip = await openZip(input, ARCHIVE_LIMITS);
    const last = zip.entries.at(-1);
    if (!last || last.name !== ARCHIVE_MANIFEST_NAME) {
      const hasManifest = zip.entries.some((entry) => entry.name === ARCHIVE_MANIFEST_NAME);
      throw new ArchiveError(
        'archive-manifest',
        hasManifest
          ? `${ARCHIVE_MANIFEST_NAME} is not the archive's last entry, where the format writes it`
          : `there is no ${ARCHIVE_MANIFEST_NAME}: this is not a Tokentrail case archive`,
        ARCHIVE_MANIFEST_NAME,
      );
    }
    const { bytes, sha256 } = await readManifest(zip, last);
    const manifest = parseArchiveManifest(bytes);
    checkEntryNames(
      zip.entries.map((entry) => entry.name),
      manifest,
    );
    await checkLayout(zip, manifest);
    return { zip, manifest, manifestSha256: sha256, entries: new Map(zip.entries.map((entry) => [entry.name, entry])) };
  } catch (error) {
    throw asArchiveError(error);
  }
}

/**
 * Whether `input` presents itself as a case archive: a zip whose last entry is a manifest.json naming this format.
 * Checks nothing else — a host uses it only to choose between reading a file as an archive (which
 * `verifyArchive` then checks completely) and as an evidence bundle. Never throws.
 */
export async function isCaseArchive(input: RandomAccessInput): Promise<boolean> {
  try {
    const zip = await openZip(input, ARCHIVE_LIMITS);
    const last = zip.entries.at(-1);
    if (!last || last.name !== ARCHIVE_MANIFEST_NAME) return false;
    const { bytes } = await readManifest(zip, last);
    const value = JSON.parse(new TextDecoder().decode(bytes)) as { format?: unknown } | null;
    return value?.format === ARCHIVE_FORMAT;
  } catch {
    return false;
  }
}
