// Builds Tokentrail's hosts. Usage: node build/build.mjs <cli|electron|web|all>
//   cli       dist/cli/tokentrail.cjs       (the `tokentrail` command; runs on `npm ci` through `prepare`): a tiny
//                                            dispatcher to dist/cli/inspect.cjs (`inspect` alone, quick to start
//                                            on bulk input) or dist/cli/commands.cjs (every command)
//             dist/cli/inspect-worker.cjs   (the analysis worker of `tokentrail inspect` on large inputs: only
//                                            the token engine, so each worker starts without compiling the CLI)
//             dist/cli/node-crypto-worker.cjs (a worker of the CLI's crypto pool: bulk signature verification and
//                                            wordlist secret search; the pool starts it from beside the CLI)
//   electron  dist/electron/main.cjs, dist/electron/preload.cjs (the preload is ONE CommonJS bundle:
//             sandboxed preloads cannot load ES modules or other files)
//   web       dist/web/ (served by the Electron app scheme and `npm run web`)
//             dist/tokentrail.html (one self-contained file that works opened from disk)
import { build as esbuild } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { inlineHtml } from './inline-html.mjs';
import { EMBEDDED_GEO_PACKAGE, embeddedGeoDirectory, geoDataBlocks } from './embedded-geo.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const target = process.argv[2] ?? 'all';

const nodeBundle = (entry, outfile, extra = {}) =>
  esbuild({
    entryPoints: [path.join(root, entry)],
    outfile: path.join(root, outfile),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    define: { __TOKENTRAIL_VERSION__: JSON.stringify(pkg.version) },
    ...extra,
  });

async function buildCli() {
  await nodeBundle('cli/main.ts', 'dist/cli/tokentrail.cjs');
  await nodeBundle('cli/commands-main.ts', 'dist/cli/commands.cjs');
  await nodeBundle('cli/inspect-main.ts', 'dist/cli/inspect.cjs');
  await nodeBundle('cli/inspect-worker-main.ts', 'dist/cli/inspect-worker.cjs');
  await nodeBundle('cli/node-crypto-worker.ts', 'dist/cli/node-crypto-worker.cjs');
}

async function buildElectron() {
  await nodeBundle('electron/main.ts', 'dist/electron/main.cjs', { external: ['electron'] });
  await nodeBundle('electron/preload.ts', 'dist/electron/preload.cjs', { external: ['electron'] });
}

async function buildWeb() {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
  const geoDirectory = embeddedGeoDirectory(root);
  if (!geoDirectory)
    console.warn(
      `web build: ${EMBEDDED_GEO_PACKAGE} is not installed (nor TOKENTRAIL_SINGLE_FILE_GEO_DIR set): dist/tokentrail.html carries no geolocation database`,
    );
  const dataBlocks = geoDirectory ? await geoDataBlocks(geoDirectory) : '';
  const written = await inlineHtml(path.join(root, 'dist/web'), path.join(root, 'dist/tokentrail.html'), dataBlocks);
  console.log(
    `web build: dist/web/ and ${path.relative(root, written.file)} (${(written.bytes / 1024).toFixed(0)} KiB)`,
  );
}

const steps = { cli: [buildCli], electron: [buildElectron], web: [buildWeb], all: [buildCli, buildElectron, buildWeb] };
if (!steps[target]) {
  console.error(`build: unknown target "${target}" (expected cli, electron, web or all)`);
  process.exit(2);
}
for (const step of steps[target]) await step();
