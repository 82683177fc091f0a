import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createSaveExportHandler,
  type ExportFileSystem,
  type SaveDialogRequest,
} from '../../../../electron/handlers/save-export';
import { APP_SENDER, useTempDirs } from '../temp-dir';

const makeDir = useTempDirs();
const report = new TextEncoder().encode('{"case":"incident-42"}');

function setup(
  answer: (request: SaveDialogRequest) => { canceled: boolean; filePath?: string },
  fileSystem: ExportFileSystem = fs,
) {
  const requests: SaveDialogRequest[] = [];
  const handler = createSaveExportHandler({
    fs: fileSystem,
    defaultDirectory: '/home/investigator/Documents',
    showSaveDialog: async (request) => {
      requests.push(request);
      return answer(request);
    },
  });
  return { handler, requests };
}

describe('export:save', () => {
  it('writes the bytes where the investigator chose and suggests the name in the default folder', async () => {
    const dir = await makeDir();
    const target = path.join(dir, 'report.json');
    const { handler, requests } = setup(() => ({ canceled: false, filePath: target }));
    await expect(handler(APP_SENDER, 'report.json', report)).resolves.toEqual({ saved: true, path: target });
    expect(await fs.readFile(target, 'utf8')).toBe('{"case":"incident-42"}');
    expect(requests[0]?.defaultPath).toBe(path.join('/home/investigator/Documents', 'report.json'));
    expect(requests[0]?.properties).toContain('showOverwriteConfirmation');
    expect(await fs.readdir(dir)).toEqual(['report.json']);
  });

  it('replaces an existing file the dialog confirmed overwriting', async () => {
    const dir = await makeDir();
    const target = path.join(dir, 'report.json');
    await fs.writeFile(target, 'old report');
    const { handler } = setup(() => ({ canceled: false, filePath: target }));
    await handler(APP_SENDER, 'report.json', report);
    expect(await fs.readFile(target, 'utf8')).toBe('{"case":"incident-42"}');
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const dir = await makeDir();
    const { handler } = setup(() => ({ canceled: true, filePath: '' }));
    await expect(handler(APP_SENDER, 'report.json', report)).resolves.toEqual({ saved: false });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('leaves the previous file intact and no partial file behind when the write fails', async () => {
    const dir = await makeDir();
    const target = path.join(dir, 'report.json');
    await fs.writeFile(target, 'previous report');
    const failingRename: ExportFileSystem = {
      writeFile: (filePath, bytes, options) => fs.writeFile(filePath, bytes, options),
      rename: async () => {
        throw new Error('ENOSPC: no space left on device');
      },
      rm: (filePath, options) => fs.rm(filePath, options),
    };
    const { handler } = setup(() => ({ canceled: false, filePath: target }), failingRename);
    await expect(handler(APP_SENDER, 'report.json', report)).rejects.toThrow('ENOSPC');
    expect(await fs.readFile(target, 'utf8')).toBe('previous report');
    expect(await fs.readdir(dir)).toEqual(['report.json']);
  });

  it('validates the name, the bytes and the sender before showing a dialog', async () => {
    const { handler, requests } = setup(() => ({ canceled: true }));
    await expect(handler(APP_SENDER, '../../.bashrc', report)).rejects.toThrow(
      'suggestedName must be a plain file name',
    );
    await expect(handler(APP_SENDER, 'report.json', 'not bytes')).rejects.toThrow('bytes must be a Uint8Array');
    await expect(handler({ url: 'devtools://devtools/' }, 'report.json', report)).rejects.toThrow('[untrusted-sender]');
    expect(requests).toEqual([]);
  });
});
