import type { AnnotationState, Disposition } from '../annotations/types';
import type { CustodyEntry, EvidenceKind, FileVerdict, ParameterValue } from '../evidence/types';
import type { TimelineFinding } from '../timeline/types';
import type { ApiProfile, ProfileAnswers } from '../timeline/acceptance/api-profiles';
import type { Severity } from '../token/findings';

/**
 * What a report is built from: the case state as a host has it. The CLI fills it from its in-memory pipeline
 * (cli/report-input.ts), the app from its store. Everything here is plain data; nothing is read by core itself.
 */
export interface ReportInput {
  readonly case: {
    readonly id: string;
    readonly title: string;
    readonly examiners: readonly string[];
    /** IANA zone the report's times are shown in (they are stored as UTC epoch ms and printed in ISO UTC too). */
    readonly timeZone: string;
    /** The investigator's summary; empty when none was written (the report says so). */
    readonly summary: string;
    /** What the investigation could not see or establish; empty when none was written (the report says so). */
    readonly limitations: string;
    /** When the case was opened and when its evidence was collected, as the case records them (epoch ms). */
    readonly openedAt?: number;
    readonly collectedAt?: string;
  };
  readonly evidence: readonly ReportEvidenceFileInput[];
  readonly method: ReportMethod;
  /** Every finding of the case; the report keeps the chosen ones (see {@link ReportOptions.findingKeys}). */
  readonly findings: readonly TimelineFinding[];
  /** The original text of the records findings point at, by {@link recordKey} of their source. */
  readonly records: ReadonlyMap<string, string>;
  /** What the tokens involved look like: header and claims as decoded, by token hash. */
  readonly tokens: ReadonlyMap<string, ReportTokenInput>;
  /** The investigator's annotations by target key (`finding:<key>`, `token:<hash>`…); absent in the CLI. */
  readonly annotations?: ReadonlyMap<string, ReportAnnotationInput>;
  /** The case journal's head: absent where there is no journal (a report the CLI makes from a bundle). */
  readonly journal?: { readonly headHash: string; readonly length: number };
  /** Where the records findings point at were placed by geolocation, by {@link recordKey}; absent where none was. */
  readonly places?: ReadonlyMap<string, ReportPlaceInput>;
  /** What each API was seen to accept and refuse (core/timeline/acceptance), as the analysis found; absent: none. */
  readonly apiProfiles?: readonly ApiProfile[];
}

/** A record's geolocation as the event holds it. */
export interface ReportPlaceInput {
  readonly latitude: number;
  readonly longitude: number;
  readonly country?: string;
  readonly city?: string;
  /** `country`: the point is the country's centre (a country-level database). */
  readonly precision?: 'country';
}

/** The data behind the report's figures, kept in report.json so a reviewer can check what each figure draws. */
export interface ReportFigures {
  /** One row per token the findings involve (at most {@link REPORT_FIGURE_LIMITS}.tokens): its validity and uses. */
  readonly lifecycles: readonly {
    readonly token: string;
    /** From the token's `iat` and `exp` claims (ISO 8601 UTC), null when it has none. */
    readonly issuedAt: string | null;
    readonly expiresAt: string | null;
    /** The findings' records of this token, in time order: when, in which role, for which finding (1-based). */
    readonly events: readonly { readonly time: string; readonly role: string; readonly finding: number }[];
  }[];
  /** Tokens left out of the lifecycle figure (beyond the limit). */
  readonly lifecyclesOmitted: number;
  /** The findings' geolocated records in time order (at most the limit): the map figure's points. */
  readonly places: readonly {
    readonly time: string | null;
    readonly latitude: number;
    readonly longitude: number;
    readonly label: string;
    readonly precision?: 'country';
    readonly finding: number;
  }[];
  readonly placesOmitted: number;
}

/** One evidence file as the case holds it, with its custody entries. */
export interface ReportEvidenceFileInput {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  readonly kind: EvidenceKind;
  /** How the file compared with its bundle's manifest. */
  readonly verdict: FileVerdict;
  readonly custody: readonly CustodyEntry[];
}

/** How the case was examined: the tool, what ran with which parameters, the keys and the geolocation database. */
export interface ReportMethod {
  readonly toolName: string;
  readonly toolVersion: string;
  /** Every check and detector that ran, with its id, version and the parameters it ran with. */
  readonly analyzers: readonly {
    readonly kind: 'check' | 'detector';
    readonly id: string;
    readonly version: string;
    readonly parameters: Readonly<Record<string, ParameterValue>>;
  }[];
  /** The case configuration the checks read (issuers, audiences, algorithms, lifetimes…), as the case holds it. */
  readonly caseConfiguration?: ParameterValue;
  /** Key material used, by RFC 7638 thumbprint (never the key itself). */
  readonly keys: readonly {
    readonly thumbprint: string;
    readonly kid?: string;
    readonly kty: string;
    readonly file: string;
  }[];
  /** The geolocation databases that placed IP addresses (empty when none did). */
  readonly geoDatabases: readonly { readonly name: string; readonly version: string; readonly sha256: string }[];
}

/** A token involved in a finding, as decoded. */
export interface ReportTokenInput {
  readonly compact: string;
  readonly header: Readonly<Record<string, unknown>> | null;
  readonly claims: Readonly<Record<string, unknown>> | null;
}

/** An annotation with who made its latest revision and when. */
export interface ReportAnnotationInput {
  readonly state: AnnotationState;
  readonly author: string;
  readonly at: number;
}

/** What the investigator chose for this report. */
export interface ReportOptions {
  /** The report's generation time (epoch ms): part of the report, so two builds at the same time are identical. */
  readonly generatedAt: number;
  /** Finding keys to include; default {@link defaultFindingSelection}. */
  readonly findingKeys?: readonly string[];
  /** Include whole tokens (signature and all) and recovered secrets. Off by default: they are live credentials. */
  readonly includeSecrets?: boolean;
}

/** A token in the report: header, claims and SHA-256, its signature redacted unless secrets are included. */
export interface ReportToken {
  readonly sha256: string;
  readonly header: Readonly<Record<string, unknown>> | null;
  readonly claims: Readonly<Record<string, unknown>> | null;
  /** `header.payload.REDACTED` by default; the whole compact token when secrets are included. */
  readonly compact: string;
}

/** One record proving a finding. */
export interface ReportEvidenceRow {
  readonly role: string;
  readonly file: string;
  readonly sha256: string;
  readonly line?: number;
  readonly index?: number;
  /** ISO 8601 UTC, or null when the record has no time. */
  readonly time: string | null;
  /** The original record text, or null when the host did not have it. */
  readonly record: string | null;
}

/** A finding as reported. */
export interface ReportFinding {
  readonly key: string;
  readonly id: string;
  readonly title: string;
  /** The investigator's severity when overridden, else the engine's. */
  readonly severity: Severity;
  readonly engineSeverity: Severity;
  readonly severityOverrideReason?: string;
  readonly disposition: Disposition;
  readonly message: string;
  readonly explanation: string;
  readonly references: readonly string[];
  readonly subject?: string;
  readonly tokenHashes: readonly string[];
  readonly evidence: readonly ReportEvidenceRow[];
  /** How many records support it in all (the rows are the ones the engine linked). */
  readonly eventCount: number;
  /** The keys the finding rests on (the one that verified, the retired one), by kid and RFC 7638 thumbprint. */
  readonly keys: readonly { readonly kid?: string; readonly thumbprint?: string }[];
  readonly detail: Readonly<Record<string, string | number | boolean | null>>;
}

/** An annotation in the report. */
export interface ReportAnnotation {
  readonly target: string;
  readonly note: string;
  readonly tags: readonly string[];
  readonly starred: boolean;
  readonly disposition?: Disposition;
  readonly author: string;
  readonly at: string;
}

/** A hardening step the findings call for. */
export interface ReportRecommendation {
  readonly id: string;
  readonly text: string;
  readonly references: readonly string[];
  /** The finding keys it follows from. */
  readonly findings: readonly string[];
}

/** The whole report: what report.json holds (as canonical JSON), and what HTML and PDF render. */
export interface ReportModel {
  readonly format: 'tokentrail-report';
  readonly formatVersion: 1;
  readonly generatedAt: string;
  readonly case: {
    readonly id: string;
    readonly title: string;
    readonly examiners: readonly string[];
    readonly timeZone: string;
    readonly summary: string;
    readonly limitations: string;
    readonly openedAt?: string;
    readonly collectedAt?: string;
  };
  /** True when whole tokens and recovered secrets are included: the report says so on its first page. */
  readonly secretsIncluded: boolean;
  readonly evidence: readonly {
    readonly path: string;
    readonly size: number;
    readonly sha256: string;
    readonly kind: EvidenceKind;
    readonly verdict: FileVerdict;
    readonly custody: readonly {
      readonly seq: number;
      readonly at: string;
      readonly investigator: string;
      readonly action: string;
      readonly hash: string;
    }[];
  }[];
  readonly method: ReportMethod;
  /** How the findings were chosen: the default rule, or the investigator's own list. */
  readonly selection: 'default' | 'investigator';
  readonly findings: readonly ReportFinding[];
  readonly tokens: readonly ReportToken[];
  readonly annotations: readonly ReportAnnotation[];
  readonly journal: { readonly headHash: string; readonly length: number } | null;
  readonly recommendations: readonly ReportRecommendation[];
  /** Every API's verification profile: per class of token flaw, what it accepted and refused, with counts. */
  readonly apis: readonly ReportApiProfile[];
  /** What the lifecycle and map figures draw. */
  readonly figures: ReportFigures;
}

/** One API's verification profile as the report states it (docs/detectors.md, `bad-token-accepted`): the analysis's
 * profile with each flaw row's sides as counts and statuses (no request list), and a one-line summary. */
export type ReportApiProfile = Omit<ApiProfile, 'flaws'> & {
  /** `ACCEPTS unsigned tokens (1 × 200); refuses expired tokens (12 × 401); never tested: …`. */
  readonly summary: string;
  readonly flaws: readonly (Omit<ApiProfile['flaws'][number], 'accepted' | 'refused'> & {
    readonly label: string;
    readonly accepted: Pick<ProfileAnswers, 'count' | 'statuses'>;
    readonly refused: Pick<ProfileAnswers, 'count' | 'statuses'>;
  })[];
};
