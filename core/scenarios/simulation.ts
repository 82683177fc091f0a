import { TRAIN_DESTINATIONS, VPN_EGRESS, type City } from './geography';
import type { Rs256Signer } from './compact-jws';
import type { Api, Device, Person, ScenarioToken, TruthEvent } from './model';
import { apiOf, mintAccessToken, mintRefreshToken } from './organisation';
import type { Random } from './random';

/** Where a device is: a city and the addresses it has there (a phone has a carrier IPv6 besides IPv4). */
export interface Place {
  readonly city: City;
  readonly ipv4: string;
  readonly ipv6?: string;
}

/** The truth being written: every event so far, and the seeded choices. */
export interface Simulation {
  readonly random: Random;
  /** How RS256 tokens are signed (same bytes whichever). */
  readonly signer: Rs256Signer;
  readonly events: TruthEvent[];
}

/** A signed-in session: its device, place and current tokens. */
export interface Session {
  readonly person: Person;
  readonly device: Device;
  readonly sessionId: string;
  place: Place;
  access: ScenarioToken;
  accessIat: number;
  refresh: ScenarioToken;
  /** The time of the session's latest event. */
  at: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** A place in `city`: one of its IPv4 addresses and, for a phone, one of its carrier IPv6 addresses. */
export function placeIn(random: Random, city: City, mobile: boolean): Place {
  const ipv6 = mobile && city.ipv6.length > 0 ? random.pick(city.ipv6) : undefined;
  return { city, ipv4: random.pick(city.ipv4), ...(ipv6 !== undefined ? { ipv6 } : {}) };
}

/** The address of the next request: phones move between Wi-Fi (IPv4) and the carrier's IPv6. */
const addressOf = (random: Random, place: Place): string =>
  place.ipv6 !== undefined && random.chance(0.5) ? place.ipv6 : place.ipv4;

const jtiOf = (random: Random, prefix: string) => `${prefix}-${random.hex(16)}`;

function record(
  simulation: Simulation,
  session: Session,
  event: Omit<TruthEvent, 'person' | 'device' | 'sessionId' | 'city' | 'userAgent'> & {
    city?: City;
    userAgent?: string;
  },
): TruthEvent {
  const full: TruthEvent = {
    person: session.person,
    device: session.device,
    sessionId: session.sessionId,
    city: session.place.city,
    userAgent: session.device.userAgent(session.device.appVersion),
    ...event,
  };
  simulation.events.push(full);
  session.at = Math.max(session.at, event.ts);
  return full;
}

function mintPair(simulation: Simulation, person: Person, device: Device, sessionId: string, at: number) {
  const common = { sub: person.subject, sid: sessionId, clientId: device.client.clientId, iat: at };
  const access = mintAccessToken(simulation.signer, {
    ...common,
    audiences: device.client.audiences,
    jti: jtiOf(simulation.random, 'at'),
    ...(device.client.kind === 'mobile' ? { appVersion: device.appVersion } : {}),
  });
  return { access, refresh: mintRefreshToken(simulation.signer, { ...common, jti: jtiOf(simulation.random, 'rt') }) };
}

/** A sign-in at the identity provider, then the token endpoint issuing the first access and refresh tokens. */
export function signIn(simulation: Simulation, person: Person, device: Device, at: number, place: Place): Session {
  const sessionId = `S-${simulation.random.hex(10)}`;
  const issuedAt = at + simulation.random.integer(1, 4) * SECOND;
  const { access, refresh } = mintPair(simulation, person, device, sessionId, issuedAt);
  const session: Session = { person, device, sessionId, place, access, accessIat: issuedAt, refresh, at };
  record(simulation, session, { ts: at, kind: 'login', ip: place.ipv4 });
  record(simulation, session, {
    ts: issuedAt,
    kind: 'issue',
    ip: place.ipv4,
    appVersion: device.appVersion,
    accessToken: access,
    refreshToken: refresh,
  });
  return session;
}

/** A request to an API carrying a token (the session's access token unless another is given). */
export function presentToken(
  simulation: Simulation,
  session: Session,
  at: number,
  options: {
    token?: ScenarioToken;
    api?: Api;
    path?: string;
    method?: string;
    status?: number;
    ip?: string;
    city?: City;
    userAgent?: string;
    incident?: string;
    captureOnly?: boolean;
  } = {},
): TruthEvent {
  const random = simulation.random;
  const api = options.api ?? apiOf(random.pick(session.device.client.audiences));
  return record(simulation, session, {
    ts: at,
    kind: 'use',
    ip: options.ip ?? addressOf(random, session.place),
    presented: options.token ?? session.access,
    api,
    method: options.method ?? 'GET',
    path: `${api.prefix}${options.path ?? random.pick(api.paths)}`,
    status: options.status ?? 200,
    ...(options.city !== undefined ? { city: options.city } : {}),
    ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
    ...(options.incident !== undefined ? { incident: options.incident } : {}),
    ...(options.captureOnly ? { captureOnly: true } : {}),
  });
}

/** The client redeems its refresh token (from `place`, when it moved) for a new pair. */
export function refreshSession(
  simulation: Simulation,
  session: Session,
  at: number,
  options: { place?: Place; incident?: string; userAgent?: string } = {},
): TruthEvent {
  if (options.place) session.place = options.place;
  const { access, refresh } = mintPair(simulation, session.person, session.device, session.sessionId, at);
  const event = record(simulation, session, {
    ts: at,
    kind: 'refresh',
    ip: session.place.ipv4,
    appVersion: session.device.appVersion,
    redeemed: session.refresh,
    accessToken: access,
    refreshToken: refresh,
    ...(options.userAgent !== undefined ? { userAgent: options.userAgent } : {}),
    ...(options.incident !== undefined ? { incident: options.incident } : {}),
  });
  session.access = access;
  session.accessIat = at;
  session.refresh = refresh;
  return event;
}

/** Sign-out: the refresh token is revoked and the session ends. */
export function signOut(simulation: Simulation, session: Session, at: number): void {
  record(simulation, session, { ts: at, kind: 'revoke', ip: session.place.ipv4, redeemed: session.refresh });
  record(simulation, session, { ts: at + SECOND, kind: 'logout', ip: session.place.ipv4 });
}

/** Ordinary use of the current access token until it is due for refresh; returns the time of the last use. */
export function useUntilRefresh(simulation: Simulation, session: Session, options: { retries?: boolean } = {}): number {
  const random = simulation.random;
  let at = session.at;
  const refreshDue = session.accessIat + random.integer(40, 50) * MINUTE;
  for (;;) {
    at += random.integer(25, 150) * SECOND;
    if (at >= refreshDue) return at;
    if (options.retries && random.chance(0.1)) {
      // A gateway hiccup: the client retries the same request from the same address a moment later.
      const ip = addressOf(random, session.place);
      const api = apiOf(random.pick(session.device.client.audiences));
      const path = random.pick(api.paths);
      presentToken(simulation, session, at, { ip, api, path, status: 503 });
      at += random.integer(1, 3) * SECOND;
      presentToken(simulation, session, at, { ip, api, path });
    } else presentToken(simulation, session, at);
  }
}

/** The noise an ordinary session may carry. */
export interface SessionNoise {
  /** A phone whose owner takes a train to the next city mid-session. */
  readonly train: boolean;
  /** A computer that switches to the company VPN mid-session. */
  readonly vpn: boolean;
  /** 503 answers retried, and a refresh retried after a lost response. */
  readonly retries: boolean;
  /** The app updates itself in the background (5.1.0 → 5.2.0). */
  readonly appUpdate: boolean;
  /** Access tokens the session goes through (1 + refreshes). */
  readonly periods: number;
  /** Whether it ends with a sign-out. */
  readonly signOut: boolean;
}

/** Seeded noise for a session of `device`. */
export function chooseNoise(random: Random, device: Device, person: Person): SessionNoise {
  const mobile = device.client.kind === 'mobile';
  return {
    train: mobile && TRAIN_DESTINATIONS[person.home.name] !== undefined && random.chance(0.15),
    vpn: !mobile && random.chance(0.15),
    retries: random.chance(0.3),
    appUpdate: mobile && device.appVersion === '5.1.0' && random.chance(0.4),
    periods: random.integer(1, 4),
    signOut: random.chance(0.5),
  };
}

/** An ordinary session, start to end, with its noise. */
export function runSession(
  simulation: Simulation,
  person: Person,
  device: Device,
  start: number,
  noise: SessionNoise,
): Session {
  const random = simulation.random;
  const mobile = device.client.kind === 'mobile';
  let session = signIn(simulation, person, device, start, placeIn(random, person.home, mobile));
  for (let period = 1; period <= noise.periods; period++) {
    const lastUse = useUntilRefresh(simulation, session, { retries: noise.retries });
    if (period === noise.periods) {
      if (noise.signOut) signOut(simulation, session, lastUse);
      break;
    }
    let at = lastUse;
    let place: Place | undefined;
    const destination = TRAIN_DESTINATIONS[person.home.name];
    if (noise.train && period === 1 && destination) {
      // Offline in the tunnel for well over an hour: the hop to the next city is slower than any plane.
      at += random.integer(75, 95) * MINUTE;
      place = placeIn(random, destination, true);
    } else if (noise.vpn && period === 1) place = { city: VPN_EGRESS.city, ipv4: VPN_EGRESS.city.ipv4[0]! };
    if (noise.appUpdate && period === 1 && !place) {
      // The updated app drops the old build's tokens and signs in again: a refresh token is never presented by two
      // builds (two user agents on one token is what the replay detector looks for).
      device.appVersion = '5.2.0';
      session = signIn(simulation, person, device, at, session.place);
      continue;
    }
    if (noise.retries && random.chance(0.3)) {
      // The first answer is lost; the client retries with the same refresh token within seconds (grace period).
      const redeemed = session.refresh;
      refreshSession(simulation, session, at, place ? { place } : {});
      session.refresh = redeemed;
      at += random.integer(1, 3) * SECOND;
    }
    refreshSession(simulation, session, at, place ? { place } : {});
  }
  return session;
}
