import type { ApiProfile } from './acceptance/api-profiles';
import type { CaseConfig } from '../evidence/case-config';
import type { KeyLifecycle } from '../evidence/key-rotation';
import type { AuthEventKind, HttpExchange, TokenRole } from '../sources/types';
import type { FindingEvidence, Severity } from '../token/findings';
import type { IdentityDirectory } from './identity/directory-types';
import type { TokenLink } from './hashed-tokens/link-types';

/**
 * The records of core/timeline: what goes in (events and token facts), and what comes out (lifecycles, token
 * families, findings). All plain, readonly, structured-clone-safe data: a worker can post them to the UI and Dexie
 * can store them as they are. Times are UTC epoch milliseconds.
 */

/** The key an event has in the host's store (Dexie's auto-increment id, or any stable string). */
export type EventId = string | number;

/** Where an event's record is in the evidence: file, file hash, and 1-based line and/or 0-based entry index. */
export interface EvidenceLocation {
  readonly file: string;
  readonly sha256: string;
  readonly line?: number;
  readonly index?: number;
}

/**
 * The part of a normalized {@link import('../sources/types').AuthEvent} the timeline reads. Every AuthEvent is a
 * TimelineEvent; a stored event adds its store `id`, which then appears in every finding and lifecycle step.
 */
export interface TimelineEvent {
  readonly id?: EventId;
  readonly ts: number | null;
  readonly source: EvidenceLocation;
  readonly kind: AuthEventKind;
  readonly outcome?: 'success' | 'failure';
  readonly subject?: string;
  readonly clientId?: string;
  readonly appVersion?: string;
  readonly sessionId?: string;
  readonly jti?: string;
  readonly tokens: readonly { readonly hash: string; readonly role: TokenRole }[];
  readonly ip?: string;
  readonly userAgent?: string;
  readonly geo?: {
    readonly country?: string;
    readonly city?: string;
    readonly latitude?: number;
    readonly longitude?: number;
    /** `country`: the coordinates are the country's centre (a country-level database), see core/geo GeoLocation. */
    readonly precision?: 'country';
  };
  readonly http?: HttpExchange;
  readonly details?: Readonly<Record<string, string>>;
}

/** The names a person goes by in one record or one token: login name, e-mail address, display name. */
export interface PersonNames {
  readonly username?: string;
  readonly email?: string;
  readonly displayName?: string;
}

/**
 * What the token engine established about one token, reduced to what correlation needs. Build it with
 * {@link import('./token-facts').tokenFactsFromAnalysis} from a TokenAnalysis, or directly from claims.
 */
export interface TokenFacts {
  readonly tokenHash: string;
  readonly jti?: string;
  readonly subject?: string;
  /** The `sid` claim: the session the token belongs to. */
  readonly sessionId?: string;
  readonly clientId?: string;
  readonly issuer?: string;
  /** The `aud` claim as a list (a single string becomes one entry); undefined when the token has none. */
  readonly audiences?: readonly string[];
  readonly issuedAt?: number;
  readonly notBefore?: number;
  readonly expiresAt?: number;
  /** App version carried in the claims (`app_ver`, `app_version`, `appVersion`), when any. */
  readonly appVersion?: string;
  /** `valid | invalid | no-key | unsupported | unsigned`, from the signature verdict; undefined when not analysed. */
  readonly signature?: 'valid' | 'invalid' | 'no-key' | 'unsupported' | 'unsigned';
  readonly alg?: string;
  /** The key that verified the signature (valid signatures only). */
  readonly signingKey?: { readonly kid?: string; readonly thumbprint: string; readonly source?: string };
  /**
   * Names the token's claims give (`preferred_username`/`upn`/`unique_name`, `email`, `name`): what the token says,
   * which is who the person is only if the signature holds (the identity directory marks them accordingly).
   */
  readonly names?: PersonNames;
  /** Ids of the token engine's findings on this token (e.g. `weak-hmac-secret`), used to explain forgery. */
  readonly checkIds?: readonly string[];
  /** SHA-256 (hex) of the compact JWS's signature segment, so records that log only that digest link to the token. */
  readonly signatureSha256?: string;
}

/** A key's recorded life, with where that record is in the evidence (so a finding can point at it). */
export interface KeyHistoryEntry extends KeyLifecycle {
  readonly source?: EvidenceLocation;
}

/** How a token took part in an event. */
export type TokenUse = 'issued' | 'presented' | 'redeemed' | 'revoked' | 'logged-out' | 'seen';

/** A pointer from a finding or lifecycle to one event: enough to open it in the store and in the evidence file. */
export interface EventRef {
  readonly id?: EventId;
  readonly ts: number | null;
  readonly kind: AuthEventKind;
  readonly source: EvidenceLocation;
}

/** An event as part of a finding, with why it is there (`issue`, `use`, `revoke`, `from`, `to`, `second-redeem`…). */
export interface FindingEventRef extends EventRef {
  readonly role: string;
  readonly tokenHash?: string;
  /** Set when the record does not carry the token but names it by a digest or jti: how it was linked, in words. */
  readonly linkedBy?: string;
}

/** One finding of a detector or a token check, with the events that prove it. */
export interface TimelineFinding {
  /** Stable across runs on the same evidence: use it as the store key, and to keep annotations attached. */
  readonly key: string;
  /** Detector or check id (docs/detectors.md, docs/checks.md). */
  readonly id: string;
  readonly origin: 'detector' | 'token-check';
  readonly title: string;
  readonly severity: Severity;
  /** One paragraph with the facts: what happened, when, where. */
  readonly message: string;
  /** Why it matters and what to look at next, for a non-specialist. */
  readonly explanation: string;
  readonly tokenHashes: readonly string[];
  readonly subject?: string;
  readonly sessionId?: string;
  /** Time of the first proving event (for sorting); null when none has a time. */
  readonly ts: number | null;
  /** The proving events, in time order (at most `maxEventsPerFinding`; see `eventCount`). */
  readonly events: readonly FindingEventRef[];
  /** How many events support the finding in total. */
  readonly eventCount: number;
  /** Key-rotation records the finding rests on (retired-key-signature). */
  readonly keys?: readonly KeyHistoryEntry[];
  /** The token engine's evidence (token-check findings). */
  readonly evidence?: FindingEvidence;
  readonly detail: Readonly<Record<string, string | number | boolean | null>>;
  readonly references: readonly string[];
}

/** One step of a token's life the diagram draws. */
export interface LifecycleStep {
  readonly use: TokenUse;
  readonly event: EventRef;
}

/** Something missing or odd in a token's recorded life. */
export interface LifecycleGap {
  readonly kind: 'no-issue-event' | 'parent-unknown' | 'silence' | 'no-end' | 'untimed-events';
  readonly from?: number;
  readonly to?: number;
  readonly message: string;
}

/** How a token's life ended, as far as the evidence shows. */
export interface LifecycleEnd {
  readonly reason: 'revoked' | 'logged-out' | 'expired' | 'open';
  readonly at?: number;
  readonly event?: EventRef;
}

/** A summary of a token's uses (the full list is a store query by token hash away). */
export interface UseSummary {
  readonly count: number;
  /** Uses the server refused (outcome failure or HTTP 401/403). */
  readonly rejected: number;
  readonly first?: EventRef;
  readonly last?: EventRef;
  readonly distinctIps: number;
  readonly distinctUserAgents: number;
  readonly countries: readonly string[];
}

/** A token's life: issue → uses → refreshes → revocation or expiry, with gaps called out. */
export interface TokenLifecycle {
  /** The token's SHA-256; for a refresh token known only by its identifier, `refresh-id:` and the identifier. */
  readonly tokenHash: string;
  /** Set when the lifecycle is of a refresh token the evidence names by identifier only (no captured token). */
  readonly refreshTokenId?: string;
  readonly jti?: string;
  readonly subject?: string;
  readonly sessionId?: string;
  readonly clientId?: string;
  readonly familyId?: string;
  readonly issuedAt?: number;
  readonly expiresAt?: number;
  /** The first event that issued the token. */
  readonly issue?: EventRef;
  /** The refresh token it was obtained with (`refresh`), or the token it followed in its session (`session`). */
  readonly parent?: { readonly tokenHash: string; readonly via: 'refresh' | 'session'; readonly event?: EventRef };
  /** Tokens obtained by redeeming this one (refresh tokens). */
  readonly children: readonly { readonly tokenHash: string; readonly event: EventRef }[];
  readonly uses: UseSummary;
  /** Every non-use event (issue, redeem, revoke, logout), plus the first and last use, in time order. */
  readonly milestones: readonly LifecycleStep[];
  readonly end: LifecycleEnd;
  readonly gaps: readonly LifecycleGap[];
}

/** Tokens linked by refresh chains and shared sessions: one login's descendants. */
export interface TokenFamily {
  /** Stable: `family:` + the first token's hash. */
  readonly id: string;
  readonly sessionIds: readonly string[];
  readonly subject?: string;
  /** Member tokens, in order of first appearance. */
  readonly tokens: readonly string[];
  /** `refresh`: redeeming `from` produced `to` (both in one refresh event); `session`: `to` was next issued in `from`'s session. */
  readonly edges: readonly {
    readonly from: string;
    readonly to: string;
    readonly via: 'refresh' | 'session';
    readonly event?: EventRef;
  }[];
  /** When the family was ended by a revocation or logout, and by which event. */
  readonly revoked?: { readonly at: number; readonly event: EventRef };
}

/** Everything the timeline analysis needs besides the events. */
export interface TimelineOptions {
  /** Facts per token (by token hash); tokens without facts are still correlated by hash, jti and session. */
  readonly tokens?: Iterable<TokenFacts>;
  readonly caseConfig?: CaseConfig;
  /** The issuer's key history (bundle key-rotation.json), with where each record is. */
  readonly keyHistory?: readonly KeyHistoryEntry[];
  /** Per-case parameters (see docs/detectors.md); unset members keep their defaults. */
  readonly parameters?: TimelineParameterOverrides;
  /** Run only these detectors (default: all of TIMELINE_DETECTORS). */
  readonly detectors?: readonly string[];
  /** Progress, for a worker to report: phase name, steps done, steps total. */
  readonly onProgress?: (phase: string, done: number, total: number) => void;
}

/** Parameters shared by every detector. */
export interface CommonParameters {
  /** Tolerated clock difference between systems, in seconds (default 60). */
  readonly clockSkewSeconds: number;
  /** At most this many events are linked to one finding (default 50; `eventCount` gives the total). */
  readonly maxEventsPerFinding: number;
  /** A lifecycle gap is called out when a token is silent this long while valid (default 3600 s). */
  readonly silenceSeconds: number;
}

/** Per-case overrides: `{ common?: {...}, "impossible-travel"?: {...}, ... }`. */
export type TimelineParameterOverrides = Readonly<Record<string, Readonly<Record<string, unknown>> | undefined>>;

/** What one detector run cost and found. */
export interface DetectorRun {
  readonly id: string;
  readonly findings: number;
  readonly milliseconds: number;
  /** Why it did not run or found nothing it could judge (e.g. no minimum app version configured). */
  readonly skipped?: string;
}

/** The result of {@link import('./analyze-timeline').analyzeTimeline}. */
export interface TimelineResult {
  readonly findings: readonly TimelineFinding[];
  readonly lifecycles: readonly TokenLifecycle[];
  readonly families: readonly TokenFamily[];
  readonly runs: readonly DetectorRun[];
  /** Every subject with the names the evidence gives it, and the conflicts among them (core/timeline/identity). */
  readonly identities: IdentityDirectory;
  /** What each API was seen to accept and refuse, per class of token flaw (core/timeline/acceptance). */
  readonly apiProfiles?: readonly ApiProfile[];
  /**
   * Events that name a token only by a digest or jti, with the tokens correlation attached to them and how: a store
   * keeps them so its views (a token's events, the timeline's token filter) show the same uses the detectors saw.
   */
  readonly tokenLinks: readonly EventTokenLinks[];
  readonly stats: {
    readonly events: number;
    readonly untimedEvents: number;
    readonly tokens: number;
    readonly firstTs: number | null;
    readonly lastTs: number | null;
    readonly milliseconds: number;
    /** Records linked to a token by digest or jti, and digests left unlinked because they fit several tokens. */
    readonly hashLinking: { readonly linked: number; readonly ambiguous: number };
  };
}

/** The tokens correlation attached to one event that does not carry them (core/timeline/hashed-tokens). */
export interface EventTokenLinks {
  /** The event's id as it was added (the app's seq). */
  readonly eventId: EventId;
  readonly tokens: readonly { readonly hash: string; readonly link: TokenLink }[];
}
