import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import type { IpcHandlerMap, IpcSender } from '../../../electron/handlers/ipc-handler';
import { IPC_CHANNELS } from '../../../ipc/ipc-contract';
import { registerIpcHandlers } from '../../../electron/register-ipc';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

describe('registerIpcHandlers', () => {
  it('registers every channel and passes the sending frame URL and raw arguments on', async () => {
    const registered = new Map<string, Listener>();
    // Only `handle` is used; a Map-backed stand-in keeps Electron out of the test.
    const ipcMain = {
      handle: (channel: string, listener: Listener) => registered.set(channel, listener),
    } as unknown as IpcMain;
    const calls: Array<[string, IpcSender, unknown[]]> = [];
    const record =
      (channel: string) =>
      async (sender: IpcSender, ...args: unknown[]) => {
        calls.push([channel, sender, args]);
        return null as never;
      };
    const handlers = Object.fromEntries(
      IPC_CHANNELS.map((channel) => [channel, record(channel)]),
    ) as unknown as IpcHandlerMap;
    registerIpcHandlers(ipcMain, handlers);
    expect([...registered.keys()].sort()).toEqual([...IPC_CHANNELS].sort());

    const fromApp = { senderFrame: { url: 'tokentrail://app/index.html' } } as unknown as IpcMainInvokeEvent;
    const detached = { senderFrame: null } as unknown as IpcMainInvokeEvent;
    await registered.get('file:read')?.(fromApp, 'id-1', 0, 10);
    await registered.get('app:info')?.(detached);
    expect(calls).toEqual([
      ['file:read', { url: 'tokentrail://app/index.html' }, ['id-1', 0, 10]],
      ['app:info', { url: undefined }, []],
    ]);
  });
});
