import { CancelledError } from '../evidence/errors';
import type { RandomAccessInput } from '../evidence/types';
import { verifiedEntryChunks } from './entry-content';
import { entryRows } from './entry-rows';
import { ArchiveError } from './errors';
import { openArchive } from './open-archive';
import type { ArchiveOptions, ArchiveReader, ArchiveRow } from './types';
import type { VerifiedArchive } from './verify-archive';

/** Options of {@link readArchive}. */
export interface ReadArchiveOptions extends ArchiveOptions {
  /** Rows per {@link ArchiveReader.rows} call (default 2000). */
  readonly batchSize?: number;
}

/**
 * The second pass over an archive that {@link verifyArchive} accepted: stream its evidence files, then the rows of
 * every table in batches, to `reader`, with bounded memory (one batch, one chunk). Everything is checked again on the
 * way (the file could have changed since the first pass): the manifest must be the verified one, and an entry that
 * no longer matches throws an {@link ArchiveError} after the reader has seen some of it — the host must then remove
 * what it wrote, as it must on `CancelledError`.
 */
export async function readArchive(
  input: RandomAccessInput,
  verified: VerifiedArchive,
  reader: ArchiveReader,
  options: ReadArchiveOptions = {},
): Promise<void> {
  const archive = await openArchive(input);
  if (archive.manifestSha256 !== verified.manifestSha256)
    throw new ArchiveError(
      'archive-manifest',
      'the archive changed since it was verified (its manifest differs)',
      'manifest.json',
    );
  const { manifest } = archive;
  const { signal, sha256 } = options;
  const batchSize = options.batchSize ?? 2000;
  const byName = new Map(manifest.entries.map((entry) => [entry.name, entry]));
  for (const file of manifest.evidence) {
    let done = 0;
    const chunks = verifiedEntryChunks(archive, byName.get(file.entry)!, { signal, sha256 }, (bytes) => {
      done += bytes;
      options.onProgress?.({ phase: `evidence ${file.path}`, done, total: file.size });
    });
    await reader.evidence(file, chunks);
    // A reader that stopped early has not seen the end, where the entry's hash is checked: read the rest.
    for await (const _rest of chunks) void _rest;
  }
  for (const table of manifest.tables) {
    let batch: ArchiveRow[] = [];
    let done = 0;
    const chunks = verifiedEntryChunks(archive, byName.get(table.entry)!, { signal, sha256 });
    for await (const row of entryRows(chunks, table.entry, manifest.case.id, table.rows)) {
      batch.push(row);
      if (batch.length < batchSize) continue;
      if (signal?.aborted) throw new CancelledError();
      await reader.rows(table, batch);
      done += batch.length;
      options.onProgress?.({ phase: table.name, done, total: table.rows });
      batch = [];
    }
    if (batch.length > 0) await reader.rows(table, batch);
    options.onProgress?.({ phase: table.name, done: table.rows, total: table.rows });
  }
}
