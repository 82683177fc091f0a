import { open, rename, rm } from 'node:fs/promises';
import { ArchiveError } from '../core/archive';
import { CancelledError, EvidenceError } from '../core';
import { randomAccessFile } from './node-inputs';
import type { Output } from './output';

/**
 * Write a file through `write`, which hands its chunks to the sink one at a time (each awaited, so memory stays
 * bounded); the file appears under its name only when complete: it is written as `<file>.partial` and renamed at the
 * end, and removed when anything fails.
 */
export async function writeFileAtomically<T>(
  file: string,
  write: (sink: (chunk: Uint8Array) => Promise<void>) => Promise<T>,
): Promise<T> {
  const partial = `${file}.partial`;
  const handle = await open(partial, 'w');
  try {
    const result = await write(async (chunk) => {
      await handle.write(chunk);
    });
    await handle.close();
    await rename(partial, file);
    return result;
  } catch (error) {
    await handle.close().catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
}

/** Open an archive file for the reader, run `use`, and close it whatever happens. */
export async function withArchiveFile<T>(
  file: string,
  use: (input: Awaited<ReturnType<typeof randomAccessFile>>) => Promise<T>,
): Promise<T> {
  const input = await randomAccessFile(file);
  try {
    return await use(input);
  } finally {
    await input.close();
  }
}

/** Exit codes of `case verify` and `case import` (docs/cli.md). */
export const ARCHIVE_EXIT = { ok: 0, refused: 1, unreadable: 2 } as const;

/**
 * Report why an archive command failed and return its exit code: 1 when the archive was read and refused (an
 * {@link ArchiveError}: tampered, truncated, not an archive), 2 when it could not be read at all or something else went
 * wrong. Messages quote entry names from the archive, so `out` must be terminal-safe.
 */
export function reportArchiveFailure(target: string, error: unknown, json: boolean, out: Output): number {
  const refused = error instanceof ArchiveError;
  const code = refused
    ? error.code
    : error instanceof EvidenceError
      ? error.code
      : error instanceof CancelledError
        ? 'cancelled'
        : ((error as NodeJS.ErrnoException).code ?? 'unreadable');
  const message = refused
    ? `${target}: refused whole: ${error.message}`
    : `${target}: cannot be read (${(error as Error).message})`;
  if (json)
    out.stdout(
      JSON.stringify({
        archive: target,
        verdict: refused ? 'refused' : 'unreadable',
        error: {
          code,
          message,
          ...(refused && error.entry ? { entry: error.entry } : {}),
          ...(refused && error.row ? { row: error.row } : {}),
        },
      }),
    );
  else out.stderr(`tokentrail: ${message}`);
  return refused ? ARCHIVE_EXIT.refused : ARCHIVE_EXIT.unreadable;
}
