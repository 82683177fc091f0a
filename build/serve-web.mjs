// Serves the built renderer (dist/web) on the loopback interface for `npm run web` and the end-to-end
// tests. node:http only; GET/HEAD of files under dist/web, nothing else. PORT=0 picks a free port.
//   node build/serve-web.mjs            → http://127.0.0.1:5317/
//   PORT=8080 node build/serve-web.mjs
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'web');
const host = '127.0.0.1';
const port = Number(process.env.PORT ?? 5317);

const MEDIA_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Maps a URL path to a file inside root, or null when it would escape root. */
function fileFor(urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const file = path.resolve(root, relative);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

const server = createServer(async (request, response) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  let file;
  try {
    file = fileFor(request.url ?? '/');
  } catch {
    file = null; // malformed percent-encoding
  }
  if (!file) {
    response.writeHead(400).end('Bad path');
    return;
  }
  try {
    const body = await readFile(file);
    response.writeHead(200, {
      'content-type': MEDIA_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  } catch (error) {
    const missing = error && error.code === 'ENOENT';
    response.writeHead(missing ? 404 : 500).end(missing ? 'Not found' : 'Read failed');
  }
});

server.on('error', (error) => {
  console.error(`serve-web: cannot listen on ${host}:${port}: ${error.message}`);
  process.exit(1);
});

try {
  await readFile(path.join(root, 'index.html'));
} catch {
  console.error('serve-web: dist/web/index.html is missing; run `node build/build.mjs web` first.');
  process.exit(1);
}

server.listen(port, host, () => {
  const address = server.address();
  console.log(`Tokentrail web: http://${host}:${address.port}/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
