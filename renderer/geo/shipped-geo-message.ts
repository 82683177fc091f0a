// What the Geolocation panel says about the shipped database's install (renderer/geo/shipped-geo-installer.ts).
import type { ShippedGeoInstallStatus } from './shipped-geo-installer';
import { formatBytes } from '../shell/format';

const INSTALLING = 'Installing the shipped geolocation database…';

/** The panel's line for `status`, or undefined when there is nothing to say (nothing shipped, or already installed). */
export function shippedGeoMessage(
  status: ShippedGeoInstallStatus,
): { readonly text: string; readonly error: boolean } | undefined {
  switch (status.state) {
    case 'idle':
      return undefined;
    case 'reading':
      return {
        text: `${INSTALLING} reading ${status.fileName} (${formatBytes(status.bytesRead)} of ${formatBytes(status.totalBytes)})`,
        error: false,
      };
    case 'storing':
      return { text: `${INSTALLING} checking, hashing and storing ${status.fileName}`, error: false };
    case 'finished': {
      const failed = status.failures.map((failure) =>
        failure.fileName ? `${failure.fileName}: ${failure.message}` : failure.message,
      );
      if (failed.length > 0) {
        const partly =
          status.installed.length > 0 ? ` (installed: ${status.installed.map((info) => info.id).join(', ')})` : '';
        return {
          text: `The shipped geolocation database could not be fully installed${partly}. ${failed.join('; ')}. Use "Load MMDB…" to load a database file instead.`,
          error: true,
        };
      }
      if (status.installed.length === 0) return undefined;
      // Ids carry the database's build date; the attribution is what its CC BY 4.0 licence asks to be shown.
      const license = status.installed[0]!.license;
      return {
        text: `Installed the shipped geolocation database ${status.installed[0]!.name} (${status.installed.map((info) => info.id).join(', ')}${license ? `; ${license}` : ''}). Files parsed from now on are located with it; parse earlier files again to locate their IPs.`,
        error: false,
      };
    }
  }
}
