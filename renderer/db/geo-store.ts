// Geolocation databases the investigator loads (an MMDB file, e.g. DB-IP City Lite). Nothing heavy ships in the
// web bundle: the file is loaded once through a picker, validated, hashed, and kept in IndexedDB. Lookups are
// local; there is no network geolocation anywhere.
import { sha256Hex } from '../../core/evidence/sha256';
import { bytesSource } from '../../core/geo/mmdb/byte-source';
import { MmdbReader } from '../../core/geo/mmdb/mmdb-reader';
import { createMmdbLocator, describeMmdb } from '../../core/geo/mmdb-locator';
import type { GeoDatabaseInfo, GeoLocator } from '../../core/geo/types';
import type { GeoDatabaseRecord } from './event-records';
import type { TokentrailDatabase } from './schema';

function idPrefixFor(fileName: string): string {
  return fileName.replace(/\.mmdb$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'mmdb';
}

/** Validates (reads the metadata), hashes and stores an MMDB file. Throws with a readable reason when it is not one. */
export async function storeGeoDatabase(database: TokentrailDatabase, fileName: string, bytes: Uint8Array): Promise<GeoDatabaseInfo> {
  let reader: MmdbReader;
  try {
    reader = new MmdbReader(bytesSource(bytes));
  } catch (error) {
    throw new Error(`${fileName} is not an MMDB geolocation database (${(error as Error).message}). Load a .mmdb file such as DB-IP City Lite.`);
  }
  const info = describeMmdb(reader, { name: fileName, idPrefix: idPrefixFor(fileName), sha256: sha256Hex(bytes), size: bytes.length });
  const record: GeoDatabaseRecord = { id: info.sha256, info, loadedAt: Date.now(), bytes };
  await database.geoDatabases.put(record);
  return info;
}

/** The loaded databases' provenance, without their bytes. */
export async function listGeoDatabases(database: TokentrailDatabase): Promise<GeoDatabaseInfo[]> {
  const infos: GeoDatabaseInfo[] = [];
  await database.geoDatabases.each((record) => void infos.push(record.info));
  return infos;
}

export async function removeGeoDatabase(database: TokentrailDatabase, sha256: string): Promise<void> {
  await database.geoDatabases.delete(sha256);
}

/** A locator over every stored database (IPv4 files before IPv6 ones), or undefined when none is loaded. */
export async function openStoredGeoLocator(database: TokentrailDatabase): Promise<GeoLocator | undefined> {
  const records = await database.geoDatabases.toArray();
  if (records.length === 0) return undefined;
  const opened = records
    .map((record) => ({ reader: new MmdbReader(bytesSource(record.bytes)), info: record.info }))
    .sort((a, b) => a.reader.metadata.ipVersion - b.reader.metadata.ipVersion);
  return createMmdbLocator(opened);
}
