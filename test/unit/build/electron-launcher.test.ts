import { describe, expect, it, vi } from 'vitest';
import { startElectron } from '../../../build/electron-launcher.mjs';

type Lookup = { found: true; path: string } | { found: false; reason: string };
const MISSING: Lookup = { found: false, reason: 'no Electron binary: path.txt is missing' };
const PRESENT: Lookup = { found: true, path: '/opt/electron/electron' };

/** The launcher with every dependency injected: lookups answer in order, the installer and launch are spies. */
function launcherWith(options: {
  lookups: Lookup[];
  install?: { ok: true } | { ok: false; cause: string; logPath: string };
  env?: NodeJS.ProcessEnv;
}) {
  const lookups = [...options.lookups];
  const findBinary = vi.fn(() => lookups.shift() ?? MISSING);
  const installRuntime = vi.fn(async () => options.install ?? { ok: true as const });
  const launch = vi.fn(async () => 0);
  const said: string[] = [];
  const failures: string[] = [];
  const run = () =>
    startElectron({
      version: '45.5.0',
      env: options.env ?? {},
      cacheFile: '/home/ana/.cache/electron/abc/electron-v45.5.0-linux-x64.zip',
      findBinary,
      installRuntime,
      launch,
      say: (line) => said.push(line),
      fail: (message) => failures.push(message),
    });
  return { run, findBinary, installRuntime, launch, said, failures };
}

describe('startElectron (npm start)', () => {
  it('launches a present runtime without running the installer', async () => {
    const launcher = launcherWith({ lookups: [PRESENT] });
    expect(await launcher.run()).toBe(0);
    expect(launcher.installRuntime).not.toHaveBeenCalled();
    expect(launcher.launch).toHaveBeenCalledWith('/opt/electron/electron');
    expect(launcher.said).toEqual([]);
  });

  it('runs the installer when the runtime is missing, then launches what it installed', async () => {
    const launcher = launcherWith({ lookups: [MISSING, PRESENT] });
    expect(await launcher.run()).toBe(0);
    expect(launcher.installRuntime).toHaveBeenCalledTimes(1);
    expect(launcher.launch).toHaveBeenCalledWith('/opt/electron/electron');
    expect(launcher.said[0]).toContain("fetching it with the electron package's installer");
  });

  it('says what failed and every way forward, without a stack trace, and exits 1 when the download fails', async () => {
    const launcher = launcherWith({
      lookups: [MISSING],
      install: {
        ok: false,
        cause: 'the download server could not be reached (fetch failed: no network?)',
        logPath: '/tmp/install.log',
      },
    });
    expect(await launcher.run()).toBe(1);
    expect(launcher.launch).not.toHaveBeenCalled();
    const [message] = launcher.failures;
    expect(message).toContain(
      'Electron 45.5.0 runtime is missing and its download failed: the download server could not be reached',
    );
    expect(message).toContain('electron-v45.5.0-');
    expect(message).toContain('/home/ana/.cache/electron/abc/electron-v45.5.0-linux-x64.zip');
    for (const wayForward of [
      'ELECTRON_MIRROR',
      'ELECTRON_OVERRIDE_DIST_PATH',
      'npm run web',
      'dist/tokentrail.html',
      'docs/install-offline.md',
      '/tmp/install.log',
    ]) {
      expect(message).toContain(wayForward);
    }
    expect(message).not.toMatch(/^\s+at /m);
  });

  it('fails when the installer succeeds but still no runtime can be found', async () => {
    const launcher = launcherWith({
      lookups: [MISSING, { found: false, reason: 'no Electron binary at /x/dist/electron' }],
    });
    expect(await launcher.run()).toBe(1);
    expect(launcher.launch).not.toHaveBeenCalled();
    expect(launcher.failures[0]).toContain('the installer finished but no Electron binary at /x/dist/electron');
  });

  it('never downloads over an ELECTRON_OVERRIDE_DIST_PATH that lacks the runtime', async () => {
    const launcher = launcherWith({ lookups: [MISSING], env: { ELECTRON_OVERRIDE_DIST_PATH: '/media/usb/electron' } });
    expect(await launcher.run()).toBe(1);
    expect(launcher.installRuntime).not.toHaveBeenCalled();
    expect(launcher.failures[0]).toContain('ELECTRON_OVERRIDE_DIST_PATH is set, so nothing is downloaded');
  });
});
