// Runs one benchmark: npm run bench -- <name> [arguments…]   (npm run bench alone lists them)
// Benchmarks live in test/bench/ as .mjs (run as they are) or .ts (bundled with esbuild into a temporary .mjs first,
// since Node 20 cannot run TypeScript). They print figures and ratios to a baseline measured in the same run;
// none is part of `npm test`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchRoot = path.join(root, 'test', 'bench');

/** Every runnable benchmark by name: the file name without extension (helpers such as generate-logs are skipped). */
function listBenchmarks() {
  const found = new Map();
  for (const entry of readdirSync(benchRoot, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(mjs|ts)$/.test(entry.name) || /^(generate|helpers?|fixtures?)[-.]/.test(entry.name))
      continue;
    // *.page.ts files are bundled into a browser page by their benchmark, not run by Node.
    if (entry.name.endsWith('.spec.ts') || entry.name.endsWith('.page.ts')) continue;
    found.set(entry.name.replace(/\.(mjs|ts)$/, ''), path.join(entry.parentPath ?? entry.path, entry.name));
  }
  return found;
}

const [name, ...args] = process.argv.slice(2);
const benchmarks = listBenchmarks();
if (!name || !benchmarks.has(name)) {
  if (name) console.error(`bench: no benchmark named "${name}".`);
  console.log('Benchmarks (npm run bench -- <name> [arguments]):');
  for (const [benchName, file] of benchmarks) console.log(`  ${benchName.padEnd(24)} ${path.relative(root, file)}`);
  process.exit(name ? 2 : 0);
}
let file = benchmarks.get(name);
if (file.endsWith('.ts')) {
  // Inside node_modules/.cache so the bundle's external packages resolve from the checkout's node_modules.
  const cache = path.join(root, 'node_modules', '.cache', 'tt-bench');
  mkdirSync(cache, { recursive: true });
  const outfile = path.join(cache, `${name}.mjs`);
  await build({
    entryPoints: [file],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    packages: 'external',
  });
  file = outfile;
}
const nodeFlags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const result = spawnSync(process.execPath, [...nodeFlags, file, ...args], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
