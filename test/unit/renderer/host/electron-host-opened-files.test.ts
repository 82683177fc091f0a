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

describe('electron host: chunked saves', () => {
  it('asks once, sends a large write as messages of at most 8 MiB, and says when the investigator cancelled', async () => {
    const calls: [string, ...unknown[]][] = [];
    let answer: string | null = 'save-1';
    const bridge = {
      beginSave: async (name: string) => (calls.push(['begin', name]), answer),
      appendSave: async (id: string, bytes: Uint8Array) => void calls.push(['append', id, bytes.byteLength]),
      finishSave: async (id: string) => (calls.push(['finish', id]), { saved: true, path: '/cases/a.ttcase' }),
      abortSave: async (id: string) => void calls.push(['abort', id]),
    } as unknown as TokentrailBridge;
    const host = createElectronHost(bridge);
    const save = (await host.saveStream('a.ttcase'))!;
    await save.write(new Uint8Array(20 * 1024 * 1024));
    await expect(save.close()).resolves.toEqual({ saved: true, path: '/cases/a.ttcase' });
    expect(calls).toEqual([
      ['begin', 'a.ttcase'],
      ['append', 'save-1', 8 * 1024 * 1024],
      ['append', 'save-1', 8 * 1024 * 1024],
      ['append', 'save-1', 4 * 1024 * 1024],
      ['finish', 'save-1'],
    ]);
    answer = null;
    await expect(host.saveStream('b.ttcase')).resolves.toBeNull();
    await expect(host.saveExportFile('b.csv', new Blob(['x']))).resolves.toEqual({ saved: false });
  });
});
