import type { EvidenceProblem } from '../evidence/types';
import type { GeoLocation } from '../geo/types';
import type { ParsedUserAgent } from '../useragent/parse-user-agent';

/**
 * The normalized event every source parser produces, whatever the log it came from. Times are UTC epoch
 * milliseconds; every event points back to its evidence (file SHA-256 plus line and/or entry index) and keeps the
 * original record text. docs/sources.md maps each vendor field onto these.
 */

/** Every format Tokentrail reads; the name `--format` and the UI's format picker use. */
export type SourceFormatName =
  | 'har'
  | 'tokentrail-jsonl'
  | 'access-log'
  | 'okta'
  | 'auth0'
  | 'keycloak'
  | 'entra'
  | 'cloudtrail'
  | 'csv'
  | 'token-list';

/**
 * What happened. The first eight are the token lifecycle of the canonical format; `request` is an HTTP request
 * that carried no token, `sighting` a token found with no event around it (a plain token list), `other` a vendor
 * event that is none of these (kept: it may matter), `unparsed` a record no reader could make sense of, kept with its
 * raw text and the problem in `details.problem` so it stays searchable (attack traffic is what arrives malformed).
 */
export type AuthEventKind =
  | 'issue'
  | 'refresh'
  | 'revoke'
  | 'use'
  | 'login'
  | 'logout'
  | 'failure'
  | 'key-rotation'
  | 'request'
  | 'sighting'
  | 'other'
  | 'unparsed';

/** Every kind, in the order the UI lists them. */
export const AUTH_EVENT_KINDS: readonly AuthEventKind[] = [
  'issue',
  'refresh',
  'revoke',
  'use',
  'login',
  'logout',
  'failure',
  'key-rotation',
  'request',
  'sighting',
  'other',
  'unparsed',
];

/** Where an event came from. */
export interface EventSourceRef {
  /** Path of the evidence file (inside the bundle, or the loose file's name). */
  readonly file: string;
  /** Lower-case hex SHA-256 of the evidence file. */
  readonly sha256: string;
  readonly format: SourceFormatName;
  /** 1-based line where the record starts (every text format has one). */
  readonly line?: number;
  /** 0-based position of the record in a JSON array (HAR entries, CloudTrail Records, a JSON export). */
  readonly index?: number;
}

/** How a token was carried in the record. */
export type TokenRole =
  | 'authorization'
  | 'cookie'
  | 'set-cookie'
  | 'access_token'
  | 'refresh_token'
  | 'id_token'
  | 'query'
  | 'field'
  | 'text';

/** A compact JWS/JWE found in a record. */
export interface EventToken {
  /** SHA-256 (hex) of the compact form: the token's identity everywhere in Tokentrail. */
  readonly hash: string;
  /** The compact token itself (evidence is kept). */
  readonly compact: string;
  readonly role: TokenRole;
  /** Cookie, JSON field or query parameter name, when there is one. */
  readonly field?: string;
}

/** The HTTP side of a request, when the record has one. */
export interface HttpExchange {
  readonly method?: string;
  /** Path and query as logged (tokens in a query stay visible here: the record is evidence). */
  readonly path?: string;
  readonly host?: string;
  readonly status?: number;
}

/** One normalized authentication event. */
export interface AuthEvent {
  /** UTC epoch milliseconds; null only when the record has no time at all (a token list) or an unreadable one. */
  readonly ts: number | null;
  /** The time exactly as the record wrote it. */
  readonly time: string | null;
  readonly source: EventSourceRef;
  readonly kind: AuthEventKind;
  /** The vendor's own event name, e.g. `app.oauth2.as.token.grant.access_token`, `seacft`, `CODE_TO_TOKEN`. */
  readonly action?: string;
  readonly outcome?: 'success' | 'failure';
  /** Why it failed, in the vendor's words. */
  readonly reason?: string;
  /** The user (or client, for client-credential grants) the event is about. */
  readonly subject?: string;
  readonly clientId?: string;
  /** App version or build as logged. */
  readonly appVersion?: string;
  readonly sessionId?: string;
  /** Token identifier (jti, Keycloak token_id, Entra uniqueTokenIdentifier). */
  readonly jti?: string;
  /** Distinct SHA-256 hashes of every compact token in the record, in order of appearance. */
  readonly tokenHashes: readonly string[];
  readonly tokens: readonly EventToken[];
  readonly ip?: string;
  readonly userAgent?: string;
  /** The user agent read into browser, OS and device. */
  readonly agent?: ParsedUserAgent;
  readonly geo?: GeoLocation;
  readonly http?: HttpExchange;
  /** Further vendor identifiers worth filtering on (refresh_token_id, grant_type, realm, error…), as strings. */
  readonly details?: Readonly<Record<string, string>>;
  /** The original record, as text (for a JSON export: that element's JSON). */
  readonly record: string;
}

/** A record the parser could not (fully) read. Never stops the parse. */
export interface ParseProblem extends EvidenceProblem {
  /** Stable code, listed in docs/sources.md: `malformed-json`, `invalid-utf8`, `invalid-time`, `truncated`… */
  readonly code: ParseProblemCode;
  readonly index?: number;
}

/** The stable problem codes of core/sources. */
export type ParseProblemCode =
  | 'format-unknown'
  | 'unsupported-encoding'
  | 'invalid-utf8'
  | 'line-too-long'
  | 'record-too-large'
  | 'malformed-json'
  | 'malformed-line'
  | 'not-a-record'
  | 'missing-time'
  | 'invalid-time'
  | 'unknown-kind'
  | 'truncated'
  | 'no-token'
  | 'source-changed';
