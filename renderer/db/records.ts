// The records the renderer stores. All readonly: evidence and its derived records are never edited in
// place; corrections are new records. Times are UTC epoch milliseconds.
import type {
  BundleReport,
  CaseMetadata,
  CustodyAnchor,
  CustodyEntry,
  EvidenceKind,
  FileVerdict,
} from '../../core/evidence';
import type { GeoDatabaseInfo } from '../../core/geo';
import type { ExtractedToken } from '../../core/token';
import type { CaseExercise } from './exercise-records';

/** A case; the counters are kept here because count() over big tables is slow. */
export interface CaseRecord {
  readonly id: string;
  readonly title: string;
  readonly caseNumber?: string;
  readonly notes?: string;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Case metadata from the most recent bundle manifest that carried any. */
  readonly metadata?: CaseMetadata;
  readonly counts: CaseCounts;
  /**
   * The custody chain's length and last hash, written in the same transaction as every custody entry (schema v6), so
   * a chain whose tail was deleted or whose last entry was rewritten no longer matches (checkCustodyChain, core).
   */
  readonly custodyAnchor?: CustodyAnchor;
  /** Every geolocation database that placed an IP of this case (name, version, SHA-256), so findings reproduce. */
  readonly geoDatabases?: readonly GeoDatabaseInfo[];
  /** The next event's seq (events are keyed [caseId+seq]); only ever grows, so seqs are never reused. */
  readonly nextEventSeq?: number;
  /**
   * Set on cases that had events before schema v5 wrote the free-text rows (event-text.ts): their free-text filter
   * tests stored events one by one instead. Absent on every case created since.
   */
  readonly eventTextMissing?: true;
  /**
   * Set on cases whose text rows may lack a filter pack (event-text.ts): cases that had events before schema v9, and
   * cases imported from an archive whose filter records do not cover every text row. Their forward free-text pages
   * read the rows' keys and ask the filters by key, as backward pages always do; other cases' forward pages read the
   * packs alone. Absent on every case created since.
   */
  readonly textFiltersIncomplete?: true;
  /**
   * How the case's events are stored: absent, a row per event (authEvents); 'blocks', blocks of events with posting
   * rows (event-blocks.ts, schema v10). Chosen when the case is created and never changed.
   */
  readonly eventLayout?: 'blocks';
  /** How many evidence files were discarded (evidence/discard-evidence.ts); absent while none was. */
  readonly discardedFiles?: number;
  /** Detector parameters the investigator set for this case (docs/detectors.md); they override case-config.json's. */
  readonly detectorParameters?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Set on a case opened from a sealed exercise file (renderer/exercise); no index, so no schema version. */
  readonly exercise?: CaseExercise;
}

export interface CaseCounts {
  readonly imports: number;
  readonly files: number;
  readonly bytes: number;
  readonly tokens: number;
  readonly sightings: number;
  readonly custodyEntries: number;
  /** Normalized events and parse problems stored by ingest (schema v2). */
  readonly events: number;
  readonly eventProblems: number;
}

export const EMPTY_COUNTS: CaseCounts = {
  imports: 0,
  files: 0,
  bytes: 0,
  tokens: 0,
  sightings: 0,
  custodyEntries: 0,
  events: 0,
  eventProblems: 0,
};

/** One file of one import: its manifest verdict and hashes. The bytes live in evidenceBlobs. */
export interface EvidenceFileRecord {
  readonly id: string;
  readonly caseId: string;
  readonly importId: string;
  readonly path: string;
  readonly kind: EvidenceKind;
  readonly mediaType: string;
  readonly verdict: FileVerdict;
  /** Size and SHA-256 of the bytes stored (absent for a declared file that was missing). */
  readonly size?: number;
  readonly sha256?: string;
  /** What the manifest declared (absent for unlisted or generated entries). */
  readonly declared?: { readonly size: number; readonly sha256: string };
  readonly description?: string;
  /**
   * Set when the investigator discarded the file (added by mistake): its bytes and this record are kept — evidence
   * is never deleted — but its events, tokens, keys and configuration leave the analysis (evidence/discard-evidence.ts).
   */
  readonly discarded?: EvidenceDiscard;
}

/** Who discarded an evidence file, when, and why (journaled as `evidence-discarded`). */
export interface EvidenceDiscard {
  readonly at: number;
  readonly investigator: string;
  readonly reason: string;
}

/** The bytes of one evidence file, exactly as imported; a separate table so file lists never load them. */
export interface EvidenceBlobRecord {
  readonly fileId: string;
  readonly caseId: string;
  readonly bytes: Uint8Array;
}

/**
 * One import. This import flow writes everything in one transaction, so it stores `complete` only;
 * `in-progress` and `failed` are for streaming ingest that commits in batches.
 */
export interface ImportRecord {
  readonly id: string;
  readonly caseId: string;
  readonly at: number;
  readonly investigator: string;
  readonly origin: BundleReport['origin'];
  readonly verdict: BundleReport['verdict'];
  readonly status: 'in-progress' | 'complete' | 'failed';
  readonly problems: BundleReport['problems'];
  readonly manifestBytes?: Uint8Array;
  readonly fileCount: number;
}

/** A custody entry as stored: core's hash-chained entry, keyed by [caseId+seq]. */
export type CustodyRecord = CustodyEntry;

/** A distinct token of a case, keyed by [caseId+tokenHash]. */
export interface TokenRecord extends Omit<ExtractedToken, 'sightings'> {
  readonly caseId: string;
  readonly firstImportId: string;
  readonly sightingCount: number;
  /**
   * Where the token was first seen: its first sighting's file and line in the first import that had it, so tokens that
   * look alike are told apart and can be listed in file order. Absent on tokens stored before it was kept (the Tokens
   * view reads their first sighting instead).
   */
  readonly firstSeen?: TokenPlace;
}

/** A file of the case and a 1-based line in it. */
export interface TokenPlace {
  readonly path: string;
  readonly line: number;
}

/** One place a token was seen: file, line, column and what kind of place it was. */
export type TokenSightingRecord = ExtractedToken['sightings'][number] & {
  readonly id?: number;
  readonly caseId: string;
  readonly tokenHash: string;
  readonly importId: string;
};

/** A detector's or check's finding. */
export interface FindingRecord {
  readonly id: string;
  readonly caseId: string;
  /** What raised it: a token check (core/token, stored by renderer/tokens/token-analysis-store.ts) or a timeline detector. */
  readonly origin: 'token-check' | 'detector';
  /** The check's or detector's stable id (docs/checks.md, docs/detectors.md). */
  readonly detectorId: string;
  readonly severity: string;
  readonly tokenHash?: string;
  readonly at: number;
  readonly data: Readonly<Record<string, unknown>>;
}

/** App settings, one row per key. */
export interface SettingRecord {
  readonly key: string;
  readonly value: string;
}
