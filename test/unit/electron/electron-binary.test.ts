import { execFile } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { findElectronBinary, MISSING_RUNTIME_MESSAGE } from '../../../build/electron-binary.mjs';
import { useTempDirs, writeTree } from './temp-dir';

const makeDir = useTempDirs();
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const startScript = path.join(repoRoot, 'build', 'start-electron.mjs');

async function runStart(env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [startScript], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

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
    expect(findElectronBinary({ packageDir, env: {} })).toEqual({ found: true, path: path.join(packageDir, 'dist', 'electron') });
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

describe('build/start-electron.mjs', () => {
  it('prints exactly one line and exits 1 when the runtime is missing', async () => {
    const empty = await makeDir();
    const { code, stdout, stderr } = await runStart({ ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${MISSING_RUNTIME_MESSAGE}\n`);
    expect(MISSING_RUNTIME_MESSAGE).toContain('npm run web');
  });

  it('runs the binary on the repo root without ELECTRON_RUN_AS_NODE and passes its exit code on', async () => {
    const fakeRuntime = await makeDir();
    const fakeElectron = path.join(fakeRuntime, 'electron');
    await writeFile(fakeElectron, '#!/bin/sh\necho "app=$1 run-as-node=${ELECTRON_RUN_AS_NODE:-unset}"\nexit 3\n');
    await chmod(fakeElectron, 0o755);
    const { code, stdout } = await runStart({ ELECTRON_OVERRIDE_DIST_PATH: fakeRuntime, ELECTRON_RUN_AS_NODE: '1' });
    expect(stdout).toBe(`app=${repoRoot} run-as-node=unset\n`);
    expect(code).toBe(3);
  });
});
