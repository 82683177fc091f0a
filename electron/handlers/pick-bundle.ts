import path from 'node:path';
import { IpcRequestError, type BundlePickKind, type PickedBundle, type PickedFileHandle } from '../../ipc/ipc-contract';
import type { FileRegistry } from './file-registry';
import { defineIpcHandler, type IpcHandler } from './ipc-handler';
import { walkFolder, type WalkFileSystem } from './walk-folder';

/** The subset of Electron's `OpenDialogOptions` the shell uses (kept here so tests need no Electron types). */
export interface OpenDialogRequest {
  readonly title: string;
  readonly buttonLabel: string;
  readonly properties: Array<'openFile' | 'openDirectory' | 'multiSelections' | 'dontAddToRecent'>;
  readonly filters?: Array<{ name: string; extensions: string[] }>;
}

/** Shows a native open dialog (Electron's `dialog.showOpenDialog` bound to the main window). */
export type ShowOpenDialog = (request: OpenDialogRequest) => Promise<{ canceled: boolean; filePaths: string[] }>;

/** The file-system calls a pick makes; `node:fs/promises` satisfies it. `stat` follows links, as picks should. */
export interface PickFileSystem extends WalkFileSystem {
  stat(filePath: string): Promise<{ size: number; isFile(): boolean }>;
}

/** What the `bundle:pick` handler needs. */
export interface PickBundleDependencies {
  readonly showOpenDialog: ShowOpenDialog;
  readonly fs: PickFileSystem;
  readonly registry: FileRegistry;
}

/**
 * The dialog for each pick kind. Evidence paths are not added to the OS "recent files" list: an investigator's
 * workstation should not advertise which cases were opened.
 */
export function openDialogRequestFor(kind: BundlePickKind): OpenDialogRequest {
  switch (kind) {
    case 'files':
      return {
        title: 'Open evidence files',
        buttonLabel: 'Open',
        properties: ['openFile', 'multiSelections', 'dontAddToRecent'],
      };
    case 'folder':
      return {
        title: 'Open evidence folder',
        buttonLabel: 'Open folder',
        properties: ['openDirectory', 'dontAddToRecent'],
      };
    case 'zip':
      return {
        title: 'Open evidence bundle (zip)',
        buttonLabel: 'Open',
        properties: ['openFile', 'dontAddToRecent'],
        // Bundles and case archives are zips; .ttbundle and .ttcase are the names the installers associate.
        filters: [{ name: 'Zip archives', extensions: ['zip', 'ttbundle', 'ttcase'] }],
      };
  }
}

async function statRegularFile(dependencies: PickBundleDependencies, filePath: string): Promise<number> {
  let stats: { size: number; isFile(): boolean };
  try {
    stats = await dependencies.fs.stat(filePath);
  } catch (error) {
    throw new IpcRequestError('unreadable-path', `bundle:pick: cannot read ${filePath}: ${(error as Error).message}`);
  }
  if (!stats.isFile()) throw new IpcRequestError('unreadable-path', `bundle:pick: ${filePath} is not a regular file`);
  return stats.size;
}

async function pickFiles(dependencies: PickBundleDependencies, filePaths: readonly string[]): Promise<PickedBundle> {
  const handles: PickedFileHandle[] = [];
  for (const filePath of filePaths) {
    const size = await statRegularFile(dependencies, filePath);
    handles.push({ id: dependencies.registry.register(filePath), path: path.basename(filePath), size });
  }
  // Native dialogs pick several files from one folder, so that folder names the set; one file names itself.
  const [first] = filePaths;
  const name =
    filePaths.length === 1 || first === undefined ? path.basename(first ?? '') : path.basename(path.dirname(first));
  return { handles, name };
}

async function pickFolder(dependencies: PickBundleDependencies, folder: string): Promise<PickedBundle> {
  const files = await walkFolder(dependencies.fs, folder);
  const handles = files.map((file) => ({
    id: dependencies.registry.register(file.absolutePath),
    path: file.relativePath,
    size: file.size,
  }));
  return { handles, name: path.basename(folder) };
}

/**
 * `bundle:pick`: shows the dialog for `kind`, resolves `null` on cancel, otherwise registers every picked file
 * (a folder is walked recursively) and returns handles the renderer reads through `file:read`.
 */
export function createPickBundleHandler(dependencies: PickBundleDependencies): IpcHandler<'bundle:pick'> {
  return defineIpcHandler('bundle:pick', async (kind) => {
    const { canceled, filePaths } = await dependencies.showOpenDialog(openDialogRequestFor(kind));
    const [first] = filePaths;
    if (canceled || first === undefined) return null;
    return kind === 'folder'
      ? pickFolder(dependencies, first)
      : pickFiles(dependencies, kind === 'zip' ? [first] : filePaths);
  });
}
