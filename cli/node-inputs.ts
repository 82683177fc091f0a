import { open, readdir, stat, lstat } from 'node:fs/promises';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { EvidenceError, type BundleInput, type RandomAccessInput, type SequentialInput } from '../core';

/** Node's side of core's input interfaces: files are read in chunks, never whole. */

/** What a path named on the command line is, or why it cannot be read as a file. */
export type PathKind =
  | { readonly kind: 'file'; readonly size: number }
  | { readonly kind: 'special' }
  | { readonly kind: 'unreadable'; readonly reason: string };

/**
 * Look at a command-line path before reading it, so that the error names that path and says what is wrong with it
 * (a read that fails later names whatever was being read then, and says only EISDIR). `special` is a pipe or a
 * device (process substitution, /dev/stdin): readable as a stream, but with no size.
 */
export function pathKind(target: string): PathKind {
  try {
    const info = statSync(target);
    if (info.isFile()) return { kind: 'file', size: info.size };
    if (info.isDirectory()) return { kind: 'unreadable', reason: `${target} is a directory` };
    return { kind: 'special' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR (a file used as a folder) and ENAMETOOLONG (a pasted token) also mean that there is no such file.
    return {
      kind: 'unreadable',
      reason:
        code === 'ENOENT' || code === 'ENOTDIR' || code === 'ENAMETOOLONG' ? 'no such file' : (error as Error).message,
    };
  }
}

/** A file on disk as a random-access input (for zips: the reader starts at the central directory). */
export async function randomAccessFile(filePath: string): Promise<RandomAccessInput & { close(): Promise<void> }> {
  const handle = await open(filePath, 'r');
  const { size } = await handle.stat();
  return {
    name: path.basename(filePath),
    size,
    async read(offset, length) {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
    },
    close: () => handle.close(),
  };
}

/** A file on disk as a stream of chunks, named by its path relative to the bundle root. */
export function sequentialFile(absolutePath: string, relativePath: string, size: number): SequentialInput {
  return {
    path: relativePath,
    size,
    async *chunks() {
      for await (const chunk of createReadStream(absolutePath, { highWaterMark: 1024 * 1024 })) {
        yield new Uint8Array((chunk as Buffer).buffer, (chunk as Buffer).byteOffset, (chunk as Buffer).byteLength);
      }
    },
  };
}

/** Every regular file under a folder, recursively; symbolic links are refused (they can point outside the evidence). */
export async function folderFiles(folder: string, maxFiles = 10_000): Promise<SequentialInput[]> {
  const files: SequentialInput[] = [];
  async function walk(directory: string): Promise<void> {
    for (const entry of await readdir(directory, { withFileTypes: true })) {
      const absolute = path.join(directory, entry.name);
      const relative = path.relative(folder, absolute).split(path.sep).join('/');
      if (entry.isSymbolicLink())
        throw new EvidenceError(
          'folder-symlink',
          relative,
          `${relative} is a symbolic link; links can point outside the evidence, so the folder is refused. Copy the real file in instead.`,
        );
      if (entry.isDirectory()) await walk(absolute);
      else if (entry.isFile()) {
        if (files.length >= maxFiles)
          throw new EvidenceError(
            'folder-too-many-files',
            folder,
            `${folder} holds more than ${maxFiles} files; split the evidence into several bundles.`,
          );
        files.push(sequentialFile(absolute, relative, (await stat(absolute)).size));
      }
    }
  }
  await walk(folder);
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * Decide what a command-line path is: a bundle folder, a zip, or a loose file. A file named .zip is read as a zip
 * whatever it holds, as the app reads it: a random or empty file under that name is refused as "not a zip
 * archive" rather than hashed as a loose file and reported as if it were the bundle.
 */
export async function bundleInputFromPath(target: string): Promise<{ input: BundleInput; close(): Promise<void> }> {
  const info = await lstat(target);
  if (info.isDirectory())
    return {
      input: { type: 'folder', name: path.basename(path.resolve(target)), files: await folderFiles(target) },
      close: async () => {},
    };
  const zip = await randomAccessFile(target);
  const magic = await zip.read(0, Math.min(4, zip.size));
  if (/\.zip$/i.test(target) || (magic[0] === 0x50 && magic[1] === 0x4b))
    return { input: { type: 'zip', zip }, close: () => zip.close() };
  await zip.close();
  return {
    input: { type: 'loose-files', files: [sequentialFile(target, path.basename(target), info.size)] },
    close: async () => {},
  };
}
