import { algNone, jkuInjection, keyConfusion, kidInjection, weakHmacSecret } from './incidents/forged-tokens';
import { keyCompromise, retiredKey } from './incidents/issuer-keys';
import { audienceMisuse, outdatedClient } from './incidents/misuse';
import { clockSkew, vpnHop } from './incidents/red-herrings';
import { impossibleTravel, stolenRefreshToken } from './incidents/stolen-sessions';
import type { ScenarioDefinition } from './scenario';

/** Every training scenario, in the order `tokentrail sample list` prints them (easiest first within a theme). */
export const SCENARIOS: readonly ScenarioDefinition[] = [
  algNone,
  weakHmacSecret,
  keyConfusion,
  kidInjection,
  jkuInjection,
  impossibleTravel,
  stolenRefreshToken,
  outdatedClient,
  audienceMisuse,
  retiredKey,
  keyCompromise,
  vpnHop,
  clockSkew,
];

/** The scenario with this id, if any. */
export function findScenario(id: string): ScenarioDefinition | undefined {
  return SCENARIOS.find((scenario) => scenario.id === id);
}
