import path from 'node:path';
import { IpcRequestError, type ShippedGeoDatabase } from '../../ipc/ipc-contract';
import type { FileRegistry } from './file-registry';
import { defineIpcHandler, type IpcHandler } from './ipc-handler';

/** The one file-system call the listing makes; `node:fs/promises` satisfies it. */
export interface ShippedGeoFileSystem {
  stat(filePath: string): Promise<{ size: number; isFile(): boolean }>;
}

/** What the `geo:shipped` handler needs. */
export interface ShippedGeoDatabasesDependencies {
  /** The folder holding the shipped files (see `shippedGeoDirectory`). */
  readonly directory: string;
  /** The only file names that may be listed, from core's `SHIPPED_GEO_DATABASES`; never from the renderer. */
  readonly fileNames: readonly string[];
  readonly fs: ShippedGeoFileSystem;
  /** The same registry `file:read` resolves ids from: a listed database is then read exactly like a picked file. */
  readonly registry: FileRegistry;
}

async function sizeOf(fs: ShippedGeoFileSystem, filePath: string): Promise<number | undefined> {
  let stats: { size: number; isFile(): boolean };
  try {
    stats = await fs.stat(filePath);
  } catch (error) {
    // Absent is a legitimate state (a build packaged without a file, a checkout without node_modules); anything
    // else (permissions, I/O) is a broken installation the investigator must hear about.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new IpcRequestError('unreadable-path', `geo:shipped: cannot read ${filePath}: ${(error as Error).message}`);
  }
  if (!stats.isFile()) throw new IpcRequestError('unreadable-path', `geo:shipped: ${filePath} is not a regular file`);
  return stats.size;
}

/**
 * `geo:shipped`: lists the shipped geolocation databases that are present, each registered in the file registry
 * so the renderer reads it through `file:read` in slices of at most 16 MiB (one ranged-read path for all files,
 * not a second one to keep in step). Only the names in `fileNames` are ever looked at; whatever else the folder
 * holds stays unreachable. The listing is made once: the files do not change while the app runs, and repeated
 * calls (a reloaded window) get the same ids instead of growing the registry.
 */
export function createShippedGeoDatabasesHandler(
  dependencies: ShippedGeoDatabasesDependencies,
): IpcHandler<'geo:shipped'> {
  const list = async (): Promise<readonly ShippedGeoDatabase[]> => {
    const found: ShippedGeoDatabase[] = [];
    for (const fileName of dependencies.fileNames) {
      const filePath = path.join(dependencies.directory, fileName);
      const size = await sizeOf(dependencies.fs, filePath);
      if (size !== undefined) found.push({ id: dependencies.registry.register(filePath), fileName, size });
    }
    return found;
  };
  let listed: Promise<readonly ShippedGeoDatabase[]> | undefined;
  return defineIpcHandler('geo:shipped', () => {
    // A failed listing is not kept, so a later call can succeed once the cause is fixed.
    listed ??= list().catch((error: unknown) => {
      listed = undefined;
      throw error;
    });
    return listed;
  });
}
