// What the `electron` package's installer downloads and where it looks first, stated so that a person on an isolated
// machine can supply it by hand. These are facts about @electron/get's documented behaviour (artifact file name,
// mirror variables, cache layout `<cache root>/<sha256 of the download folder URL>/<file name>`), not its code: the
// download itself is always left to the package's own installer (build/electron-installer.mjs).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';

/**
 * The installed `electron` package: its folder, version and the script behind its `install-electron` command.
 * Resolved through Node's module resolution, never by requiring `electron` (that would start a download).
 * @param {string} [packageJsonPath] where electron/package.json is (tests point at a sandboxed copy)
 */
export function electronPackage(packageJsonPath = require.resolve('electron/package.json')) {
  const manifest = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
  const directory = path.dirname(packageJsonPath);
  const installer = manifest.bin?.['install-electron'];
  if (typeof installer !== 'string') throw new Error(`${packageJsonPath} names no install-electron command`);
  return { directory, version: String(manifest.version), installerPath: path.join(directory, installer) };
}

/** The zip the installer fetches for this machine, e.g. `electron-v45.5.0-linux-x64.zip`. */
export function electronArtifactName(version, platform = process.platform, arch = process.arch) {
  return `electron-v${version.replace(/^v/, '')}-${platform}-${arch}.zip`;
}

/** The folder @electron/get caches downloads in by default, or the one `electron_config_cache` names. */
export function electronCacheRoot(env = process.env, platform = process.platform, home = os.homedir()) {
  if (env.electron_config_cache) return env.electron_config_cache;
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'electron');
  if (platform === 'win32')
    return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'electron', 'Cache');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'electron');
}

/**
 * The exact file the installer reads before going to the network: a copy of the official zip placed there lets it
 * install with no network at all (it still checks the zip against the checksums shipped in the package).
 * Honours ELECTRON_MIRROR and ELECTRON_CUSTOM_DIR, which change the download URL and so the cache folder.
 */
export function electronCacheFile({
  version,
  env = process.env,
  platform = process.platform,
  arch = process.arch,
  home = os.homedir(),
}) {
  const tag = `v${version.replace(/^v/, '')}`;
  const mirror = env.ELECTRON_MIRROR || DEFAULT_MIRROR;
  const folder = (env.ELECTRON_CUSTOM_DIR || tag).replace('{{ version }}', tag.slice(1));
  const folderUrl = new URL(`${mirror}${folder}/${electronArtifactName(version, platform, arch)}`);
  folderUrl.hash = '';
  folderUrl.search = '';
  folderUrl.pathname = path.posix.dirname(folderUrl.pathname);
  const folderKey = createHash('sha256').update(folderUrl.toString()).digest('hex');
  return path.join(electronCacheRoot(env, platform, home), folderKey, electronArtifactName(version, platform, arch));
}
