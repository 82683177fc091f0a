import { describe, expect, it } from 'vitest';
import { createIpcHandlers } from '../../../../electron/handlers/index';
import { FileRegistry } from '../../../../electron/handlers/file-registry';
import { OpenedFileQueue } from '../../../../electron/handlers/opened-files';
import { IPC_CHANNELS } from '../../../../ipc/ipc-contract';
import { BlockedRequestLog } from '../../../../electron/request-policy';
import { APP_SENDER } from '../temp-dir';

const VERSIONS = { electron: '45.5.0', chromium: '146.0.7680.0', node: '24.11.0' };

function handlersWith(log: BlockedRequestLog) {
  const registry = new FileRegistry(() => 'unused');
  const unexpected = async (): Promise<never> => {
    throw new Error('no dialog expected in this test');
  };
  return createIpcHandlers({
    pickBundle: { registry, showOpenDialog: unexpected, fs: { readdir: unexpected, stat: unexpected } },
    readFile: { registry, open: unexpected },
    saveExport: {
      showSaveDialog: unexpected,
      defaultDirectory: '/tmp',
      fs: { writeFile: unexpected, rename: unexpected, rm: unexpected },
    },
    saveStream: {
      showSaveDialog: unexpected,
      defaultDirectory: '/tmp',
      createId: () => 'unused',
      fs: { open: unexpected, rename: unexpected, rm: unexpected },
    },
    appInfo: { version: '0.1.0', platform: 'linux', versions: VERSIONS, blockedRequests: () => log.list() },
    shippedGeoDatabases: { registry, directory: '/nonexistent', fileNames: [], fs: { stat: unexpected } },
    openedFiles: { registry, queue: new OpenedFileQueue(), fs: { stat: unexpected } },
    reportSigning: {
      custody: { info: unexpected, signer: unexpected },
      organisation: { info: unexpected, signer: unexpected, import: unexpected, forget: unexpected },
      pickOrganisationKeyFiles: unexpected,
      readKeyFile: unexpected,
    },
  });
}

describe('app:info', () => {
  it('reports version, platform, runtime versions and the live list of blocked requests', async () => {
    const log = new BlockedRequestLog();
    const handlers = handlersWith(log);
    await expect(handlers['app:info'](APP_SENDER)).resolves.toEqual({
      version: '0.1.0',
      platform: 'linux',
      versions: VERSIONS,
      blockedRequests: [],
    });
    log.record('https://cdn.example/font.woff2');
    await expect(handlers['app:info'](APP_SENDER)).resolves.toMatchObject({
      blockedRequests: ['https://cdn.example/font.woff2'],
    });
  });

  it('refuses extra arguments and strangers', async () => {
    const handlers = handlersWith(new BlockedRequestLog());
    await expect(handlers['app:info'](APP_SENDER, 'x')).rejects.toThrow(
      '[invalid-argument] app:info: expected 0 argument(s)',
    );
    await expect(handlers['app:info']({ url: undefined })).rejects.toThrow('[untrusted-sender]');
  });
});

describe('createIpcHandlers', () => {
  it('has a handler for every channel, each refusing an untrusted sender', async () => {
    const handlers = handlersWith(new BlockedRequestLog());
    expect(Object.keys(handlers).sort()).toEqual([...IPC_CHANNELS].sort());
    for (const channel of IPC_CHANNELS) {
      await expect(handlers[channel]({ url: 'https://evil.example/' })).rejects.toThrow(
        `[untrusted-sender] ${channel}`,
      );
    }
  });
});
