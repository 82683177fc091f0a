import path from 'node:path';
import { build } from 'esbuild';

/**
 * Bundle the CLI into `dir` as build/build.mjs does into dist/cli: tokentrail.cjs (the dispatcher) with commands.cjs,
 * inspect.cjs and its crypto worker beside it
 * (the crypto pool starts node-crypto-worker.cjs from next to the bundle), and, when asked, the dedicated inspect
 * worker (without it, `inspect` workers run the CLI bundle itself). Returns the CLI bundle's path.
 */
export async function buildCliInto(dir: string, options: { inspectWorker?: boolean } = {}): Promise<string> {
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'cjs' as const,
    target: 'node20',
    logLevel: 'warning' as const,
    define: { __TOKENTRAIL_VERSION__: '"test"' },
  };
  const entries: [string, string][] = [
    ['cli/main.ts', 'tokentrail.cjs'],
    ['cli/commands-main.ts', 'commands.cjs'],
    ['cli/inspect-main.ts', 'inspect.cjs'],
    ['cli/node-crypto-worker.ts', 'node-crypto-worker.cjs'],
    ...(options.inspectWorker ? [['cli/inspect-worker-main.ts', 'inspect-worker.cjs'] as [string, string]] : []),
  ];
  await Promise.all(
    entries.map(([entry, file]) =>
      build({ ...common, entryPoints: [path.resolve(entry)], outfile: path.join(dir, file) }),
    ),
  );
  return path.join(dir, 'tokentrail.cjs');
}
