import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileRegistry } from '../../../../electron/handlers/file-registry';
import {
  OpenedFileQueue,
  createOpenedFilesHandler,
  openablePathsFromArgv,
  openedFileKind,
} from '../../../../electron/handlers/opened-files';
import { APP_SENDER, useTempDirs, writeTree } from '../temp-dir';

const makeDir = useTempDirs();

describe('files the operating system asks to open', () => {
  it('knows case archives and bundles by extension, whatever the case of the letters', () => {
    expect(openedFileKind('/cases/Breach.TTCASE')).toBe('case-archive');
    expect(openedFileKind('C:\\evidence\\okta.ttbundle')).toBe('bundle');
    expect(openedFileKind('/evidence/bundle.zip')).toBe('bundle');
    expect(openedFileKind('/evidence/notes.txt')).toBeUndefined();
  });

  it('takes openable paths from a command line and leaves options and other paths alone', () => {
    expect(
      openablePathsFromArgv(['--no-sandbox', '/e/a.ttcase', '/e/readme.txt', '-psn_0_1', '/e/b.ttbundle']),
    ).toEqual(['/e/a.ttcase', '/e/b.ttbundle']);
  });

  it('registers each queued file once, and names the ones it cannot read', async () => {
    const directory = await makeDir();
    await writeTree(directory, { 'case.ttcase': 'PK…', 'folder.ttbundle/manifest.json': '{}' });
    let next = 0;
    const registry = new FileRegistry(() => `opened-${(next += 1)}`);
    const queue = new OpenedFileQueue();
    const handler = createOpenedFilesHandler({ queue, registry, fs });
    queue.add(['case.ttcase', 'folder.ttbundle', 'gone.ttbundle'].map((name) => path.join(directory, name)));

    const opened = await handler(APP_SENDER);
    expect(opened[0]).toEqual({
      kind: 'case-archive',
      name: 'case.ttcase',
      handle: { id: 'opened-1', path: 'case.ttcase', size: 5 },
    });
    expect(registry.resolve('opened-1')).toBe(path.join(directory, 'case.ttcase'));
    expect(opened[1]).toEqual({
      kind: 'bundle',
      name: 'folder.ttbundle',
      problem: 'folder.ttbundle is not a regular file',
    });
    expect(opened[2]?.problem).toMatch(/^gone\.ttbundle cannot be read: ENOENT/);
    await expect(handler(APP_SENDER)).resolves.toEqual([]);
  });
});
