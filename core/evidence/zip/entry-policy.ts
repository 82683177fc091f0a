import { EvidenceError } from '../errors';
import type { ZipLimits } from '../types';
import type { ZipEntryRecord } from './central-directory';

/**
 * Decides whether an archive may be imported at all. Every rule rejects the whole zip: an archive that tries
 * one of these tricks is itself evidence of tampering, and importing "the good part" would hide that.
 */

/** An entry that passed every rule, with its decoded name. */
export interface AcceptedEntry {
  readonly name: string;
  readonly record: ZipEntryRecord;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const UNIX_HOST = 3;
/** Small entries are exempt from the per-entry ratio: a 20 KB file of repeated lines legitimately reaches 100:1. */
const RATIO_FLOOR_BYTES = 1024 * 1024;

function decodeName(record: ZipEntryRecord, zipName: string): string {
  const asciiOnly = record.nameBytes.every((byte) => byte < 0x80);
  if (!asciiOnly && !record.utf8Flag) {
    throw new EvidenceError(
      'zip-non-utf8-name',
      zipName,
      `${zipName}: entry ${record.index + 1} has a name that is not marked UTF-8 (legacy code page); names would be ambiguous, so the archive is refused. Re-create it with UTF-8 names.`,
      { entry: `#${record.index + 1}` },
    );
  }
  try {
    return utf8.decode(record.nameBytes);
  } catch {
    throw new EvidenceError(
      'zip-non-utf8-name',
      zipName,
      `${zipName}: entry ${record.index + 1} has a name that is not valid UTF-8.`,
      { entry: `#${record.index + 1}` },
    );
  }
}

function checkPath(name: string, zipName: string): void {
  const reject = (code: string, why: string): never => {
    throw new EvidenceError(
      code,
      zipName,
      `${zipName}: entry "${name}" ${why}; the archive is refused and nothing of it was imported.`,
      { entry: name },
    );
  };
  if (name.includes('\0')) reject('zip-path-traversal', 'contains a NUL character');
  if (/^([a-zA-Z]:|[\\/])/.test(name)) reject('zip-absolute-path', 'has an absolute path');
  if (name.split(/[\\/]/).some((segment) => segment === '..'))
    reject('zip-path-traversal', 'climbs out of the archive with ".."');
  if (name.includes('\\'))
    reject('zip-path-traversal', 'uses "\\" as a path separator, which can hide traversal on Windows');
}

function checkRecord(name: string, record: ZipEntryRecord, limits: ZipLimits, zipName: string): void {
  const mode = record.externalAttributes >>> 16;
  if (record.hostSystem === UNIX_HOST && (mode & S_IFMT) === S_IFLNK) {
    throw new EvidenceError(
      'zip-symlink',
      zipName,
      `${zipName}: entry "${name}" is a symbolic link; links can point outside the evidence, so the archive is refused.`,
      { entry: name },
    );
  }
  if (record.encrypted) {
    throw new EvidenceError(
      'zip-encrypted',
      zipName,
      `${zipName}: entry "${name}" is encrypted; decrypt the archive first (Tokentrail never asks for archive passwords).`,
      { entry: name },
    );
  }
  if (record.method !== 0 && record.method !== 8) {
    throw new EvidenceError(
      'zip-unsupported-method',
      zipName,
      `${zipName}: entry "${name}" uses compression method ${record.method}; only stored (0) and deflate (8) are supported.`,
      { entry: name },
    );
  }
  const ratio = record.uncompressedSize / Math.max(1, record.compressedSize);
  if (record.uncompressedSize > RATIO_FLOOR_BYTES && ratio > limits.maxCompressionRatio) {
    throw new EvidenceError(
      'zip-ratio-exceeded',
      zipName,
      `${zipName}: entry "${name}" expands ${Math.round(ratio)}:1 (limit ${limits.maxCompressionRatio}:1), the signature of a zip bomb.`,
      { entry: name },
    );
  }
}

/**
 * Apply every rule to the central directory: names (UTF-8, no traversal, not absolute, unique), no symlinks,
 * no encryption, supported methods, per-entry and total compression ratio, total size, and no overlapping data
 * (overlap is how "non-recursive" zip bombs reach huge ratios). Directory entries are dropped.
 */
export function acceptEntries(records: readonly ZipEntryRecord[], limits: ZipLimits, zipName: string): AcceptedEntry[] {
  const accepted: AcceptedEntry[] = [];
  const seen = new Set<string>();
  let totalUncompressed = 0;
  let totalCompressed = 0;
  for (const record of records) {
    const name = decodeName(record, zipName);
    checkPath(name, zipName);
    const key = name.normalize('NFC');
    if (seen.has(key)) {
      throw new EvidenceError(
        'zip-duplicate-name',
        zipName,
        `${zipName}: the name "${name}" appears twice; which copy is the evidence would be ambiguous, so the archive is refused.`,
        { entry: name },
      );
    }
    seen.add(key);
    if (name.endsWith('/')) continue;
    checkRecord(name, record, limits, zipName);
    totalUncompressed += record.uncompressedSize;
    totalCompressed += record.compressedSize;
    accepted.push({ name, record });
  }
  if (totalUncompressed > limits.maxUncompressedBytes) {
    throw new EvidenceError(
      'zip-too-large',
      zipName,
      `${zipName} would expand to ${totalUncompressed} bytes, over the limit of ${limits.maxUncompressedBytes}. If the evidence really is that large, raise the limit (Settings, or --max-uncompressed on the CLI) and import again.`,
    );
  }
  if (
    totalUncompressed > RATIO_FLOOR_BYTES &&
    totalUncompressed / Math.max(1, totalCompressed) > limits.maxCompressionRatio
  ) {
    throw new EvidenceError(
      'zip-ratio-exceeded',
      zipName,
      `${zipName} expands ${Math.round(totalUncompressed / Math.max(1, totalCompressed))}:1 overall (limit ${limits.maxCompressionRatio}:1), the signature of a zip bomb.`,
    );
  }
  rejectOverlaps(accepted, zipName);
  return accepted;
}

function rejectOverlaps(entries: readonly AcceptedEntry[], zipName: string): void {
  const byOffset = [...entries].sort((a, b) => a.record.localHeaderOffset - b.record.localHeaderOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const previous = byOffset[i - 1]!;
    const current = byOffset[i]!;
    // A local header is at least 30 bytes plus the name; data follows. Anything starting before that end overlaps.
    const previousEnd =
      previous.record.localHeaderOffset + 30 + previous.record.nameBytes.length + previous.record.compressedSize;
    if (current.record.localHeaderOffset < previousEnd) {
      throw new EvidenceError(
        'zip-overlapping-entries',
        zipName,
        `${zipName}: entries "${previous.name}" and "${current.name}" share bytes, a construction used by zip bombs; the archive is refused.`,
        { entry: current.name },
      );
    }
  }
}
