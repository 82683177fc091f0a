import { afterAll, describe, expect, it } from 'vitest';
import { openGeoLocator } from '../../../../cli/geo-node';
import { ATTACKER_CITIES, HOME_CITIES, TRAIN_DESTINATIONS, type City } from '../../../../core/scenarios';

/** Great-circle distance in km. */
function distanceKm(latitude1: number, longitude1: number, latitude2: number, longitude2: number): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180;
  const a =
    Math.sin(radians(latitude2 - latitude1) / 2) ** 2 +
    Math.cos(radians(latitude1)) * Math.cos(radians(latitude2)) * Math.sin(radians(longitude2 - longitude1) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}

// The scenarios' addresses must be where the shipped database says, or ordinary users would "travel" between the
// location a vendor log writes and the one the database gives — and the regression suite would test nothing.
describe('the scenario geography against the shipped offline database', () => {
  const geo = openGeoLocator();
  afterAll(() => geo?.close());
  const cities: City[] = [
    ...HOME_CITIES,
    ...Object.values(TRAIN_DESTINATIONS).filter((city) => city !== undefined),
    ...ATTACKER_CITIES,
  ];

  it.each(cities.map((city) => [city.name, city] as const))('%s: every address is located there', (_name, city) => {
    expect(geo, 'the shipped DB-IP database is installed').toBeDefined();
    for (const ip of [...city.ipv4, ...city.ipv6]) {
      const location = geo!.locator.lookup(ip);
      expect(location?.country, ip).toBe(city.country);
      expect(distanceKm(location!.latitude!, location!.longitude!, city.latitude, city.longitude), ip).toBeLessThan(25);
    }
  });
});
