import type { FileRegistry } from './file-registry';
import { defineIpcHandler, type IpcHandler } from './ipc-handler';

/** An open file, as much of `fs.promises.FileHandle` as a ranged read needs. */
export interface ReadableFileHandle {
  stat(): Promise<{ size: number }>;
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

/** What the `file:read` handler needs; `node:fs/promises` `open` satisfies `open`. */
export interface ReadFileDependencies {
  readonly registry: FileRegistry;
  readonly open: (filePath: string, flags: 'r') => Promise<ReadableFileHandle>;
}

/**
 * `file:read`: reads `length` bytes at `offset` of a picked file, fewer at the end of the file and none past it.
 * Random access is what lets the renderer read a zip's central directory and stream large logs without the
 * whole file ever crossing IPC. The buffer is sized to what the file still holds, not to `length`, so the
 * final chunk of a stream does not allocate the full 16 MiB.
 */
export function createReadFileHandler(dependencies: ReadFileDependencies): IpcHandler<'file:read'> {
  return defineIpcHandler('file:read', async (id, offset, length) => {
    const handle = await dependencies.open(dependencies.registry.resolve(id), 'r');
    try {
      const { size } = await handle.stat();
      const wanted = Math.min(length, Math.max(0, size - offset));
      const buffer = new Uint8Array(wanted);
      let filled = 0;
      // read() may return fewer bytes than asked (large reads, pipes); loop until the range is full or EOF.
      while (filled < wanted) {
        const { bytesRead } = await handle.read(buffer, filled, wanted - filled, offset + filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return filled === wanted ? buffer : buffer.slice(0, filled);
    } finally {
      await handle.close();
    }
  });
}
