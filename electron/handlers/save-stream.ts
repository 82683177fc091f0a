import { IpcRequestError } from '../../ipc/ipc-contract';
import { defineIpcHandler, type IpcHandler } from './ipc-handler';
import { saveDialogRequest, type ShowSaveDialog } from './save-export';

/** An open file a save writes into; `node:fs/promises` FileHandle satisfies it. */
export interface SaveFileHandle {
  write(bytes: Uint8Array): Promise<unknown>;
  close(): Promise<void>;
}

/** The file-system calls a chunked save makes; `node:fs/promises` satisfies it. */
export interface SaveStreamFileSystem {
  open(filePath: string, flags: 'wx'): Promise<SaveFileHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(filePath: string, options: { force: true }): Promise<void>;
}

/** What the `export:begin/append/finish/abort` handlers need. */
export interface SaveStreamDependencies {
  readonly showSaveDialog: ShowSaveDialog;
  readonly fs: SaveStreamFileSystem;
  readonly defaultDirectory: string;
  /** A fresh unguessable id per save (crypto.randomUUID). */
  readonly createId: () => string;
}

interface OpenSave {
  readonly handle: SaveFileHandle;
  readonly partial: string;
  readonly filePath: string;
}

/**
 * Saves written chunk by chunk: a case archive can be larger than one IPC message, or than memory should hold. As with
 * `export:save`, the bytes go to a temporary sibling that is renamed into place only when the save finishes, so a crash
 * or a cancel never leaves a truncated file under the chosen name. The renderer names an open save only by the id
 * `export:begin` handed out; it never learns or chooses a path.
 */
export function createSaveStreamHandlers(dependencies: SaveStreamDependencies) {
  const open = new Map<string, OpenSave>();
  const saveOf = (channel: string, id: string): OpenSave => {
    const save = open.get(id);
    if (!save) throw new IpcRequestError('unknown-file', `${channel}: no open save has id "${id}"`);
    return save;
  };
  const discard = async (id: string, save: OpenSave): Promise<void> => {
    open.delete(id);
    await save.handle.close().catch(() => undefined);
    await dependencies.fs.rm(save.partial, { force: true });
  };
  const begin: IpcHandler<'export:begin'> = defineIpcHandler('export:begin', async (suggestedName) => {
    const { canceled, filePath } = await dependencies.showSaveDialog(
      saveDialogRequest(dependencies.defaultDirectory, suggestedName),
    );
    if (canceled || filePath === undefined || filePath === '') return null;
    const id = dependencies.createId();
    const partial = `${filePath}.${id}.partial`;
    open.set(id, { handle: await dependencies.fs.open(partial, 'wx'), partial, filePath });
    return id;
  });
  const append: IpcHandler<'export:append'> = defineIpcHandler('export:append', async (id, bytes) => {
    const save = saveOf('export:append', id);
    try {
      await save.handle.write(bytes);
    } catch (error) {
      await discard(id, save);
      throw error;
    }
  });
  const finish: IpcHandler<'export:finish'> = defineIpcHandler('export:finish', async (id) => {
    const save = saveOf('export:finish', id);
    open.delete(id);
    try {
      await save.handle.close();
      await dependencies.fs.rename(save.partial, save.filePath);
    } catch (error) {
      await dependencies.fs.rm(save.partial, { force: true });
      throw error;
    }
    return { saved: true, path: save.filePath };
  });
  const abort: IpcHandler<'export:abort'> = defineIpcHandler('export:abort', async (id) => {
    const save = open.get(id);
    if (save) await discard(id, save);
  });
  return { 'export:begin': begin, 'export:append': append, 'export:finish': finish, 'export:abort': abort };
}
