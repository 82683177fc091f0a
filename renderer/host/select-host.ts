// Chooses the host once at startup: the Electron preload exposes window.tokentrail, a browser does not.
import type { TokentrailBridge } from '../../ipc/ipc-contract';
import type { Host } from './host';
import { browserHost } from './browser-host';
import { createElectronHost } from './electron-host';

declare global {
  interface Window {
    readonly tokentrail?: TokentrailBridge;
  }
}

export function selectHost(): Host {
  return window.tokentrail ? createElectronHost(window.tokentrail) : browserHost;
}
