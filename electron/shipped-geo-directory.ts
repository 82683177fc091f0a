import path from 'node:path';
import { SHIPPED_GEO_PACKAGE } from '../core/geo';

/**
 * The folder under `process.resourcesPath` where packaging puts the shipped geolocation databases. It must equal
 * `extraResources[].to` in build/electron-builder.yml (a unit test holds the two together).
 */
export const SHIPPED_GEO_RESOURCE_FOLDER = 'geo';

/** What the resolution depends on; main passes Electron's `app.isPackaged`, `process.resourcesPath`, `app.getAppPath()`. */
export interface ShippedGeoLocation {
  readonly isPackaged: boolean;
  readonly resourcesPath: string;
  /** The app's root: the repository checkout under `npm start`, `…/resources/app.asar` when packaged. */
  readonly appPath: string;
}

/**
 * Where the shipped MMDB files are. Packaged, they sit outside app.asar as plain files in resources/geo/
 * (extraResources): app.asar deliberately holds no node_modules, and plain files can be checked with `sha256sum`
 * against the hash each case records. From a checkout (`npm start` runs Electron on the repo root) they are read
 * straight from the npm package in node_modules, so development needs no copy step.
 */
export function shippedGeoDirectory(location: ShippedGeoLocation): string {
  return location.isPackaged
    ? path.join(location.resourcesPath, SHIPPED_GEO_RESOURCE_FOLDER)
    : path.join(location.appPath, 'node_modules', ...SHIPPED_GEO_PACKAGE.split('/'));
}
