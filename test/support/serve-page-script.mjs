// Bundles a page script (a test/e2e/pages/*.page.ts or a test/bench/*.page.ts) with esbuild and serves it from a
// loopback port: the in-browser store tests and benchmarks both run their code this way, in real Chromium on a
// profile of their own. Plain .mjs so the benchmarks (run by Node, no TypeScript) can import it too.
import { build } from 'esbuild';
import { createServer } from 'node:http';

/** Serves `entry` bundled at `url`; `close()` stops the server. */
export async function servePageScript(entry) {
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    // React reads process.env.NODE_ENV, which a page has no `process` for (the hook tests render components).
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0].text;
  const server = createServer((request, response) => {
    if (request.url === '/page.js') return response.end(script);
    response.setHeader('content-type', 'text/html');
    response.end('<!doctype html><meta charset="utf-8"><script src="/page.js"></script>');
  }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}
