import type { Detector } from './detector';
import { audienceMisuse } from './audience-misuse';
import { badTokenAccepted } from './bad-token-accepted';
import { countryChange } from './country-change';
import { impossibleTravel } from './impossible-travel';
import { outdatedClient } from './outdated-client';
import { refreshTokenReuse } from './refresh-token-reuse';
import { replay } from './replay';
import { retiredKeySignature } from './retired-key-signature';
import { tokenNeverIssued } from './token-never-issued';
import { useAfterExpiry } from './use-after-expiry';
import { useAfterLogout } from './use-after-logout';
import { useAfterRevocation } from './use-after-revocation';
import { volumeAnomaly } from './volume-anomaly';

/** Every timeline detector, in the order they run and docs/detectors.md lists them. */
export const TIMELINE_DETECTORS: readonly Detector<object>[] = [
  impossibleTravel,
  countryChange,
  useAfterExpiry,
  useAfterRevocation,
  useAfterLogout,
  refreshTokenReuse,
  outdatedClient,
  retiredKeySignature,
  tokenNeverIssued,
  replay,
  audienceMisuse,
  badTokenAccepted,
  volumeAnomaly,
] as readonly Detector<object>[];

/** The detector with this id, or undefined. */
export function detectorById(id: string): Detector<object> | undefined {
  return TIMELINE_DETECTORS.find((detector) => detector.id === id);
}
