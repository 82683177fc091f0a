import path from 'node:path';
import { defineIpcHandler, type IpcHandler } from './ipc-handler';

/** The subset of Electron's `SaveDialogOptions` the shell uses. */
export interface SaveDialogRequest {
  readonly title: string;
  readonly defaultPath: string;
  readonly properties: Array<'createDirectory' | 'showOverwriteConfirmation' | 'dontAddToRecent'>;
}

/** Shows a native save dialog (Electron's `dialog.showSaveDialog` bound to the main window). */
export type ShowSaveDialog = (request: SaveDialogRequest) => Promise<{ canceled: boolean; filePath?: string }>;

/** The file-system calls an export makes; `node:fs/promises` satisfies it. */
export interface ExportFileSystem {
  writeFile(filePath: string, bytes: Uint8Array, options: { flag: 'wx' }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(filePath: string, options: { force: true }): Promise<void>;
}

/** The save dialog every save shows: in `defaultDirectory`, overwrites confirmed, nothing added to recent files. */
export function saveDialogRequest(defaultDirectory: string, suggestedName: string): SaveDialogRequest {
  return {
    title: 'Save export',
    defaultPath: path.join(defaultDirectory, suggestedName),
    properties: ['createDirectory', 'showOverwriteConfirmation', 'dontAddToRecent'],
  };
}

/** What the `export:save` handler needs. */
export interface SaveExportDependencies {
  readonly showSaveDialog: ShowSaveDialog;
  readonly fs: ExportFileSystem;
  /** The folder the dialog opens in, e.g. the user's Documents folder. */
  readonly defaultDirectory: string;
}

/**
 * `export:save`: asks where to save (the dialog confirms overwrites), then writes the bytes. A report is
 * evidence, so it is written to a temporary sibling and renamed into place: a crash or a full disk leaves the
 * previous file intact instead of a truncated report under the final name.
 */
export function createSaveExportHandler(dependencies: SaveExportDependencies): IpcHandler<'export:save'> {
  return defineIpcHandler('export:save', async (suggestedName, bytes) => {
    const { canceled, filePath } = await dependencies.showSaveDialog(
      saveDialogRequest(dependencies.defaultDirectory, suggestedName),
    );
    if (canceled || filePath === undefined || filePath === '') return { saved: false };
    const partial = `${filePath}.${process.pid}.partial`;
    try {
      await dependencies.fs.writeFile(partial, bytes, { flag: 'wx' });
      await dependencies.fs.rename(partial, filePath);
    } catch (error) {
      await dependencies.fs.rm(partial, { force: true });
      throw error;
    }
    return { saved: true, path: filePath };
  });
}
