import { createHash } from 'node:crypto';
import { copyFile, mkdir, symlink } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { craftZip } from './craft-zip';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const realPackage = path.join(repoRoot, 'node_modules', 'electron');

/**
 * A copy of the installed `electron` package (its own install.js, package.json and checksums.json, byte for byte)
 * in `root`/node_modules/electron, with its dependencies linked from the real node_modules. The installer unpacks
 * into the folder it runs from, so tests run the real installer here and never write into the checkout's packages.
 */
export async function sandboxElectronPackage(root: string): Promise<string> {
  const directory = path.join(root, 'node_modules', 'electron');
  await mkdir(directory, { recursive: true });
  for (const file of ['install.js', 'package.json', 'checksums.json']) {
    await copyFile(path.join(realPackage, file), path.join(directory, file));
  }
  for (const scope of ['@electron', '@electron-internal']) {
    await symlink(path.join(repoRoot, 'node_modules', scope), path.join(root, 'node_modules', scope));
  }
  return directory;
}

/** A stand-in Electron runtime zip: an executable shell script named `electron` that prints its arguments. */
export function fakeRuntimeZip(version: string): Uint8Array {
  return craftZip([
    { name: 'electron', data: '#!/bin/sh\necho "fake electron $*"\n', unixMode: 0o100755 },
    { name: 'version', data: `v${version}` },
  ]);
}

export interface ElectronMirror {
  /** ELECTRON_MIRROR value pointing at this server. */
  readonly url: string;
  /** Every path requested, in order. */
  readonly requests: string[];
  /** Whether the zip is served (false: 404, as for a mirror that lacks it). */
  serveZip: boolean;
  close(): Promise<void>;
}

/**
 * A loopback Electron mirror: serves `zip` under any `/v<version>/<name>.zip` and a SHASUMS256.txt that vouches for
 * it (the tests set electron_use_remote_checksums, since the package's own checksums are for the real runtime).
 */
export async function startElectronMirror(zip: Uint8Array | undefined, zipName: string): Promise<ElectronMirror> {
  const requests: string[] = [];
  const sha256 = zip ? createHash('sha256').update(zip).digest('hex') : '0'.repeat(64);
  const server: Server = createServer((request, response) => {
    const requested = request.url ?? '';
    requests.push(requested);
    if (requested.endsWith('/SHASUMS256.txt')) {
      response.end(`${sha256} *${zipName}\n`);
    } else if (zip && mirror.serveZip && requested.endsWith(`/${zipName}`)) {
      response.setHeader('content-length', String(zip.length));
      response.end(Buffer.from(zip));
    } else {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const mirror: ElectronMirror = {
    url: `http://127.0.0.1:${port}/`,
    requests,
    serveZip: zip !== undefined,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return mirror;
}
