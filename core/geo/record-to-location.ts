import type { MmdbValue } from './mmdb/decode-data';
import { countryCentroid } from './country-centroids';
import type { GeoLocation } from './types';

type Map = { readonly [key: string]: MmdbValue };
const isMap = (value: MmdbValue | undefined): value is Map =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
const text = (value: MmdbValue | undefined): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const number = (value: MmdbValue | undefined): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
const englishName = (value: MmdbValue | undefined): string | undefined =>
  isMap(value) && isMap(value.names) ? text(value.names.en) : undefined;

/**
 * Read a location from an MMDB record in either of the two layouts in use: the flat one of the ip-location-db
 * builds shipped with Tokentrail (`country_code`, `state1`, `city`, `latitude`, `longitude`) and the nested
 * GeoIP2/GeoLite2-compatible one (`country.iso_code`, `subdivisions[0].names.en`, `location.latitude`) used by
 * DB-IP's own and MaxMind's files, so an investigator can load either. A record with a country and no coordinates
 * (a country-level database) is placed at the country's approximate centre, marked `precision: 'country'`.
 */
export function recordToLocation(record: MmdbValue, database: string): GeoLocation | undefined {
  if (!isMap(record)) return undefined;
  const nested = isMap(record.country) || isMap(record.location) || isMap(record.city);
  const location: { -readonly [K in keyof GeoLocation]: GeoLocation[K] } = { source: 'database', database };
  if (nested) {
    const country = isMap(record.country) ? text(record.country.iso_code) : undefined;
    const subdivision = Array.isArray(record.subdivisions) ? record.subdivisions[0] : undefined;
    const place = isMap(record.location) ? record.location : undefined;
    Object.assign(
      location,
      dropEmpty({
        country,
        region: englishName(subdivision),
        city: englishName(record.city),
        latitude: number(place?.latitude),
        longitude: number(place?.longitude),
      }),
    );
  } else {
    Object.assign(
      location,
      dropEmpty({
        country: text(record.country_code),
        region: text(record.state1),
        city: text(record.city),
        latitude: number(record.latitude),
        longitude: number(record.longitude),
      }),
    );
  }
  if (location.country && location.latitude === undefined && location.longitude === undefined) {
    // A country-level database: place the IP at its country's centre, and say so, rather than nowhere.
    const centre = countryCentroid(location.country);
    if (centre) Object.assign(location, { ...centre, precision: 'country' });
  }
  return location.country || location.city || location.latitude !== undefined ? location : undefined;
}

function dropEmpty<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
