// Geolocation databases the investigator loads (an MMDB file, e.g. DB-IP City Lite). Nothing heavy ships in the
// web bundle: the file is loaded once through a picker, validated, hashed, and kept in IndexedDB. Lookups are
// local; there is no network geolocation anywhere.
import { sha256Hex } from '../../core/evidence';
import { bytesSource } from '../../core/geo';
import { MmdbReader } from '../../core/geo';
import { createMmdbLocator, describeMmdb, geoIdPrefix } from '../../core/geo';
import type { GeoDatabaseProvenance } from '../../core/geo';
import type { GeoDatabaseInfo, GeoLocator } from '../../core/geo';
import type { TokentrailDatabase } from '../db/schema';

/**
 * Validates (reads the metadata), hashes and stores an MMDB file. Throws with a readable reason when it is not one.
 * `provenance` is given by the desktop install of the shipped database: its human name and the licence attribution
 * CC BY 4.0 requires, as the CLI records them; a file the investigator loads is named by its file name.
 */
export async function storeGeoDatabase(
  database: TokentrailDatabase,
  fileName: string,
  bytes: Uint8Array,
  provenance?: GeoDatabaseProvenance,
): Promise<GeoDatabaseInfo> {
  let reader: MmdbReader;
  try {
    reader = new MmdbReader(bytesSource(bytes));
  } catch (error) {
    throw new Error(
      `${fileName} is not an MMDB geolocation database (${(error as Error).message}). Load a .mmdb file such as DB-IP City Lite.`,
    );
  }
  const info = describeMmdb(reader, {
    name: provenance?.name ?? fileName,
    idPrefix: geoIdPrefix(fileName),
    sha256: sha256Hex(bytes),
    size: bytes.length,
    ...(provenance ? { license: provenance.license } : {}),
  });
  await database.transaction('rw', [database.geoDatabases, database.geoDatabaseFiles], async () => {
    await database.geoDatabaseFiles.put({ id: info.sha256, bytes });
    await database.geoDatabases.put({ id: info.sha256, info, loadedAt: Date.now() });
  });
  return info;
}

/** The loaded databases' provenance (their bytes are another table's). */
export async function listGeoDatabases(database: TokentrailDatabase): Promise<GeoDatabaseInfo[]> {
  return (await database.geoDatabases.toArray()).map((record) => record.info);
}

/** A locator over every stored database (IPv4 files before IPv6 ones), or undefined when none is loaded. */
export async function openStoredGeoLocator(database: TokentrailDatabase): Promise<GeoLocator | undefined> {
  const [records, files] = await database.transaction('r', [database.geoDatabases, database.geoDatabaseFiles], () =>
    Promise.all([database.geoDatabases.toArray(), database.geoDatabaseFiles.toArray()]),
  );
  const bytesOf = new Map(files.map((file) => [file.id, file.bytes]));
  const opened = records
    .filter((record) => bytesOf.has(record.id))
    .map((record) => ({ reader: new MmdbReader(bytesSource(bytesOf.get(record.id)!)), info: record.info }))
    .sort((a, b) => a.reader.metadata.ipVersion - b.reader.metadata.ipVersion);
  if (opened.length === 0) return undefined;
  return createMmdbLocator(opened);
}
