import type { IpcMain } from 'electron';
import { IPC_CHANNELS, type IpcChannel } from '../ipc/ipc-contract';
import type { IpcHandlerMap } from './handlers/ipc-handler';

/**
 * Wires every contract channel to its handler. This is the only module that touches `ipcMain`; the handlers
 * themselves are plain functions, unit-tested without Electron. The sender passed on is the frame that sent the
 * message (not the window's top URL), so a message from an embedded frame is judged by its own URL.
 */
export function registerIpcHandlers(ipcMain: IpcMain, handlers: IpcHandlerMap): void {
  for (const channel of IPC_CHANNELS) {
    const handler = handlers[channel] as IpcHandlerMap[IpcChannel];
    ipcMain.handle(channel, (event, ...args: unknown[]) => handler({ url: event.senderFrame?.url }, ...args));
  }
}
