// Installs the geolocation database the desktop app ships (DB-IP City Lite) into the profile on first start, so
// IPs are located out of the box. It goes through the same store as a database the investigator loads (validated,
// hashed, recorded per case); only where the bytes come from differs. The profile and the store are injected, so
// this logic is unit-tested without IndexedDB; renderer/geo/shipped-geo.ts wires the real ones.
import { SHIPPED_GEO_LICENSE, shippedGeoDatabase, type GeoDatabaseProvenance } from '../../core/geo';
import type { GeoDatabaseInfo } from '../../core/geo';
import { geoIdPrefix } from '../../core/geo';
import type { ShippedFile } from '../host/host';
import { readWholeFile } from './read-whole-file';

/** What installing needs from the profile. */
export interface ShippedGeoInstallerDependencies {
  /** The databases the profile already holds (`listGeoDatabases`). */
  listStored(): Promise<readonly GeoDatabaseInfo[]>;
  /** Validates, hashes and stores one database (`storeGeoDatabase`); rejects with a readable reason. */
  store(fileName: string, bytes: Uint8Array, provenance: GeoDatabaseProvenance): Promise<GeoDatabaseInfo>;
}

/** A shipped file that could not be installed (no `fileName`: the list itself could not be had), and why. */
export interface ShippedGeoInstallFailure {
  readonly fileName?: string;
  readonly message: string;
}

/** Where the install is, for the Geolocation panel. */
export type ShippedGeoInstallStatus =
  /** Not started, or nothing to install (no shipped database, or the profile already has its database). */
  | { readonly state: 'idle' }
  /** Bytes crossing from the host; `bytesRead`/`totalBytes` cover every file being installed. */
  | { readonly state: 'reading'; readonly fileName: string; readonly bytesRead: number; readonly totalBytes: number }
  /** Being validated, hashed and written to the profile. */
  | { readonly state: 'storing'; readonly fileName: string }
  | {
      readonly state: 'finished';
      readonly installed: readonly GeoDatabaseInfo[];
      readonly failures: readonly ShippedGeoInstallFailure[];
    };

/**
 * Which shipped files to install. A stored database's id starts with the prefix its file name gives
 * (`dbip-city-ipv4@2026-06-05`), which is how a shipped file is recognised (its hash is unknown until its 63 MB are
 * read; its `name` is the human one since the install records it, the file name before). Nothing is installed when the profile holds a
 * database the investigator loaded that is not one of the shipped files: lookups take the first database that
 * answers, so adding ours would silently change which one places their IPs. Otherwise every shipped file the
 * profile lacks is installed, which also completes an install interrupted between two files.
 */
export function shippedFilesToInstall<File extends { readonly path: string }>(
  shipped: readonly File[],
  stored: readonly GeoDatabaseInfo[],
): File[] {
  const prefixOf = (info: GeoDatabaseInfo) => info.id.slice(0, info.id.lastIndexOf('@'));
  const shippedPrefixes = new Set(shipped.map((file) => geoIdPrefix(file.path)));
  if (stored.some((info) => !shippedPrefixes.has(prefixOf(info)))) return [];
  const storedPrefixes = new Set(stored.map(prefixOf));
  return shipped.filter((file) => !storedPrefixes.has(geoIdPrefix(file.path)));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs the install at most once at a time and publishes its status (`subscribe`/`snapshot` suit useSyncExternalStore). */
export class ShippedGeoInstaller {
  private status: ShippedGeoInstallStatus = { state: 'idle' };
  private running: Promise<ShippedGeoInstallStatus> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly dependencies: ShippedGeoInstallerDependencies) {}

  snapshot = (): ShippedGeoInstallStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Installs what `listShipped` offers and the profile lacks. A call while an install runs joins it instead of
   * reading the files a second time. Never rejects: a failure ends as a `finished` status naming the file, and
   * "Load MMDB…" still works.
   */
  install(listShipped: () => Promise<readonly ShippedFile[]>): Promise<ShippedGeoInstallStatus> {
    this.running ??= this.run(listShipped).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(listShipped: () => Promise<readonly ShippedFile[]>): Promise<ShippedGeoInstallStatus> {
    let toInstall: ShippedFile[];
    try {
      const shipped = await listShipped();
      // The browser build ships nothing: skip even reading the profile.
      toInstall = shipped.length === 0 ? [] : shippedFilesToInstall(shipped, await this.dependencies.listStored());
    } catch (error) {
      return this.publish({ state: 'finished', installed: [], failures: [{ message: messageOf(error) }] });
    }
    if (toInstall.length === 0) return this.publish({ state: 'idle' });

    const totalBytes = toInstall.reduce((sum, file) => sum + file.size, 0);
    const installed: GeoDatabaseInfo[] = [];
    const failures: ShippedGeoInstallFailure[] = [];
    let bytesBefore = 0;
    // One file at a time: each is a buffer of 60-70 MB, and two at once would only double the peak memory.
    for (const file of toInstall) {
      try {
        const bytes = await readWholeFile(file, (bytesRead) =>
          this.publish({ state: 'reading', fileName: file.path, bytesRead: bytesBefore + bytesRead, totalBytes }),
        );
        this.publish({ state: 'storing', fileName: file.path });
        const known = shippedGeoDatabase(file.path);
        installed.push(
          await this.dependencies.store(file.path, bytes, {
            name: known?.name ?? file.path,
            license: SHIPPED_GEO_LICENSE,
          }),
        );
      } catch (error) {
        // The other file may still install: IPv4 alone already locates most addresses.
        failures.push({ fileName: file.path, message: messageOf(error) });
      }
      bytesBefore += file.size;
    }
    return this.publish({ state: 'finished', installed, failures });
  }

  private publish(status: ShippedGeoInstallStatus): ShippedGeoInstallStatus {
    this.status = status;
    for (const listener of this.listeners) listener();
    return status;
  }
}
