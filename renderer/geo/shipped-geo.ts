// The window's installer of the shipped geolocation database, wired to the real profile: the store runs in the
// ingest worker so hashing 63 MB never freezes the page. main.tsx starts it; the Geolocation panel shows its status.
import { listGeoDatabases } from './geo-store';
import { db } from '../db/schema';
import type { Host } from '../host/host';
import { ingestClient } from '../ingest/ingest-client';
import { ShippedGeoInstaller, type ShippedGeoInstallStatus } from './shipped-geo-installer';

export const shippedGeoInstaller = new ShippedGeoInstaller({
  listStored: () => listGeoDatabases(db),
  store: (fileName, bytes, provenance) => ingestClient.storeGeoDatabase(fileName, bytes, provenance),
});

/** Installs what `host` ships (nothing, for the browser build) unless the profile already has it. */
export function installShippedGeoDatabases(host: Host): Promise<ShippedGeoInstallStatus> {
  return shippedGeoInstaller.install(() => host.shippedGeoDatabases());
}
