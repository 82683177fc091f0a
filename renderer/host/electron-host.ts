// The Electron host: every platform call goes through the preload bridge (window.tokentrail), whose
// typed contract lives in electron/ipc-contract.ts. File bytes are read on demand by handle, so the
// renderer never learns more of the file system than the files the investigator picked.
import type { TokentrailBridge } from '../../ipc/ipc-contract';
import type { Host, PickedFile, SaveStream } from './host';
import { looseSelectionName } from './host';

const CHUNK_BYTES = 4 * 1024 * 1024;
/** Bytes per `export:append` message: the contract refuses more than MAX_READ_LENGTH (16 MiB) in one. */
const SAVE_CHUNK_BYTES = 8 * 1024 * 1024;

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

/** A save written through the shell chunk by chunk; null when the investigator cancels the dialog. */
async function chunkedSave(bridge: TokentrailBridge, name: string): Promise<SaveStream | null> {
  const id = await bridge.beginSave(name);
  if (id === null) return null;
  return {
    name,
    async write(chunk) {
      // One IPC message carries at most SAVE_CHUNK_BYTES, whatever size the writer hands over.
      for (let offset = 0; offset < chunk.byteLength; offset += SAVE_CHUNK_BYTES) {
        await bridge.appendSave(id, chunk.subarray(offset, offset + SAVE_CHUNK_BYTES));
      }
    },
    close: () => bridge.finishSave(id),
    abort: () => bridge.abortSave(id),
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
    // Large files go to disk as they are made, chunk by chunk (export:begin/append/finish/abort): the main process
    // writes a temporary sibling and renames it into place when the save finishes.
    saveStream: (name) => chunkedSave(bridge, name),
    async saveExportFile(name, file) {
      const save = await chunkedSave(bridge, name);
      if (!save) return { saved: false };
      try {
        for (let offset = 0; offset < file.size; offset += SAVE_CHUNK_BYTES) {
          await save.write(new Uint8Array(await file.slice(offset, offset + SAVE_CHUNK_BYTES).arrayBuffer()));
        }
      } catch (error) {
        await save.abort();
        throw error;
      }
      return save.close();
    },
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
    // The key stays in main: the renderer hands over the manifest's bytes and gets the finished JWS back.
    reportSigningKey: () => bridge.reportSigningKey(),
    signReportManifest: (manifest, signer, signedAt) => bridge.signReport(manifest, signer, signedAt),
    importOrganisationSigningKey: () => bridge.importOrganisationKey(),
    forgetOrganisationSigningKey: () => bridge.forgetOrganisationKey(),
  };
}
