// The Electron host: every platform call goes through the preload bridge (window.tokentrail), whose
// typed contract lives in electron/ipc-contract.ts. File bytes are read on demand by handle, so the
// renderer never learns more of the file system than the files the investigator picked.
import type { TokentrailBridge } from '../../ipc/ipc-contract';
import type { Host, PickedFile } from './host';
import { looseSelectionName } from './host';
import { blobSaveStream } from './blob-file';

const CHUNK_BYTES = 4 * 1024 * 1024;

function pickedFileFromHandle(
  bridge: TokentrailBridge,
  handle: { readonly id: string; readonly path: string; readonly size: number },
): PickedFile {
  const read = (offset: number, length: number) => bridge.readFile(handle.id, offset, length);
  return {
    path: handle.path,
    name: handle.path,
    size: handle.size,
    read,
    async *chunks(): AsyncIterable<Uint8Array> {
      for (let offset = 0; offset < handle.size; offset += CHUNK_BYTES) {
        yield await read(offset, Math.min(CHUNK_BYTES, handle.size - offset));
      }
    },
  };
}

/** Builds the host over the bridge the preload exposed. */
export function createElectronHost(bridge: TokentrailBridge): Host {
  return {
    kind: 'electron',
    async pick(kind) {
      const picked = await bridge.pickBundle(kind);
      if (!picked || picked.handles.length === 0) return null;
      const files = picked.handles.map((handle) => pickedFileFromHandle(bridge, handle));
      return { kind, name: picked.name || looseSelectionName(files), files };
    },
    saveExport: (name, bytes) => bridge.saveExport(name, bytes),
    // The archive is gathered as Blobs and handed to the existing save dialog at the end (export:save, up to
    // MAX_EXPORT_BYTES); a chunked IPC channel that writes as it goes is the next step for larger cases.
    saveStream: async (name) =>
      blobSaveStream(name, async (blob) => bridge.saveExport(name, new Uint8Array(await blob.arrayBuffer()))),
    saveExportFile: async (name, file) => bridge.saveExport(name, new Uint8Array(await file.arrayBuffer())),
    onOpenBundleCommand: (listener) =>
      bridge.onMenuCommand((command) => {
        if (command === 'open-bundle') listener();
      }),
    onAboutCommand: (listener) =>
      bridge.onMenuCommand((command) => {
        if (command === 'about') listener();
      }),
    onFilesOpened(listener) {
      const deliver = (): void =>
        void bridge.openedFiles().then(
          (opened) =>
            opened.length &&
            listener(
              opened.map(({ kind, name, handle, problem }) => ({
                kind,
                name,
                file: handle && pickedFileFromHandle(bridge, handle),
                problem,
              })),
            ),
          (error: unknown) => listener([{ kind: 'bundle', name: '(opened file)', problem: String(error) }]),
        );
      deliver();
      return bridge.onMenuCommand((command) => {
        if (command === 'files-opened') deliver();
      });
    },
    async shellInfo() {
      const { platform, versions } = await bridge.appInfo();
      return { shell: `Electron ${versions.electron} on ${platform}`, ...versions };
    },
    // Main registered each shipped file under an id, so it streams through `file:read` like a picked file.
    async shippedGeoDatabases() {
      const databases = await bridge.shippedGeoDatabases();
      return databases.map(({ id, fileName, size }) => pickedFileFromHandle(bridge, { id, path: fileName, size }));
    },
  };
}
