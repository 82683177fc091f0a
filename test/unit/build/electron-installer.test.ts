import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../../build/electron-binary.mjs';
import { electronArtifactName, electronCacheFile, electronPackage } from '../../../build/electron-download-facts.mjs';
import { installerFailureCause, progressPrinter, runElectronInstaller } from '../../../build/electron-installer.mjs';
import {
  fakeRuntimeZip,
  sandboxElectronPackage,
  startElectronMirror,
  type ElectronMirror,
} from '../../support/electron-mirror';
import { useTempDirs } from '../electron/temp-dir';

const makeDir = useTempDirs();
const mirrors: ElectronMirror[] = [];
afterEach(async () => {
  await Promise.all(mirrors.splice(0).map((mirror) => mirror.close()));
});

/** The real installer of a sandboxed copy of the electron package, pointed at a loopback mirror and a fresh cache. */
async function sandboxedInstaller(serveZip: boolean) {
  const root = await makeDir();
  const electron = electronPackage(path.join(await sandboxElectronPackage(root), 'package.json'));
  const zipName = electronArtifactName(electron.version);
  const mirror = await startElectronMirror(serveZip ? fakeRuntimeZip(electron.version) : undefined, zipName);
  mirrors.push(mirror);
  const env = {
    ...process.env,
    ELECTRON_MIRROR: mirror.url,
    electron_use_remote_checksums: '1',
    electron_config_cache: path.join(root, 'cache'),
    ELECTRON_GET_NO_PROGRESS: '1',
  };
  const progress: unknown[] = [];
  const install = () =>
    runElectronInstaller({
      installerPath: electron.installerPath,
      distDirectory: path.join(electron.directory, 'dist'),
      env,
      pollMilliseconds: 5,
      logPath: path.join(root, 'install.log'),
      onProgress: (bytes) => progress.push(bytes),
    });
  return { root, electron, zipName, mirror, env, install, progress };
}

describe('runElectronInstaller with the electron package’s own installer', () => {
  it('downloads, checks and unpacks the runtime so the lookup finds it, and caches the zip where we say', async () => {
    const sandbox = await sandboxedInstaller(true);
    expect(findElectronBinary({ packageDir: sandbox.electron.directory, env: {} }).found).toBe(false);

    expect(await sandbox.install()).toEqual({ ok: true });
    expect(sandbox.mirror.requests).toContain(`/v${sandbox.electron.version}/${sandbox.zipName}`);
    expect(findElectronBinary({ packageDir: sandbox.electron.directory, env: {} })).toEqual({
      found: true,
      path: path.join(sandbox.electron.directory, 'dist', 'electron'),
    });
    expect(existsSync(electronCacheFile({ version: sandbox.electron.version, env: sandbox.env }))).toBe(true);
  });

  it('installs from the cache alone once the zip is there (the offline route the failure message gives)', async () => {
    const sandbox = await sandboxedInstaller(true);
    expect(await sandbox.install()).toEqual({ ok: true });
    await rm(path.join(sandbox.electron.directory, 'dist'), { recursive: true });
    await rm(path.join(sandbox.electron.directory, 'path.txt'));
    sandbox.mirror.serveZip = false;
    const zipRequestsBefore = sandbox.mirror.requests.filter((request) => request.endsWith('.zip')).length;

    expect(await sandbox.install()).toEqual({ ok: true });
    expect(sandbox.mirror.requests.filter((request) => request.endsWith('.zip'))).toHaveLength(zipRequestsBefore);
    expect(findElectronBinary({ packageDir: sandbox.electron.directory, env: {} }).found).toBe(true);
  });

  it('reports a mirror without the zip by the installer’s first error line and keeps the stack in the log', async () => {
    const sandbox = await sandboxedInstaller(false);
    const result = await sandbox.install();
    expect(result).toMatchObject({ ok: false, cause: expect.stringMatching(/^HTTPError: Response code 404/) });
    if (result.ok) return;
    expect(result.cause).not.toContain('\n');
    expect(readFileSync(result.logPath, 'utf8')).toMatch(/\n\s+at /);
  });

  it('stops a download that makes no progress instead of hanging its caller', async () => {
    const root = await makeDir();
    const electron = electronPackage(path.join(await sandboxElectronPackage(root), 'package.json'));
    const silent = createServer(() => {
      // Accept the request and never answer: a blocked network as seen from the installer.
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const result = await runElectronInstaller({
        installerPath: electron.installerPath,
        distDirectory: path.join(electron.directory, 'dist'),
        env: {
          ...process.env,
          ELECTRON_MIRROR: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`,
          electron_config_cache: path.join(root, 'cache'),
        },
        stallMilliseconds: 1000,
        pollMilliseconds: 50,
        logPath: path.join(root, 'install.log'),
      });
      expect(result).toMatchObject({ ok: false, cause: 'no data arrived for 1 s, so the download was stopped' });
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });
});

describe('installerFailureCause', () => {
  it('keeps the error line and drops the stack', () => {
    const stderr =
      'HTTPError: Response code 404 (Not Found) for http://x/y.zip\n    at FetchDownloader.download (file:///a.js:1:1)\n';
    expect(installerFailureCause(stderr, 1)).toBe('HTTPError: Response code 404 (Not Found) for http://x/y.zip');
  });

  it('says a bare fetch failure in words and names a silent failure by its exit code', () => {
    expect(installerFailureCause('TypeError: fetch failed\n    at x\n', 1)).toContain('could not be reached');
    expect(installerFailureCause('', 7)).toBe('the installer exited with code 7 and printed nothing');
  });
});

describe('progressPrinter', () => {
  const megabytes = (count: number) => count * 1024 * 1024;

  it('writes a line per 10 MB and per stage to a log', () => {
    const logLines: string[] = [];
    const log = progressPrinter(
      { write: (text: string) => logLines.push(text), isTTY: false } as never,
      'Electron 45.5.0',
    );
    for (const received of [1, 5, 11, 12, 25]) log.update({ downloadedBytes: megabytes(received), unpackedBytes: 0 });
    log.update({ downloadedBytes: 0, unpackedBytes: megabytes(3) });
    log.finish();
    expect(logLines).toEqual([
      '  Electron 45.5.0: 1.0 MB received\n',
      '  Electron 45.5.0: 11.0 MB received\n',
      '  Electron 45.5.0: 25.0 MB received\n',
      '  Electron 45.5.0: 3.0 MB unpacked\n',
    ]);
  });

  it('keeps one updating line on a terminal and ends it', () => {
    const terminal: string[] = [];
    const tty = progressPrinter(
      { write: (text: string) => terminal.push(text), isTTY: true } as never,
      'Electron 45.5.0',
    );
    tty.update({ downloadedBytes: megabytes(2), unpackedBytes: 0 });
    tty.finish();
    expect(terminal).toEqual(['\r  Electron 45.5.0: 2.0 MB received   ', '\n']);
  });
});
