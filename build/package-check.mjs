// Offline packaging check: packs a Linux `dir` build with electron-builder and build/electron-builder.yml exactly as
// a release would, around a stand-in Electron (build/package-facts.mjs) because no Electron can be downloaded here,
// then proves what was packed: app.asar holds every file of dist/electron and dist/web and package.json and nothing
// else, the geolocation databases and their licence sit in resources/geo, and the fuses in the binary are flipped
// as configured. Usage: node build/package-check.mjs (after `node build/build.mjs all`). Exit 0 when all hold.
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { comparePackedFiles, readFuses, standInElectronBinary } from './package-facts.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const builder = require('electron-builder');
const asar = require('@electron/asar');
const yaml = createRequire(require.resolve('app-builder-lib/package.json'))('js-yaml');

function filesUnder(root, prefix) {
  return readdirSync(path.join(repoRoot, root), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .map((file) => `${prefix}${file}`);
}

for (const built of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/web/index.html']) {
  if (!existsSync(path.join(repoRoot, built))) {
    console.error(`package check: ${built} is missing; run "node build/build.mjs all" first`);
    process.exit(2);
  }
}

const work = mkdtempSync(path.join(os.tmpdir(), 'tokentrail-package-'));
const problems = [];
try {
  const standIn = path.join(work, 'electron-dist');
  mkdirSync(path.join(standIn, 'resources'), { recursive: true });
  writeFileSync(path.join(standIn, 'electron'), standInElectronBinary());
  chmodSync(path.join(standIn, 'electron'), 0o755);
  const electronVersion = require('electron/package.json').version;
  writeFileSync(path.join(standIn, 'version'), electronVersion);
  for (const licence of ['LICENSE', 'LICENSES.chromium.html']) writeFileSync(path.join(standIn, licence), '');

  const config = yaml.load(readFileSync(path.join(repoRoot, 'build/electron-builder.yml'), 'utf8'));
  const output = path.join(work, 'out');
  await builder.build({
    projectDir: repoRoot,
    targets: builder.Platform.LINUX.createTarget('dir', builder.Arch.x64),
    config: { ...config, electronDist: standIn, directories: { ...config.directories, output } },
    publish: 'never',
  });

  const unpacked = path.join(output, 'linux-unpacked');
  const archive = path.join(unpacked, 'resources', 'app.asar');
  const packed = asar
    .listPackage(archive, { isPack: false })
    .filter((entry) => asar.statFile(archive, entry.slice(1), false).size !== undefined)
    .map((entry) => entry.slice(1).split(path.sep).join('/'));
  const expected = [...filesUnder('dist/electron', ''), ...filesUnder('dist/web', ''), 'package.json'];
  const { missing, unexpected } = comparePackedFiles(packed, expected);
  if (missing.length)
    problems.push(`app.asar lacks ${missing.length} built file(s): ${missing.slice(0, 5).join(', ')}`);
  if (unexpected.length)
    problems.push(
      `app.asar holds ${unexpected.length} file(s) the build did not make: ${unexpected.slice(0, 5).join(', ')}`,
    );

  const geo = path.join(unpacked, 'resources', 'geo');
  const geoFiles = config.extraResources[0].filter;
  for (const file of geoFiles) if (!existsSync(path.join(geo, file))) problems.push(`resources/geo/${file} is missing`);

  const binary = path.join(unpacked, config.executableName ?? 'tokentrail');
  const fuses = readFuses(readFileSync(binary));
  for (const [name, wanted] of Object.entries(config.electronFuses)) {
    if (fuses[name] !== wanted) problems.push(`fuse ${name} is ${fuses[name]}, the configuration asks for ${wanted}`);
  }

  const bytes = packed.reduce((sum, file) => sum + asar.statFile(archive, file, false).size, 0);
  console.log(`package check: Linux dir build around a stand-in Electron ${electronVersion}`);
  console.log(
    `  app.asar: ${packed.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB (dist/electron, dist/web, package.json)`,
  );
  console.log(
    `  resources/geo: ${geoFiles.map((file) => `${file} ${(statSync(path.join(geo, file)).size / 1e6).toFixed(1)} MB`).join(', ')}`,
  );
  console.log(
    `  fuses: ${Object.entries(fuses)
      .map(([name, state]) => `${name}=${state}`)
      .join(' ')}`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (problems.length) {
  for (const problem of problems) console.error(`package check: ${problem}`);
  process.exit(1);
}
console.log('package check: passed');
