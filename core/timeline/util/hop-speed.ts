import { greatCircleKm } from './great-circle';

/** Where and when: the two ends of a hop, in decimal degrees and UTC epoch ms. */
export interface HopEnd {
  readonly latitude: number;
  readonly longitude: number;
  readonly ts: number;
}

/** Distance, time and speed of a hop; `speedKmh` is Infinity for two places at the same instant. */
export interface HopSpeed {
  readonly km: number;
  readonly ms: number;
  readonly speedKmh: number;
}

/** The great-circle distance between two located events and the speed it would take to cover it. */
export function hopSpeed(from: HopEnd, to: HopEnd): HopSpeed {
  const km = greatCircleKm(from.latitude, from.longitude, to.latitude, to.longitude);
  const ms = to.ts - from.ts;
  return { km, ms, speedKmh: ms <= 0 ? Infinity : km / (ms / 3_600_000) };
}

/**
 * The impossible-travel rule (docs/detectors.md): at least `minDistanceKm` apart (shorter is geolocation jitter)
 * and faster than `maxSpeedKmh`. Shared by the detector and the map, so both call the same hops impossible.
 */
export function isImpossibleHop(
  speed: HopSpeed,
  parameters: { readonly maxSpeedKmh: number; readonly minDistanceKm: number },
): boolean {
  return speed.km >= parameters.minDistanceKm && speed.speedKmh > parameters.maxSpeedKmh;
}
