import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHIPPED_GEO_DATABASES, SHIPPED_GEO_LICENSE } from '../../../../core/geo/shipped-databases';
import { createBridge } from '../../../../electron/bridge';
import { FileRegistry } from '../../../../electron/handlers/file-registry';
import type { IpcHandlerMap } from '../../../../electron/handlers/ipc-handler';
import { createReadFileHandler } from '../../../../electron/handlers/read-file';
import { createShippedGeoDatabasesHandler } from '../../../../electron/handlers/shipped-geo-databases';
import type { IpcChannel } from '../../../../ipc/ipc-contract';
import { shippedGeoDirectory } from '../../../../electron/shipped-geo-directory';
import type { GeoDatabaseFileRecord, GeoDatabaseRecord } from '../../../../renderer/db/event-records';
import { storeGeoDatabase } from '../../../../renderer/geo/geo-store';
import type { TokentrailDatabase } from '../../../../renderer/db/schema';
import { ShippedGeoInstaller } from '../../../../renderer/geo/shipped-geo-installer';
import { createElectronHost } from '../../../../renderer/host/electron-host';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const APP_SENDER = { url: 'tokentrail://app/index.html' };

/**
 * The desktop path with only Electron's transport and IndexedDB left out: main's real handlers over the real
 * shipped files of this checkout, the real bridge and Electron host, the installer, and the real storeGeoDatabase
 * writing into an in-memory table.
 */
function desktopHost() {
  const registry = new FileRegistry(() => crypto.randomUUID());
  const handlers: Partial<IpcHandlerMap> = {
    'geo:shipped': createShippedGeoDatabasesHandler({
      directory: shippedGeoDirectory({ isPackaged: false, resourcesPath: '/nonexistent', appPath: repoRoot }),
      fileNames: SHIPPED_GEO_DATABASES.map((database) => database.file),
      fs,
      registry,
    }),
    'file:read': createReadFileHandler({ registry, open: (filePath, flags) => fs.open(filePath, flags) }),
  };
  const invoked: IpcChannel[] = [];
  const bridge = createBridge({
    invoke: (channel, ...args) => {
      invoked.push(channel);
      const handler = handlers[channel] as
        ((sender: typeof APP_SENDER, ...rest: unknown[]) => Promise<unknown>) | undefined;
      if (!handler) throw new Error(`unexpected channel ${channel}`);
      return handler(APP_SENDER, ...args);
    },
    on: () => () => {},
  });
  return { host: createElectronHost(bridge), invoked };
}

describe('the desktop install of the shipped database (no Electron, no IndexedDB)', () => {
  it('installs both DB-IP files from the checkout, hashed and recorded exactly as the files on disk', async () => {
    const { host, invoked } = desktopHost();
    const records: GeoDatabaseRecord[] = [];
    const files = new Map<string, Uint8Array>();
    const profile = {
      transaction: (_mode: string, _tables: unknown, work: () => Promise<unknown>) => work(),
      geoDatabases: { put: async (record: GeoDatabaseRecord) => void records.push(record) },
      geoDatabaseFiles: { put: async (file: GeoDatabaseFileRecord) => void files.set(file.id, file.bytes) },
    } as unknown as TokentrailDatabase;
    const installer = new ShippedGeoInstaller({
      listStored: async () => records.map((record) => record.info),
      store: (fileName, bytes, provenance) => storeGeoDatabase(profile, fileName, bytes, provenance),
    });

    const outcome = await installer.install(() => host.shippedGeoDatabases());
    expect(outcome.state).toBe('finished');
    if (outcome.state !== 'finished') return;
    expect(outcome.failures).toEqual([]);
    expect(outcome.installed.map((info) => info.id)).toEqual([
      expect.stringMatching(/^dbip-city-ipv4@\d{4}-\d{2}-\d{2}$/),
      expect.stringMatching(/^dbip-city-ipv6@\d{4}-\d{2}-\d{2}$/),
    ]);
    const directory = shippedGeoDirectory({ isPackaged: false, resourcesPath: '/nonexistent', appPath: repoRoot });
    for (const info of outcome.installed) {
      const shippedFile = SHIPPED_GEO_DATABASES.find((entry) => info.id.startsWith(`${entry.idPrefix}@`))!;
      expect(info.name).toBe(shippedFile.name);
      expect(info.license).toBe(SHIPPED_GEO_LICENSE);
      const onDisk = await fs.readFile(path.join(directory, shippedFile.file));
      expect(info.sha256).toBe(createHash('sha256').update(onDisk).digest('hex'));
      expect(info.size).toBe(onDisk.length);
      // The bytes are stored beside the listing record, under its SHA-256.
      expect(files.get(info.sha256)?.length).toBe(onDisk.length);
    }
    // One listing, then only ranged reads: 63 + 71 MB in 4 MiB slices.
    expect(invoked[0]).toBe('geo:shipped');
    expect(invoked.slice(1).every((channel) => channel === 'file:read')).toBe(true);
    expect(invoked.length).toBeGreaterThan(30);

    // The next start finds the profile complete.
    await expect(installer.install(() => host.shippedGeoDatabases())).resolves.toEqual({ state: 'idle' });
  }, 120_000);
});
