import type { Dirent } from 'node:fs';
import path from 'node:path';
import { IpcRequestError, MAX_FOLDER_FILES } from '../../ipc/ipc-contract';

/** A regular file found under the walked folder. */
export interface WalkedFile {
  readonly absolutePath: string;
  /** Relative to the walked folder, '/'-separated on every platform. */
  readonly relativePath: string;
  readonly size: number;
}

/** The file-system calls the walk makes; `node:fs/promises` satisfies it. */
export interface WalkFileSystem {
  readdir(directory: string, options: { withFileTypes: true }): Promise<Dirent[]>;
  stat(filePath: string): Promise<{ size: number }>;
}

/**
 * Lists every regular file under `root`, depth first in name order so the same folder always yields the same list.
 *
 * Symbolic links are skipped rather than followed: following them could leave the evidence folder or loop
 * forever, and a bundle should hold its evidence, not point at it. Sockets, FIFOs and devices are skipped too.
 * More than `limit` files fails with code `too-many-files` instead of silently importing part of the folder;
 * a directory that cannot be read fails with code `unreadable-path` naming it.
 */
export async function walkFolder(fs: WalkFileSystem, root: string, limit = MAX_FOLDER_FILES): Promise<WalkedFile[]> {
  const files: WalkedFile[] = [];
  // Counted when a directory is listed, not when its files are pushed: files of a subdirectory are pushed before
  // later siblings, so a count of pushed files alone would miss some of the directory's own files.
  let counted = 0;
  const visit = async (directory: string, relativeDirectory: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(directory, { withFileTypes: true });
    } catch (error) {
      throw new IpcRequestError(
        'unreadable-path',
        `bundle:pick: cannot read folder ${directory}: ${(error as Error).message}`,
      );
    }
    entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
    // Dirent types come from readdir itself (lstat semantics), so a symlink is never mistaken for its target.
    const fileEntries = entries.filter((entry) => entry.isFile());
    counted += fileEntries.length;
    if (counted > limit) {
      throw new IpcRequestError(
        'too-many-files',
        `bundle:pick: the folder ${root} holds more than ${limit.toLocaleString('en-US')} files; ` +
          'Tokentrail imports at most that many from one folder. Pick a narrower folder or a zip of the evidence.',
      );
    }
    // One directory's files are stat'ed concurrently: one at a time, a 10,000-file pick would take seconds.
    const sizeByName = new Map(
      await Promise.all(
        fileEntries.map(async (entry) => [entry.name, (await fs.stat(path.join(directory, entry.name))).size] as const),
      ),
    );
    for (const entry of entries) {
      const absolutePath = path.join(directory, entry.name);
      const relativePath = relativeDirectory === '' ? entry.name : `${relativeDirectory}/${entry.name}`;
      if (entry.isDirectory()) {
        await visit(absolutePath, relativePath);
      } else if (entry.isFile()) {
        files.push({ absolutePath, relativePath, size: sizeByName.get(entry.name) ?? 0 });
      }
    }
  };
  await visit(root, '');
  return files;
}
