import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../build/electron-binary.mjs';
import { useTempDirs, writeTree } from '../electron/temp-dir';

const makeDir = useTempDirs();

describe('findElectronBinary', () => {
  it('reports a package without path.txt as never downloaded', async () => {
    const packageDir = await makeDir();
    const result = findElectronBinary({ packageDir, env: {} });
    expect(result).toEqual({ found: false, reason: expect.stringContaining('path.txt is missing') });
  });

  it('reports a path.txt naming a binary that is not there', async () => {
    const packageDir = await makeDir();
    await writeTree(packageDir, { 'path.txt': 'electron' });
    expect(findElectronBinary({ packageDir, env: {} })).toEqual({
      found: false,
      reason: `no Electron binary at ${path.join(packageDir, 'dist', 'electron')}`,
    });
  });

  it('finds the binary path.txt names inside dist/', async () => {
    const packageDir = await makeDir();
    await writeTree(packageDir, { 'path.txt': 'electron', 'dist/electron': '' });
    expect(findElectronBinary({ packageDir, env: {} })).toEqual({
      found: true,
      path: path.join(packageDir, 'dist', 'electron'),
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH as the electron package does', async () => {
    const packageDir = await makeDir();
    const override = await makeDir();
    await writeTree(override, { electron: '' });
    expect(findElectronBinary({ packageDir, env: { ELECTRON_OVERRIDE_DIST_PATH: override } })).toEqual({
      found: true,
      path: path.join(override, 'electron'),
    });
  });
});
