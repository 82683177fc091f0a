import { createSha256 } from '../evidence/sha256';
import type { OperationOptions } from '../evidence/types';
import { entryChunks } from '../evidence/zip/read-zip';
import { ArchiveError } from './errors';
import { asArchiveError, type OpenedArchive } from './open-archive';
import type { ArchiveEntry } from './types';

/**
 * An entry's content as it inflates (the zip reader checks its CRC-32 and declared size), hashed on the way: when the
 * last chunk has passed, size and SHA-256 must be the manifest's, or `archive-entry-hash` is thrown naming the entry.
 * A consumer must treat what it received as unconfirmed until the iteration ends without error.
 */
export async function* verifiedEntryChunks(
  archive: OpenedArchive,
  declared: ArchiveEntry,
  options: OperationOptions = {},
  onRead: (bytes: number) => void = () => {},
): AsyncGenerator<Uint8Array> {
  const entry = archive.entries.get(declared.name)!;
  const hash = createSha256();
  let size = 0;
  try {
    for await (const chunk of entryChunks(archive.zip.input, entry, options, onRead)) {
      hash.update(chunk);
      size += chunk.length;
      yield chunk;
    }
  } catch (error) {
    throw asArchiveError(error);
  }
  const sha256 = hash.digestHex();
  if (size !== declared.size || sha256 !== declared.sha256) {
    const what =
      size !== declared.size
        ? `holds ${size} bytes, not the ${declared.size} the manifest records`
        : `has SHA-256 ${sha256}, not the ${declared.sha256} the manifest records`;
    throw new ArchiveError('archive-entry-hash', `the entry "${declared.name}" ${what}`, declared.name);
  }
}
