import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../build/electron-binary.mjs';
import { electronArtifactName, electronPackage } from '../../../build/electron-download-facts.mjs';
import { startElectronMirror, type ElectronMirror } from '../../support/electron-mirror';
import { useTempDirs } from '../electron/temp-dir';

const makeDir = useTempDirs();
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const startScript = path.join(repoRoot, 'build', 'start-electron.mjs');
const mirrors: ElectronMirror[] = [];
afterEach(async () => {
  await Promise.all(mirrors.splice(0).map((mirror) => mirror.close()));
});

async function runStart(env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [startScript], {
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('build/start-electron.mjs (what `npm start` runs after the build)', () => {
  // Where this checkout already has the runtime, `npm start` would open the app instead of installing.
  const installed = findElectronBinary({ env: {} }).found;

  it.skipIf(installed)(
    'calls the electron package’s own installer and explains its failure without a stack trace',
    async () => {
      const electron = electronPackage();
      const mirror = await startElectronMirror(undefined, electronArtifactName(electron.version));
      mirrors.push(mirror);
      const cache = await makeDir();
      const { code, stdout, stderr } = await runStart({
        ELECTRON_MIRROR: mirror.url,
        electron_config_cache: cache,
        ELECTRON_OVERRIDE_DIST_PATH: '',
      });

      // The request reached our loopback mirror: it came from node_modules/electron's installer, not from a copy.
      expect(mirror.requests).toContain(`/v${electron.version}/${electronArtifactName(electron.version)}`);
      expect(electron.installerPath).toBe(realpathSync(path.join(repoRoot, 'node_modules', 'electron', 'install.js')));
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toContain(`the Electron ${electron.version} runtime is not installed yet; fetching it`);
      expect(stderr).toContain('its download failed: HTTPError: Response code 404');
      expect(stderr).toContain(path.join(cache, ''));
      expect(stderr).not.toMatch(/^\s+at /m);
    },
  );

  it('does not download over an ELECTRON_OVERRIDE_DIST_PATH without the runtime', async () => {
    const empty = await makeDir();
    const { code, stdout, stderr } = await runStart({ ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `no Electron binary at ${path.join(empty, 'electron')}, and ELECTRON_OVERRIDE_DIST_PATH is set`,
    );
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
