import { linkSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileRegistry } from '../../../../electron/handlers/file-registry';
import {
  createPickBundleHandler,
  openDialogRequestFor,
  type OpenDialogRequest,
} from '../../../../electron/handlers/pick-bundle';
import { walkFolder } from '../../../../electron/handlers/walk-folder';
import { MAX_FOLDER_FILES } from '../../../../ipc/ipc-contract';
import { APP_SENDER, useTempDirs, writeTree } from '../temp-dir';

const makeDir = useTempDirs();

/** A fake native dialog that answers with fixed paths and remembers what it was asked. */
function fakeDialog(answer: { canceled: boolean; filePaths: string[] }) {
  const requests: OpenDialogRequest[] = [];
  return {
    requests,
    showOpenDialog: async (request: OpenDialogRequest) => {
      requests.push(request);
      return answer;
    },
  };
}

function sequentialIds(): () => string {
  let next = 0;
  return () => `id-${(next += 1)}`;
}

function setup(answer: { canceled: boolean; filePaths: string[] }) {
  const dialog = fakeDialog(answer);
  const registry = new FileRegistry(sequentialIds());
  const handler = createPickBundleHandler({ showOpenDialog: dialog.showOpenDialog, fs, registry });
  return { dialog, registry, handler };
}

describe('bundle:pick', () => {
  it('returns null when the dialog is cancelled', async () => {
    const { handler, dialog } = setup({ canceled: true, filePaths: [] });
    await expect(handler(APP_SENDER, 'files')).resolves.toBeNull();
    expect(dialog.requests).toHaveLength(1);
  });

  it('opens the dialog that fits each kind', () => {
    expect(openDialogRequestFor('files').properties).toEqual(['openFile', 'multiSelections', 'dontAddToRecent']);
    expect(openDialogRequestFor('folder').properties).toContain('openDirectory');
    expect(openDialogRequestFor('zip')).toMatchObject({
      properties: ['openFile', 'dontAddToRecent'],
      filters: [{ extensions: ['zip', 'ttbundle', 'ttcase'] }],
    });
  });

  it('registers loose files by bare name and size, named after their folder', async () => {
    const dir = await makeDir();
    await writeTree(dir, { 'incident-42/access.log': 'GET /\n', 'incident-42/jwks.json': '{"keys":[]}' });
    const picked = [path.join(dir, 'incident-42', 'access.log'), path.join(dir, 'incident-42', 'jwks.json')];
    const { handler, registry } = setup({ canceled: false, filePaths: picked });
    const result = await handler(APP_SENDER, 'files');
    expect(result).toEqual({
      name: 'incident-42',
      handles: [
        { id: 'id-1', path: 'access.log', size: 6 },
        { id: 'id-2', path: 'jwks.json', size: 11 },
      ],
    });
    expect(registry.resolve('id-2')).toBe(picked[1]);
  });

  it('names a single file or zip pick after the file', async () => {
    const dir = await makeDir();
    await writeTree(dir, { 'evidence.zip': new Uint8Array(10) });
    const { handler } = setup({ canceled: false, filePaths: [path.join(dir, 'evidence.zip')] });
    await expect(handler(APP_SENDER, 'zip')).resolves.toEqual({
      name: 'evidence.zip',
      handles: [{ id: 'id-1', path: 'evidence.zip', size: 10 }],
    });
  });

  it('walks a folder recursively with /-separated relative paths, skipping symlinks', async () => {
    const dir = await makeDir();
    const outside = await makeDir();
    await writeTree(outside, { 'private.key': 'do not import' });
    await writeTree(dir, {
      'case/manifest.json': '{}',
      'case/logs/gateway/2024-05-01.jsonl': '{"a":1}\n',
      'case/logs/idp.log': 'line\n',
      'case/keys/jwks.json': '{"keys":[]}',
    });
    await fs.symlink(path.join(outside, 'private.key'), path.join(dir, 'case', 'keys', 'linked.key'));
    await fs.symlink(outside, path.join(dir, 'case', 'linked-dir'));
    const { handler, registry } = setup({ canceled: false, filePaths: [path.join(dir, 'case')] });
    const result = await handler(APP_SENDER, 'folder');
    expect(result?.name).toBe('case');
    expect(result?.handles.map((handle) => [handle.path, handle.size])).toEqual([
      ['keys/jwks.json', 11],
      ['logs/gateway/2024-05-01.jsonl', 8],
      ['logs/idp.log', 5],
      ['manifest.json', 2],
    ]);
    const first = result?.handles[0];
    expect(first && registry.resolve(first.id)).toBe(path.join(dir, 'case', 'keys', 'jwks.json'));
  });

  it('fails a picked path that is not a regular file with a clear error', async () => {
    const dir = await makeDir();
    const { handler } = setup({ canceled: false, filePaths: [path.join(dir, 'gone.log')] });
    await expect(handler(APP_SENDER, 'files')).rejects.toThrow(
      /\[unreadable-path\] bundle:pick: cannot read .*gone\.log/,
    );
    const folderPick = setup({ canceled: false, filePaths: [dir] });
    await expect(folderPick.handler(APP_SENDER, 'zip')).rejects.toThrow('is not a regular file');
  });

  it('refuses an untrusted sender and an invalid kind before opening any dialog', async () => {
    const { handler, dialog } = setup({ canceled: true, filePaths: [] });
    await expect(handler({ url: 'https://evil.example/' }, 'folder')).rejects.toThrow('[untrusted-sender]');
    await expect(handler(APP_SENDER, '../../')).rejects.toThrow('[invalid-argument]');
    expect(dialog.requests).toEqual([]);
  });
});

describe('walkFolder', () => {
  it(`refuses a folder holding more than ${MAX_FOLDER_FILES} files instead of importing part of it`, async () => {
    const dir = await makeDir();
    // Hard links to one empty file: real directory entries of regular files, created ~50x faster than new files.
    await writeTree(dir, { 'f0.log': '' });
    for (let index = 1; index <= MAX_FOLDER_FILES; index += 1) {
      linkSync(path.join(dir, 'f0.log'), path.join(dir, `f${index}.log`));
    }
    await expect(walkFolder(fs, dir)).rejects.toThrow(/\[too-many-files\] .*more than 10,000 files/);
  });

  it('counts files across nested folders against the limit', async () => {
    const dir = await makeDir();
    await writeTree(dir, { 'a/1': '', 'a/b/2': '', 'c/3': '' });
    await expect(walkFolder(fs, dir, 3)).resolves.toHaveLength(3);
    await expect(walkFolder(fs, dir, 2)).rejects.toThrow('[too-many-files]');
  });

  it("counts a folder's own files even when a subfolder sorts before them", async () => {
    const dir = await makeDir();
    // 'a' sorts before 'b.log', so a's two files are pushed first and b.log is the third file found.
    await writeTree(dir, { 'a/1.log': '', 'a/2.log': '', 'b.log': '' });
    await expect(walkFolder(fs, dir, 2)).rejects.toThrow('[too-many-files]');
    await expect(walkFolder(fs, dir, 3)).resolves.toHaveLength(3);
  });

  it('names a folder it cannot read', async () => {
    const dir = await makeDir();
    await expect(walkFolder(fs, path.join(dir, 'missing'))).rejects.toThrow(
      /\[unreadable-path\] .*cannot read folder .*missing/,
    );
  });
});
