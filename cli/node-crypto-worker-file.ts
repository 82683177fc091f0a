import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { WorkerOptions } from 'node:worker_threads';

/**
 * Where the crypto pool's workers come from. The worker is its own module (cli/node-crypto-worker.ts) and its own
 * esbuild entry (build/build.mjs), shipped beside the CLI as dist/cli/node-crypto-worker.cjs:
 * - run from a bundle (this code's file ends in .cjs: the CLI, or a test or benchmark that bundles the pool), the
 *   pool starts the worker file next to the bundle, which whoever bundles must build beside it;
 * - run from the TypeScript sources (vitest: it does not transform worker threads, and Node 20 cannot load .ts), the
 *   pool bundles cli/node-crypto-worker.ts in memory with esbuild, the same bundler and source as the build, and
 *   runs the result with `eval`. Tests so exercise the real worker code as it stands, never a stale dist/ file, and
 *   need no build step. esbuild is a dev dependency: it is there wherever the sources run, and the bundled CLI never
 *   reaches this branch (nor bundles esbuild: it is loaded through a require made at run time).
 */

const WORKER_BUNDLE = 'node-crypto-worker.cjs';
const WORKER_SOURCE = 'node-crypto-worker.ts';

/** The worker bundled from the sources, once per process. */
let bundledFromSource: string | undefined;

/** The script and options for `new Worker(script, options)` that start a crypto worker. */
export function cryptoWorkerScript(): { readonly script: string; readonly options: WorkerOptions } {
  const here = typeof __filename === 'string' ? __filename : '';
  if (here.endsWith('.ts'))
    return {
      script: (bundledFromSource ??= bundleWorkerSource(path.join(path.dirname(here), WORKER_SOURCE))),
      options: { eval: true },
    };
  const file = path.join(path.dirname(here), WORKER_BUNDLE);
  if (!existsSync(file))
    throw new Error(`tokentrail: ${file} is missing (it is built beside the CLI by "npm run prepare").`);
  return { script: file, options: {} };
}

function bundleWorkerSource(entry: string): string {
  const { buildSync } = createRequire(entry)('esbuild') as typeof import('esbuild');
  const result = buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}
