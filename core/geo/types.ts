/**
 * Offline IP geolocation: where an IP address was, according to the log itself or to a local database file.
 * Nothing here ever performs a network lookup.
 */

/** A location for one IP address. */
export interface GeoLocation {
  /** ISO 3166-1 alpha-2 country code (upper case), when known. */
  readonly country?: string;
  /** Region, state or province name. */
  readonly region?: string;
  readonly city?: string;
  readonly latitude?: number;
  readonly longitude?: number;
  /** `log`: the evidence record carried the location; `database`: looked up offline in {@link GeoDatabaseInfo}. */
  readonly source: 'log' | 'database';
  /** For `database` locations: the `id` of the database that answered. */
  readonly database?: string;
  /**
   * `country`: the source knew only the country, and the coordinates are its approximate centre
   * (core/geo/country-centroids.ts), so distances between such locations are distances between country centres.
   * Absent: the coordinates are as precise as the source gives them (a city, for the shipped city database).
   */
  readonly precision?: 'country';
}

/** Provenance of an offline database, recorded in each case so a finding can be reproduced. */
export interface GeoDatabaseInfo {
  /** Short stable id, e.g. `dbip-city-ipv4@2026-06-05`. */
  readonly id: string;
  /** Human name, e.g. `DB-IP City Lite (IPv4)`. */
  readonly name: string;
  /** The database's own version: its build time as an ISO 8601 UTC string. */
  readonly version: string;
  /** Lower-case hex SHA-256 of the database file. */
  readonly sha256: string;
  /** File size in bytes. */
  readonly size: number;
  /** `database_type` from the file's metadata, e.g. `city ipv4`. */
  readonly databaseType: string;
  readonly license?: string;
}

/** Answers "where was this IP?" from local data only. */
export interface GeoLocator {
  /** The databases consulted, in the order they are asked. */
  readonly databases: readonly GeoDatabaseInfo[];
  /** The location of `ip` (IPv4 or IPv6 text), or undefined when unknown, private or not an IP. */
  lookup(ip: string): GeoLocation | undefined;
}
