import type { AuthEventKind, TokenRole } from '../sources/types';
import type { HashLinkSettings } from './hashed-tokens/link-fields';
import type { TokenLink } from './hashed-tokens/link-types';
import { personNames } from './identity/person-names';
import { SharedRoles } from './shared-roles';
import { StringPool } from './string-pool';
import type { EventId, EventRef, EvidenceLocation, PersonNames, TimelineEvent, TokenUse } from './types';

/**
 * The timeline's own compact copy of an event: only what correlation and the detectors read, so a worker can
 * hold millions of them without the record text. Created once per event by {@link toEntry}.
 */
export interface Entry {
  /** Position in input order (the tiebreak when times are equal: sorting stays deterministic). */
  readonly seq: number;
  readonly id?: EventId;
  readonly ts: number | null;
  readonly kind: AuthEventKind;
  readonly source: EvidenceLocation;
  readonly rejected: boolean;
  readonly subject?: string;
  readonly sessionId?: string;
  readonly jti?: string;
  readonly clientId?: string;
  readonly appVersion?: string;
  readonly ip?: string;
  readonly userAgent?: string;
  /** Device identifier or fingerprint from the record's details (`deviceId`, `device_id`, `fingerprint`…). */
  readonly device?: string;
  readonly country?: string;
  readonly latitude?: number;
  readonly longitude?: number;
  /** True when the coordinates are only the country's centre (a country-level geolocation database). */
  readonly countryLevel?: boolean;
  readonly host?: string;
  readonly path?: string;
  readonly method?: string;
  /** The HTTP status the request was answered with, when the record has one (bad-token-accepted joins on it). */
  readonly status?: number;
  /** The presented refresh token's identifier when the record names it (Keycloak `refresh_token_id`). */
  readonly refreshTokenId?: string;
  /** The signing key a key-rotation record is about (`kid`, `keyId`, `key_id` in details). */
  readonly keyId?: string;
  /** Names the record gives its user (`details.username`, `details.email`, `details.displayName`), for the identity directory. */
  readonly names?: PersonNames;
  /** Tokens in the record; a token correlation attached by a digest or jti the record names carries its `link`. */
  roles: readonly { readonly hash: string; readonly role: TokenRole; readonly link?: TokenLink }[];
  /** Values of the record's token-digest and token-id fields, for correlation to resolve to captured tokens. */
  readonly tokenReferences?: readonly TokenReference[];
  /** Filled in by correlation: how each token took part, and the subject/session inferred from token claims. */
  tokens: readonly { readonly hash: string; readonly use: TokenUse }[];
  effectiveSubject?: string;
  effectiveSession?: string;
}

/** A field of the record that may name a token without carrying it: a digest of it, or its jti. */
export interface TokenReference {
  readonly field: string;
  readonly value: string;
  readonly kind: 'hash' | 'jti';
}

const DEVICE_KEYS = ['deviceId', 'device_id', 'deviceFingerprint', 'device_fingerprint', 'fingerprint', 'dfp'];

/**
 * Copy the fields the timeline needs out of an event (the record text and raw tokens stay behind). With `links`, the
 * values of the case's token-digest and token-id fields are kept for correlation to resolve.
 */
export function toEntry(
  event: TimelineEvent,
  seq: number,
  links?: HashLinkSettings,
  pools: EntryPools = entryPools(),
): Entry {
  const { strings } = pools;
  const details = event.details;
  let device: string | undefined;
  if (details)
    for (const key of DEVICE_KEYS)
      if (details[key]) {
        device = details[key];
        break;
      }
  const status = event.http?.status;
  const geo = event.geo;
  const references = details && links ? tokenReferences(details, links) : undefined;
  const pooled = <T extends string | undefined>(value: T): T => strings.of(value);
  return {
    seq,
    id: event.id,
    ts: typeof event.ts === 'number' && Number.isFinite(event.ts) ? event.ts : null,
    kind: event.kind,
    source: locationOf(event.source, strings),
    rejected: event.outcome === 'failure' || status === 401 || status === 403,
    subject: pooled(event.subject),
    sessionId: pooled(event.sessionId),
    jti: pooled(event.jti),
    clientId: pooled(event.clientId),
    appVersion: pooled(event.appVersion),
    ip: event.ip ? pooled(stripPort(event.ip)) : undefined,
    userAgent: pooled(event.userAgent),
    device: pooled(device),
    country: pooled(geo?.country),
    latitude: typeof geo?.latitude === 'number' ? geo.latitude : undefined,
    longitude: typeof geo?.longitude === 'number' ? geo.longitude : undefined,
    countryLevel: geo?.precision === 'country' || undefined,
    host: pooled(event.http?.host),
    path: pooled(event.http?.path),
    method: pooled(event.http?.method),
    status: typeof status === 'number' && Number.isInteger(status) ? status : undefined,
    refreshTokenId: pooled(details?.refresh_token_id),
    keyId: pooled(details?.kid ?? details?.keyId ?? details?.key_id),
    // Formats map their vendor fields (Keycloak `username`, Okta `alternateId`, Entra UPN…) onto these three keys.
    names: details ? personNames(details.username, details.email, details.displayName) : undefined,
    roles: pools.roles.of(event.tokens),
    tokenReferences: references,
    tokens: NO_TOKENS,
    // Set by correlation; present from the start so the entry keeps one shape with every field in the object
    // itself (a field added later moves the entry's fields to a separate, larger store).
    effectiveSubject: undefined,
    effectiveSession: undefined,
  };
}

/** What entries share with each other: one copy of each repeated string, one list per single (token, role). */
export interface EntryPools {
  readonly strings: StringPool;
  readonly roles: SharedRoles;
}

/** Pools for one analysis. */
export function entryPools(): EntryPools {
  const strings = new StringPool();
  return { strings, roles: new SharedRoles(strings) };
}

/** Every entry's `tokens` until correlation gives it its own array (frozen: nothing may add to the shared one). */
const NO_TOKENS: Entry['tokens'] = Object.freeze([]);

function tokenReferences(
  details: Readonly<Record<string, string>>,
  links: HashLinkSettings,
): TokenReference[] | undefined {
  let found: TokenReference[] | undefined;
  const read = (fields: readonly string[], kind: TokenReference['kind']) => {
    for (const field of fields) {
      const value = details[field];
      if (typeof value === 'string' && value !== '' && value.length <= 256) (found ??= []).push({ field, value, kind });
    }
  };
  read(links.hashFields, 'hash');
  read(links.idFields, 'jti');
  return found;
}

function locationOf(source: EvidenceLocation, strings: StringPool): EvidenceLocation {
  const location: { file: string; sha256: string; line?: number; index?: number } = {
    file: strings.of(source.file),
    sha256: strings.of(source.sha256),
  };
  if (source.line !== undefined) location.line = source.line;
  if (source.index !== undefined) location.index = source.index;
  return location;
}

/** `203.0.113.7:51234` → `203.0.113.7`; `[2001:db8::1]:443` → `2001:db8::1`; an X-Forwarded-For list → its first. */
export function stripPort(ip: string): string {
  const first = ip.split(',')[0]!.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(first);
  if (bracketed) return bracketed[1]!;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(first);
  return v4 ? v4[1]! : first;
}

/** The reference a finding or lifecycle keeps to an entry's event. */
export function refOf(entry: Entry): EventRef {
  return entry.id === undefined
    ? { ts: entry.ts, kind: entry.kind, source: entry.source }
    : { id: entry.id, ts: entry.ts, kind: entry.kind, source: entry.source };
}

/** Entries in time order; equal times keep input order. Untimed entries are not part of the order. */
export function compareEntries(a: Entry, b: Entry): number {
  return (a.ts as number) - (b.ts as number) || a.seq - b.seq;
}
