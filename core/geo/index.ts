/** core/geo: offline IP geolocation from MMDB files (DB-IP Lite ships with Tokentrail). Never a network lookup. */
export * from './types';
export { bytesSource, pagedSource, type ByteSource } from './mmdb/byte-source';
export { MmdbReader, type MmdbMetadata } from './mmdb/mmdb-reader';
export { MmdbFormatError, type MmdbValue } from './mmdb/decode-data';
export { createMmdbLocator, describeMmdb, geoIdPrefix, type OpenedGeoDatabase } from './mmdb-locator';
export { recordToLocation } from './record-to-location';
export { parseIpAddress, isNonRoutable } from './ip-address';
export { countryCode } from './country-code';
export { countryCentroid, type Coordinates } from './country-centroids';
export {
  SHIPPED_GEO_DATABASES,
  SHIPPED_GEO_LICENSE,
  SHIPPED_GEO_PACKAGE,
  SINGLE_FILE_GEO_DATABASES,
  SINGLE_FILE_GEO_PACKAGE,
  shippedGeoDatabase,
  type GeoDatabaseProvenance,
  type ShippedGeoDatabaseFile,
} from './shipped-databases';
