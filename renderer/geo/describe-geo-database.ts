import type { GeoDatabaseInfo } from '../../core/geo';
import { formatBytes, shortHash } from '../shell/format';

/** True for a database that knows only countries (`country ipv4`): its IPs are placed at country centres. */
export function isCountryLevel(info: GeoDatabaseInfo): boolean {
  return info.databaseType.toLowerCase().startsWith('country');
}

/** One line naming a geolocation database: name, type, build date, size, SHA-256 and licence. */
export function describeGeoDatabase(info: GeoDatabaseInfo): string {
  const accuracy = isCountryLevel(info) ? ' (country level: IPs placed at country centres)' : '';
  return `${info.name} · ${info.databaseType}${accuracy} · built ${info.version.slice(0, 10)} · ${formatBytes(info.size)} · sha256 ${shortHash(info.sha256)}${info.license ? ` · ${info.license}` : ''}`;
}
