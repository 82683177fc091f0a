/**
 * The sandboxed preload: exposes `window.tokentrail` (see `TokentrailBridge`) and nothing else. It is bundled
 * into one CommonJS file because sandboxed preloads cannot load other modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'tokentrail',
  createBridge({
    invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    on: (channel, listener) => {
      // The IPC event is dropped here: it carries `sender`, which must never reach the page.
      const forward = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => {
        ipcRenderer.removeListener(channel, forward);
      };
    },
  }),
);
