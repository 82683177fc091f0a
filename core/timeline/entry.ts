import type { AuthEventKind, TokenRole } from '../sources/types';
import type { HashLinkSettings } from './hashed-tokens/link-fields';
import type { TokenLink } from './hashed-tokens/link-types';
import { personNames } from './identity/person-names';
import { SharedRoles } from './shared-roles';
import { StringPool } from './string-pool';
import { EntryTable } from './entry-table';
import type { EventId, EventRef, EvidenceLocation, PersonNames, TimelineEvent, TokenUse } from './types';

/**
 * The timeline's own compact copy of an event: only what correlation and the detectors read, so a worker can
 * hold millions of them without the record text. {@link toEntry} stores the fields in its pools' entry table
 * (entry-table.ts) and returns one view per event that reads them.
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
 * Copy the fields the timeline needs out of an event into the pools' entry table (the record text and raw tokens stay
 * behind) and return the entry that reads them. With `links`, the values of the case's token-digest and token-id
 * fields are kept for correlation to resolve.
 */
export function toEntry(
  event: TimelineEvent,
  seq: number,
  links?: HashLinkSettings,
  pools: EntryPools = entryPools(),
): Entry {
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
  return pools.table.append(
    {
      id: event.id,
      ts: typeof event.ts === 'number' && Number.isFinite(event.ts) ? event.ts : null,
      kind: event.kind,
      source: event.source,
      rejected: event.outcome === 'failure' || status === 401 || status === 403,
      subject: event.subject,
      sessionId: event.sessionId,
      jti: event.jti,
      clientId: event.clientId,
      appVersion: event.appVersion,
      ip: event.ip ? stripPort(event.ip) : undefined,
      userAgent: event.userAgent,
      device,
      refreshTokenId: details?.refresh_token_id,
      keyId: details?.kid ?? details?.keyId ?? details?.key_id,
      request: event.http && {
        host: event.http.host,
        path: event.http.path,
        method: event.http.method,
        status: typeof status === 'number' && Number.isInteger(status) ? status : undefined,
      },
      place: geo && {
        country: geo.country,
        latitude: typeof geo.latitude === 'number' ? geo.latitude : undefined,
        longitude: typeof geo.longitude === 'number' ? geo.longitude : undefined,
        countryLevel: geo.precision === 'country' || undefined,
      },
      // Formats map their vendor fields (Keycloak `username`, Okta `alternateId`, Entra UPN…) onto these three keys.
      names: details ? personNames(details.username, details.email, details.displayName) : undefined,
      roles: pools.roles.of(event.tokens),
      tokenReferences: details && links ? tokenReferences(details, links) : undefined,
    },
    seq,
  );
}

/** What entries share with each other: one copy of each repeated string, one list per single (token, role). */
export interface EntryPools {
  readonly strings: StringPool;
  readonly roles: SharedRoles;
  /** The entries' fields, as columns (entry-table.ts). */
  readonly table: EntryTable;
}

/** Pools for one analysis. */
export function entryPools(): EntryPools {
  const strings = new StringPool();
  return { strings, roles: new SharedRoles(strings), table: new EntryTable(strings) };
}

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
