import {
  isMenuCommand,
  MENU_COMMAND_CHANNEL,
  type IpcArgs,
  type IpcChannel,
  type IpcResult,
  type MenuCommand,
  type TokentrailBridge,
} from '../ipc/ipc-contract';

/**
 * The two things the bridge needs from `ipcRenderer`. Passing them in (instead of exposing `ipcRenderer`) keeps
 * the page from sending on arbitrary channels and lets the mapping be tested without Electron.
 */
export interface BridgeTransport {
  invoke(channel: IpcChannel, ...args: unknown[]): Promise<unknown>;
  /** Subscribes to a main→renderer channel with the payload only (never the IPC event); returns unsubscribe. */
  on(channel: string, listener: (payload: unknown) => void): () => void;
}

/** Builds `window.tokentrail`: each method is exactly one contract channel. */
export function createBridge(transport: BridgeTransport): TokentrailBridge {
  const invoke = <C extends IpcChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResult<C>> =>
    transport.invoke(channel, ...args) as Promise<IpcResult<C>>;
  return {
    pickBundle: (kind) => invoke('bundle:pick', kind),
    readFile: (id, offset, length) => invoke('file:read', id, offset, length),
    saveExport: (suggestedName, bytes) => invoke('export:save', suggestedName, bytes),
    beginSave: (suggestedName) => invoke('export:begin', suggestedName),
    appendSave: (id, bytes) => invoke('export:append', id, bytes),
    finishSave: (id) => invoke('export:finish', id),
    abortSave: (id) => invoke('export:abort', id),
    appInfo: () => invoke('app:info'),
    shippedGeoDatabases: () => invoke('geo:shipped'),
    openedFiles: () => invoke('files:opened'),
    reportSigningKey: () => invoke('report:signing-key'),
    signReport: (manifest, signer, signedAt) => invoke('report:sign', manifest, signer, signedAt),
    importOrganisationKey: () => invoke('report:import-organisation-key'),
    forgetOrganisationKey: () => invoke('report:forget-organisation-key'),
    onMenuCommand: (listener: (command: MenuCommand) => void) =>
      transport.on(MENU_COMMAND_CHANNEL, (payload) => {
        if (isMenuCommand(payload)) listener(payload);
      }),
  };
}
