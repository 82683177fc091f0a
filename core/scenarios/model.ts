import type { City } from './geography';

/** How hard a scenario is for a trainee. */
export type Difficulty = 'easy' | 'medium' | 'hard';

/** The log formats a scenario bundle can be written in (core/sources parses each). */
export const SCENARIO_FORMATS = [
  'jsonl',
  'access-log',
  'har',
  'okta',
  'entra',
  'auth0',
  'keycloak',
  'cloudtrail',
] as const;

/** One of {@link SCENARIO_FORMATS}. */
export type ScenarioFormat = (typeof SCENARIO_FORMATS)[number];

/** The vendor formats that can be the identity provider's sign-in log. */
export type IdentityProviderFormat = 'okta' | 'entra' | 'auth0' | 'keycloak';

/** A person of the generated population. */
export interface Person {
  readonly email: string;
  readonly displayName: string;
  /** The id the identity provider logs and puts in `sub` (an e-mail, `auth0|…`, a Keycloak UUID). */
  readonly subject: string;
  readonly home: City;
}

/** A client application the issuer knows. */
export interface ClientApp {
  readonly clientId: string;
  readonly kind: 'mobile' | 'web';
  /** The APIs (by audience) its access tokens are for. */
  readonly audiences: readonly string[];
}

/** A device someone uses: which app, which build, which addresses where. */
export interface Device {
  readonly id: string;
  readonly client: ClientApp;
  appVersion: string;
  readonly userAgent: (appVersion: string) => string;
  /** Its clock's error, in ms, as written into client-side captures (HAR). */
  readonly clockSkewMs: number;
  /** True when the device's traffic was captured as HAR. */
  readonly captured: boolean;
}

/** A token the scenario made: its compact form and hash, and what it is. */
export interface ScenarioToken {
  readonly compact: string;
  readonly hash: string;
  readonly jti?: string;
  readonly use: 'access' | 'refresh';
}

/** An API the tokens are presented to. */
export interface Api {
  readonly name: string;
  readonly host: string;
  /** The path prefix requests go under (the baseUrl's path). */
  readonly prefix: string;
  readonly audience: string;
  readonly paths: readonly string[];
}

/**
 * One thing that happened, before any log is written: the generator's truth. Writers turn each into records of the
 * formats that would have seen it; the answer key points at those records.
 */
export interface TruthEvent {
  readonly ts: number;
  readonly kind: 'login' | 'issue' | 'refresh' | 'revoke' | 'use' | 'logout';
  readonly person: Person;
  readonly device: Device;
  readonly ip: string;
  /** The client's User-Agent at the time (an app update changes it). */
  readonly userAgent: string;
  readonly city: City;
  readonly sessionId: string;
  readonly appVersion?: string;
  /** issue/refresh: the tokens issued. */
  readonly accessToken?: ScenarioToken;
  readonly refreshToken?: ScenarioToken;
  /** refresh: the refresh token redeemed; revoke: the token revoked. */
  readonly redeemed?: ScenarioToken;
  /** use: the token presented, the API, the request. */
  readonly presented?: ScenarioToken;
  readonly api?: Api;
  readonly method?: string;
  readonly path?: string;
  readonly status?: number;
  /** The incident this event belongs to, when it was planted (answer-key evidence). */
  readonly incident?: string;
  /** Seen only by the client's capture (HAR), not by the server logs: a request that never reached them. */
  readonly captureOnly?: boolean;
}

/** Where a writer put a truth event: a file and its line (text formats) or array index (JSON documents). */
export interface RecordLocation {
  readonly file: string;
  readonly line?: number;
  readonly index?: number;
}
