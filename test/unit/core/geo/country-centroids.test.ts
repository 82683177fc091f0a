import { describe, expect, it } from 'vitest';
import { countryCentroid, recordToLocation } from '../../../../core/geo';

describe('country centres', () => {
  it('knows the countries, in any case, and nothing else', () => {
    expect(countryCentroid('gb')).toEqual({ latitude: 54, longitude: -2 });
    expect(countryCentroid('KP')).toEqual({ latitude: 40, longitude: 127 });
    expect(countryCentroid('ZZ')).toBeUndefined();
  });

  it('keeps every centre on the globe', () => {
    for (const code of ['US', 'FJ', 'NZ', 'AQ', 'SJ', 'TO']) {
      const centre = countryCentroid(code)!;
      expect(Math.abs(centre.latitude)).toBeLessThanOrEqual(90);
      expect(Math.abs(centre.longitude)).toBeLessThanOrEqual(180);
    }
  });
});

describe('recordToLocation on a country-level record', () => {
  it('places the IP at its country centre and says the location is only country-level', () => {
    expect(recordToLocation({ country_code: 'KP' }, 'dbip-country-ipv4@2026-06-01')).toEqual({
      source: 'database',
      database: 'dbip-country-ipv4@2026-06-01',
      country: 'KP',
      latitude: 40,
      longitude: 127,
      precision: 'country',
    });
  });

  it('keeps a city record as it is', () => {
    const city = recordToLocation({ country_code: 'GB', city: 'London', latitude: 51.5, longitude: -0.12 }, 'db');
    expect(city).toMatchObject({ latitude: 51.5, longitude: -0.12 });
    expect(city?.precision).toBeUndefined();
  });

  it('leaves an unknown country without coordinates', () => {
    expect(recordToLocation({ country_code: 'ZZ' }, 'db')).toEqual({
      source: 'database',
      database: 'db',
      country: 'ZZ',
    });
  });
});
