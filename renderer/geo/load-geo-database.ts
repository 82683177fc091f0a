// Loading an MMDB file the investigator picks: the Geolocation panel's "Load MMDB…" and the "not judged" remedy
// of the geographic detectors share it. The store runs in the ingest worker (validation and hashing off the page).
import type { GeoDatabaseInfo } from '../../core/geo';
import type { Host } from '../host/host';
import { ingestClient } from '../ingest/ingest-client';
import { readWholeFile } from './read-whole-file';

/**
 * Lets the investigator pick an MMDB file and stores it in the profile; undefined when they picked nothing.
 * `onReading` names the file once it is being read. Rejects with a readable reason (not an MMDB file…).
 */
export async function pickAndStoreGeoDatabase(
  host: Host,
  onReading: (fileName: string) => void = () => undefined,
): Promise<GeoDatabaseInfo | undefined> {
  const file = (await host.pick('files'))?.files[0];
  if (!file) return undefined;
  onReading(file.path);
  return ingestClient.storeGeoDatabase(file.path, await readWholeFile(file));
}
