// The geolocation databases the window's store holds, in one place: views call these, never `db` itself.
import type { GeoDatabaseInfo } from '../../core/geo';
import { db } from '../db/schema';
import { listGeoDatabases } from './geo-store';

export function loadedGeoDatabases(): Promise<GeoDatabaseInfo[]> {
  return listGeoDatabases(db);
}
