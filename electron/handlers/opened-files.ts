import path from 'node:path';
import type { OpenedFile, OpenedFileKind } from '../../ipc/ipc-contract';
import type { FileRegistry } from './file-registry';
import { defineIpcHandler, type IpcHandler } from './ipc-handler';

/**
 * The extensions the installers associate with the app (build/electron-builder.yml `fileAssociations`), and plain
 * `.zip` for a bundle given on the command line. Anything else on a command line is an option or not ours.
 */
const KIND_BY_EXTENSION: Readonly<Record<string, OpenedFileKind>> = {
  '.ttcase': 'case-archive',
  '.ttbundle': 'bundle',
  '.zip': 'bundle',
};

/** What kind of file `filePath` is by its extension, or undefined when the app does not open it. */
export function openedFileKind(filePath: string): OpenedFileKind | undefined {
  return KIND_BY_EXTENSION[path.extname(filePath).toLowerCase()];
}

/**
 * The files to open among command-line arguments: Windows and Linux pass an associated file as an argument (at
 * launch, and to the running instance through `second-instance`). Options (`-…`) and other paths are ignored.
 */
export function openablePathsFromArgv(argv: readonly string[]): string[] {
  return argv.filter((argument) => !argument.startsWith('-') && openedFileKind(argument) !== undefined);
}

/** Paths the operating system asked to open, kept until the renderer asks for them (it may not be loaded yet). */
export class OpenedFileQueue {
  #paths: string[] = [];

  add(paths: readonly string[]): void {
    this.#paths.push(...paths);
  }

  /** Every queued path, once. */
  take(): string[] {
    const taken = this.#paths;
    this.#paths = [];
    return taken;
  }
}

/** What the `files:opened` handler needs. */
export interface OpenedFilesDependencies {
  readonly queue: OpenedFileQueue;
  readonly registry: FileRegistry;
  readonly fs: { stat(filePath: string): Promise<{ size: number; isFile(): boolean }> };
}

async function openedFile(dependencies: OpenedFilesDependencies, filePath: string): Promise<OpenedFile> {
  const kind = openedFileKind(filePath) ?? 'bundle';
  const name = path.basename(filePath);
  try {
    const stats = await dependencies.fs.stat(filePath);
    if (!stats.isFile()) return { kind, name, problem: `${name} is not a regular file` };
    return { kind, name, handle: { id: dependencies.registry.register(filePath), path: name, size: stats.size } };
  } catch (error) {
    return { kind, name, problem: `${name} cannot be read: ${(error as Error).message}` };
  }
}

/** `files:opened`: registers every queued path like a picked file and hands each out once. */
export function createOpenedFilesHandler(dependencies: OpenedFilesDependencies): IpcHandler<'files:opened'> {
  return defineIpcHandler('files:opened', async () =>
    Promise.all(dependencies.queue.take().map((filePath) => openedFile(dependencies, filePath))),
  );
}
