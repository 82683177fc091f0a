import { describe, expect, it } from 'vitest';
import { createBridge, type BridgeTransport } from '../../../electron/bridge';
import { MENU_COMMAND_CHANNEL, type MenuCommand } from '../../../ipc/ipc-contract';

function recordingTransport() {
  const invocations: Array<[string, ...unknown[]]> = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const transport: BridgeTransport = {
    invoke: async (channel, ...args) => {
      invocations.push([channel, ...args]);
      return `result of ${channel}`;
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  };
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((listener) => listener(payload));
  return { transport, invocations, emit };
}

describe('createBridge', () => {
  it('maps each method to exactly one contract channel with its arguments', async () => {
    const { transport, invocations } = recordingTransport();
    const bridge = createBridge(transport);
    const bytes = new Uint8Array([7]);
    await expect(bridge.pickBundle('folder')).resolves.toBe('result of bundle:pick');
    await bridge.readFile('id-1', 512, 64);
    await bridge.saveExport('report.html', bytes);
    await bridge.appInfo();
    await bridge.shippedGeoDatabases();
    await bridge.openedFiles();
    await bridge.beginSave('case.ttcase');
    await bridge.appendSave('save-1', bytes);
    await bridge.finishSave('save-1');
    await bridge.abortSave('save-1');
    await bridge.reportSigningKey();
    await bridge.signReport(bytes, 'Casey Examiner', 1_764_583_200_000);
    await bridge.importOrganisationKey();
    await bridge.forgetOrganisationKey();
    expect(invocations).toEqual([
      ['bundle:pick', 'folder'],
      ['file:read', 'id-1', 512, 64],
      ['export:save', 'report.html', bytes],
      ['app:info'],
      ['geo:shipped'],
      ['files:opened'],
      ['export:begin', 'case.ttcase'],
      ['export:append', 'save-1', bytes],
      ['export:finish', 'save-1'],
      ['export:abort', 'save-1'],
      ['report:signing-key'],
      ['report:sign', bytes, 'Casey Examiner', 1_764_583_200_000],
      ['report:import-organisation-key'],
      ['report:forget-organisation-key'],
    ]);
  });

  it('exposes only the named API', () => {
    const bridge = createBridge(recordingTransport().transport);
    expect(Object.keys(bridge).sort()).toEqual([
      'abortSave',
      'appInfo',
      'appendSave',
      'beginSave',
      'finishSave',
      'forgetOrganisationKey',
      'importOrganisationKey',
      'onMenuCommand',
      'openedFiles',
      'pickBundle',
      'readFile',
      'reportSigningKey',
      'saveExport',
      'shippedGeoDatabases',
      'signReport',
    ]);
  });

  it('forwards known menu commands until unsubscribed and drops unknown payloads', () => {
    const { transport, emit } = recordingTransport();
    const received: MenuCommand[] = [];
    const unsubscribe = createBridge(transport).onMenuCommand((command) => received.push(command));
    emit(MENU_COMMAND_CHANNEL, 'open-bundle');
    emit(MENU_COMMAND_CHANNEL, { evil: true });
    emit('other-channel', 'open-bundle');
    unsubscribe();
    emit(MENU_COMMAND_CHANNEL, 'open-bundle');
    expect(received).toEqual(['open-bundle']);
  });
});
