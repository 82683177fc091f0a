import { EvidenceError } from '../evidence/errors';
import { createSha256, type Sha256Factory } from '../evidence/sha256';
import type { OperationOptions } from '../evidence/types';
import { entryChunks } from '../evidence/zip/read-zip';
import { ArchiveError } from './errors';
import { asArchiveError, type OpenedArchive } from './open-archive';
import type { ArchiveEntry } from './types';

/** The zip reader's refusals of an entry's content: its bytes are not the ones written, so not the manifest's. */
const CONTENT_DAMAGE: Readonly<Record<string, string>> = {
  'zip-corrupt': 'its compressed data is damaged (it does not inflate, or fails its CRC-32 check)',
  'zip-size-mismatch': 'it inflates to another size than its headers declare',
};

function hashRefusal(declared: ArchiveEntry, why: string): ArchiveError {
  return new ArchiveError(
    'archive-entry-hash',
    `the entry "${declared.name}" does not match its SHA-256 in the manifest: ${why}`,
    declared.name,
  );
}

/**
 * An entry's content as it inflates (the zip reader checks its CRC-32 and declared size), hashed on the way: when the
 * last chunk has passed, size and SHA-256 must be the manifest's, or `archive-entry-hash` is thrown naming the entry.
 * Content the zip reader refuses (data that does not inflate, a wrong CRC-32 or size) is that same refusal: the
 * entry's bytes are not the ones the manifest hashed. A consumer must treat what it received as unconfirmed until the
 * iteration ends without error.
 */
export async function* verifiedEntryChunks(
  archive: OpenedArchive,
  declared: ArchiveEntry,
  options: OperationOptions & { readonly sha256?: Sha256Factory } = {},
  onRead: (bytes: number) => void = () => {},
): AsyncGenerator<Uint8Array> {
  const entry = archive.entries.get(declared.name)!;
  const hash = (options.sha256 ?? createSha256)();
  let size = 0;
  try {
    for await (const chunk of entryChunks(archive.zip.input, entry, options, onRead)) {
      hash.update(chunk);
      size += chunk.length;
      yield chunk;
    }
  } catch (error) {
    const damage = error instanceof EvidenceError ? CONTENT_DAMAGE[error.code] : undefined;
    throw damage ? hashRefusal(declared, damage) : asArchiveError(error);
  }
  if (size !== declared.size)
    throw hashRefusal(declared, `it holds ${size} bytes, not the ${declared.size} the manifest records`);
  const sha256 = hash.digestHex();
  if (sha256 !== declared.sha256)
    throw hashRefusal(declared, `its bytes hash to ${sha256}, not the ${declared.sha256} the manifest records`);
}
