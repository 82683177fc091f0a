import type { GeoDatabaseInfo } from '../../core/geo';
import { formatBytes, shortHash } from '../shell/format';

/** One line naming a geolocation database: name, type, build date, size, SHA-256 and licence. */
export function describeGeoDatabase(info: GeoDatabaseInfo): string {
  return `${info.name} · ${info.databaseType} · built ${info.version.slice(0, 10)} · ${formatBytes(info.size)} · sha256 ${shortHash(info.sha256)}${info.license ? ` · ${info.license}` : ''}`;
}
