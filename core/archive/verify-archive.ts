import { checkCustodyChain } from '../evidence/custody';
import { CancelledError } from '../evidence/errors';
import type { CustodyEntry, RandomAccessInput } from '../evidence/types';
import { checkBody } from './check-layout';
import { verifiedEntryChunks } from './entry-content';
import { entryRows } from './entry-rows';
import { ArchiveError } from './errors';
import { openArchive, type OpenedArchive } from './open-archive';
import { CUSTODY_TABLE, type ArchiveManifest, type ArchiveOptions } from './types';

/** An archive that passed every check of {@link verifyArchive}. */
export interface VerifiedArchive {
  readonly manifest: ArchiveManifest;
  /** SHA-256 of manifest.json: the digest the exporting case's `archive-exported` entry records. */
  readonly manifestSha256: string;
  /** The archive's size in bytes. */
  readonly size: number;
}

function describeBreak(check: ReturnType<typeof checkCustodyChain>, length: number): string {
  if (check.intact) return '';
  if (check.problem === 'altered')
    return `entry #${check.brokenAt} does not link to the one before it (edited, removed or reordered)`;
  if (check.problem === 'length') return `it has ${check.present} entries but the manifest anchors ${length}`;
  if (check.problem === 'head') return `its last entry #${check.brokenAt} is not the one the manifest anchors`;
  return 'it has entries but no anchor';
}

/** The custody rows must be the chain the manifest anchors (core/evidence checkCustodyChain). */
function checkCustody(rows: readonly CustodyEntry[], manifest: ArchiveManifest, entry: string): void {
  const check = checkCustodyChain(rows, { ...manifest.custody, anchoredBy: 'append' });
  if (!check.intact)
    throw new ArchiveError(
      'archive-custody',
      `the custody chain in "${entry}" is broken: ${describeBreak(check, manifest.custody.length)}`,
      entry,
      check.brokenAt === undefined ? undefined : check.brokenAt + 1,
    );
}

async function verifyOpened(archive: OpenedArchive, options: ArchiveOptions): Promise<void> {
  const { manifest } = archive;
  const { signal, sha256 } = options;
  const byName = new Map(manifest.entries.map((entry) => [entry.name, entry]));
  for (const file of manifest.evidence) {
    let done = 0;
    for await (const chunk of verifiedEntryChunks(archive, byName.get(file.entry)!, { signal, sha256 })) {
      done += chunk.length;
      options.onProgress?.({ phase: `evidence ${file.path}`, done, total: file.size });
    }
  }
  for (const table of manifest.tables) {
    const custody: CustodyEntry[] = [];
    let done = 0;
    const chunks = verifiedEntryChunks(archive, byName.get(table.entry)!, { signal, sha256 });
    for await (const row of entryRows(chunks, table.entry, manifest.case.id, table.rows)) {
      if (signal?.aborted) throw new CancelledError();
      if (table.name === CUSTODY_TABLE) custody.push(row as unknown as CustodyEntry);
      if (++done % 5000 === 0) options.onProgress?.({ phase: table.name, done, total: table.rows });
    }
    options.onProgress?.({ phase: table.name, done, total: table.rows });
    if (table.name === CUSTODY_TABLE) checkCustody(custody, manifest, table.entry);
  }
  // Last: the entries' own checks name the entry a changed byte is in; what is left for the body hash is a byte of a
  // header or descriptor that no entry's check covers, or a compressed byte whose change inflates to the same content
  // (deflate has such bits: about one position in 800 of a table entry, measured).
  await checkBody(
    archive.zip,
    manifest,
    (done) => options.onProgress?.({ phase: 'body', done, total: manifest.body.size }),
    signal,
    sha256,
  );
}

/**
 * Verify a case archive completely, reading it once from start to end with bounded memory, before anything of it is
 * used: the zip's structure (the evidence reader's rules), the manifest and its consistency, every header byte as the
 * writer lays it out, the SHA-256 of the archive's body, every entry's size and SHA-256 against the manifest, every
 * table row (valid, of this case, as many as recorded) and the custody chain against the manifest's anchor. Throws an
 * {@link ArchiveError} naming the entry and what differs; `CancelledError` when `signal` is aborted.
 */
export async function verifyArchive(input: RandomAccessInput, options: ArchiveOptions = {}): Promise<VerifiedArchive> {
  const archive = await openArchive(input);
  await verifyOpened(archive, options);
  return { manifest: archive.manifest, manifestSha256: archive.manifestSha256, size: input.size };
}
