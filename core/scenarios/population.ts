import { HOME_CITIES } from './geography';
import type { Device, IdentityProviderFormat, Person } from './model';
import { CLIENTS } from './organisation';
import type { Random } from './random';

const GIVEN = ['Alma', 'Ben', 'Chiara', 'Deniz', 'Elif', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Luca'];
const FAMILY = ['Berg', 'Novak', 'Moreau', 'Jansen', 'Okafor', 'Schmidt', 'Rossi', 'Larsen', 'Silva', 'Weber'];
const MOBILE_OS = ['iPhone; iOS 19.1', 'iPhone; iOS 18.6', 'Android 15; Pixel 9', 'Android 14; SM-S921B'];
const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:144.0) Gecko/20100101 Firefox/144.0',
];
/** Builds in circulation: all at or above the minimum; 5.1.0 devices update to 5.2.0 during the day. */
export const CURRENT_BUILDS = ['5.1.0', '5.2.0'];

/** A UUID-shaped id from the seeded generator (Keycloak user ids). */
export const uuidOf = (random: Random): string =>
  `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-a${random.hex(3)}-${random.hex(12)}`;

/** The id the identity provider logs for a person, which the issuer also puts in `sub`. */
function subjectFor(provider: IdentityProviderFormat | undefined, email: string, random: Random): string {
  if (provider === 'auth0') return `auth0|${random.hex(24)}`;
  if (provider === 'keycloak') return uuidOf(random);
  return email;
}

/** A person with a home city and name; `index` keeps e-mail addresses distinct. */
export function makePerson(random: Random, index: number, provider: IdentityProviderFormat | undefined): Person {
  const given = random.pick(GIVEN);
  const family = random.pick(FAMILY);
  const email = `${given}.${family}${index}@northwind.example`.toLowerCase();
  return {
    email,
    displayName: `${given} ${family}`,
    subject: subjectFor(provider, email, random),
    home: random.pick(HOME_CITIES),
  };
}

/** A phone with the mobile app, or a computer with the web app. */
export function makeDevice(random: Random, kind: 'mobile' | 'web', options: Partial<Device> = {}): Device {
  const os = random.pick(MOBILE_OS);
  const browser = random.pick(BROWSERS);
  return {
    id: `dev-${random.hex(10)}`,
    client: CLIENTS[kind],
    appVersion: random.pick(CURRENT_BUILDS),
    userAgent: kind === 'mobile' ? (version) => `NorthwindMobile/${version} (${os})` : () => browser,
    clockSkewMs: 0,
    captured: false,
    ...options,
  };
}
