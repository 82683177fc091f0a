/**
 * Places the generated people are, with addresses that the shipped offline database (DB-IP City Lite, the version
 * pinned in package.json) locates in that city, and the coordinates it gives — so the vendor logs that carry a
 * location and the addresses located offline agree, and the only hops the detectors see are the ones planted.
 * Checked when the table was written by looking every address up with cli/geo-node.ts; test/unit/core/scenarios
 * checks it again against the shipped database.
 */

/** A city with addresses located there. */
export interface City {
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** The country as Okta writes it (a name). */
  readonly countryName: string;
  readonly region: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly ipv4: readonly string[];
  /** Mobile carrier IPv6 addresses, where the city has some. */
  readonly ipv6: readonly string[];
}

const city = (
  name: string,
  country: string,
  countryName: string,
  region: string,
  [latitude, longitude]: [number, number],
  ipv4: string[],
  ipv6: string[] = [],
): City => ({ name, country, countryName, region, latitude, longitude, ipv4, ipv6 });

/** Home cities: each has IPv6 for phones, and a neighbour reachable by train in the same country. */
export const HOME_CITIES: readonly City[] = [
  city(
    'Frankfurt am Main',
    'DE',
    'Germany',
    'Hesse',
    [50.1109, 8.6821],
    ['2.16.30.210', '2.18.32.236', '2.22.36.38', '2.170.184.212'],
    ['2a00:20:407::1', '2a00:20:80e::1', '2a00:20:c15::1', '2a00:20:1423::1'],
  ),
  city(
    'London',
    'GB',
    'United Kingdom',
    'England',
    [51.5072, -0.1276],
    ['2.25.39.77', '2.29.43.129', '2.30.44.142', '2.31.45.155'],
    ['2a00:23c5:0::1', '2a00:23c5:407::1', '2a00:23c5:80e::1', '2a00:23c5:c15::1'],
  ),
  city(
    'Amsterdam',
    'NL',
    'Netherlands',
    'North Holland',
    [52.3676, 4.9041],
    ['5.35.70.207', '5.105.140.117', '31.201.162.115', '37.153.156.241'],
    ['2001:1c00:182a::1', '2001:1c00:345b::1', '2001:1c00:3c69::1', '2001:1c00:4c85::1'],
  ),
  city(
    'Paris',
    'FR',
    'France',
    'Île-de-France',
    [48.8575, 2.3514],
    ['2.4.18.54', '2.6.20.80', '2.13.27.171', '2.14.28.184'],
    ['2a00:1450:3054::1', '2a00:1450:84e7::1', '2a00:1450:90fc::1', '2a00:1450:9d11::1'],
  ),
];

/**
 * Where a train from a home city goes (same country, over 100 km: a hop, but a slow one). Amsterdam has none: its
 * nearest located neighbour is across a border, and a border crossing is what country-change looks for.
 */
export const TRAIN_DESTINATIONS: Readonly<Partial<Record<string, City>>> = {
  'Frankfurt am Main': city(
    'Cologne',
    'DE',
    'Germany',
    'North Rhine-Westphalia',
    [50.9333, 6.95],
    ['78.35.69.207', '176.1.209.15'],
  ),
  London: city('Manchester', 'GB', 'United Kingdom', 'England', [53.4808, -2.2426], ['31.97.58.13', '82.219.25.99']),
  Paris: city('Lyon', 'FR', 'France', 'Auvergne-Rhône-Alpes', [45.764, 4.8357], ['2.3.17.41', '31.35.252.207']),
};

/** Far-away places an attacker works from. */
export const ATTACKER_CITIES: readonly City[] = [
  city('Singapore', 'SG', 'Singapore', 'Singapore', [1.3521, 103.82], ['5.181.216.105', '46.137.203.33']),
  city('Lagos', 'NG', 'Nigeria', 'Lagos', [6.5244, 3.3792], ['102.131.77.205', '105.112.79.208']),
  city('Moscow', 'RU', 'Russia', 'Moscow', [55.7558, 37.6173], ['5.153.188.241', '5.227.6.203']),
  city('New York', 'US', 'United States', 'New York', [40.7128, -74.006], ['31.57.18.243', '78.105.139.117']),
];

/**
 * The company's VPN egress (in Ashburn, Virginia, by the database): the case configuration lists its range as
 * excluded from the travel detectors, as an organisation documents its egress points.
 */
export const VPN_EGRESS = {
  city: city('Ashburn', 'US', 'United States', 'Virginia', [39.0438, -77.4874], ['5.161.196.95']),
  range: '5.161.196.0/24',
} as const;
