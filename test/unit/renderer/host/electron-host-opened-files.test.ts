import { describe, expect, it } from 'vitest';
import type { MenuCommand, OpenedFile, TokentrailBridge } from '../../../../ipc/ipc-contract';
import { createElectronHost } from '../../../../renderer/host/electron-host';
import type { OpenedFile as HostOpenedFile } from '../../../../renderer/host/host';

/** A bridge whose main process has `pending` files queued and can send menu commands. */
function fakeBridge(pending: OpenedFile[][], bytes: Uint8Array) {
  const listeners = new Set<(command: MenuCommand) => void>();
  const bridge = {
    openedFiles: async () => pending.shift() ?? [],
    readFile: async (_id: string, offset: number, length: number) => bytes.slice(offset, offset + length),
    onMenuCommand: (listener: (command: MenuCommand) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as TokentrailBridge;
  return { bridge, send: (command: MenuCommand) => listeners.forEach((listener) => listener(command)) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('electron host: files the operating system opened', () => {
  it('delivers files queued before the subscription, then each batch main announces, readable by handle', async () => {
    const bytes = new TextEncoder().encode('PK-archive');
    const { bridge, send } = fakeBridge(
      [
        [{ kind: 'case-archive', name: 'a.ttcase', handle: { id: 'h1', path: 'a.ttcase', size: bytes.length } }],
        [{ kind: 'bundle', name: 'gone.ttbundle', problem: 'gone.ttbundle cannot be read: ENOENT' }],
      ],
      bytes,
    );
    const received: HostOpenedFile[][] = [];
    const unsubscribe = createElectronHost(bridge).onFilesOpened((files) => received.push([...files]));
    await settle();
    expect(received).toHaveLength(1);
    const [first] = received[0]!;
    expect(first).toMatchObject({ kind: 'case-archive', name: 'a.ttcase' });
    expect(new TextDecoder().decode(await first!.file!.read(0, 64))).toBe('PK-archive');

    send('about');
    await settle();
    expect(received).toHaveLength(1);
    send('files-opened');
    await settle();
    expect(received[1]).toEqual([
      { kind: 'bundle', name: 'gone.ttbundle', file: undefined, problem: 'gone.ttbundle cannot be read: ENOENT' },
    ]);

    unsubscribe();
    send('files-opened');
    await settle();
    expect(received).toHaveLength(2);
  });
});
