import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import {
  createMmdbLocator,
  describeMmdb,
  MmdbReader,
  pagedSource,
  SHIPPED_GEO_DATABASES,
  SHIPPED_GEO_LICENSE,
  SHIPPED_GEO_PACKAGE,
  type GeoLocator,
  type OpenedGeoDatabase,
} from '../core';

/**
 * Node's side of core/geo: opens MMDB files for random access (pages read on demand, never the whole file) and
 * hashes them so every case records exactly which database placed its IPs. No network, ever.
 */

const SHIPPED_PACKAGE = path.join('node_modules', ...SHIPPED_GEO_PACKAGE.split('/'));

function ancestors(start: string): string[] {
  const out: string[] = [];
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    out.push(dir);
    if (path.dirname(dir) === dir) return out;
  }
}

/** The running script's real path: a globally installed CLI runs through a symlink in the prefix's bin folder. */
function runningScript(): string {
  const script = process.argv[1] ?? '.';
  try {
    return realpathSync(script);
  } catch {
    return script;
  }
}

/** Where the shipped DB-IP files are: next to the running CLI or the working directory, or TOKENTRAIL_GEO_DIR. */
export function shippedDatabaseDir(): string | undefined {
  const roots = [
    ...(process.env.TOKENTRAIL_GEO_DIR ? [process.env.TOKENTRAIL_GEO_DIR] : []),
    ...ancestors(path.dirname(runningScript())).map((dir) => path.join(dir, SHIPPED_PACKAGE)),
    ...ancestors(process.cwd()).map((dir) => path.join(dir, SHIPPED_PACKAGE)),
  ];
  return roots.find((dir) => existsSync(path.join(dir, SHIPPED_GEO_DATABASES[0]!.file)));
}

/** Open one MMDB file: validated (metadata read), hashed, ready for lookups. */
export function openMmdbFile(
  filePath: string,
  naming: { name: string; idPrefix: string; license?: string },
): OpenedGeoDatabase & { close(): void } {
  const fd = openSync(filePath, 'r');
  try {
    const { size } = fstatSync(fd);
    const hash = createHash('sha256');
    const buffer = Buffer.alloc(4 * 1024 * 1024);
    for (let offset = 0; offset < size;) {
      const read = readSync(fd, buffer, 0, buffer.length, offset);
      if (read <= 0) break;
      hash.update(buffer.subarray(0, read));
      offset += read;
    }
    const source = pagedSource(size, (offset, length) => {
      const page = Buffer.alloc(length);
      const read = readSync(fd, page, 0, length, offset);
      return new Uint8Array(page.buffer, page.byteOffset, read);
    });
    const reader = new MmdbReader(source);
    const info = describeMmdb(reader, { ...naming, sha256: hash.digest('hex'), size });
    return { reader, info, close: () => closeSync(fd) };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** A locator over the investigator's own MMDB files, or over the shipped DB-IP Lite files when none are given. */
export function openGeoLocator(files: readonly string[] = []): { locator: GeoLocator; close(): void } | undefined {
  const opened =
    files.length > 0
      ? files.map((file) =>
          openMmdbFile(file, { name: path.basename(file), idPrefix: path.basename(file).replace(/\.mmdb$/i, '') }),
        )
      : (() => {
          const dir = shippedDatabaseDir();
          return dir
            ? SHIPPED_GEO_DATABASES.map((entry) =>
                openMmdbFile(path.join(dir, entry.file), {
                  name: entry.name,
                  idPrefix: entry.idPrefix,
                  license: SHIPPED_GEO_LICENSE,
                }),
              )
            : [];
        })();
  if (opened.length === 0) return undefined;
  return { locator: createMmdbLocator(opened), close: () => opened.forEach((database) => database.close()) };
}
