/**
 * Records and inputs of the evidence layer. Every record is readonly: evidence is never modified after import.
 */

/** What a file in a bundle holds; decides which parser reads it later. */
export type EvidenceKind =
  | 'tokens'
  | 'auth-log'
  | 'access-log'
  | 'har'
  | 'jwks'
  | 'pem'
  | 'certificate'
  | 'secret'
  | 'key-rotation'
  | 'case-config'
  | 'other';

export const EVIDENCE_KINDS: readonly EvidenceKind[] = [
  'tokens',
  'auth-log',
  'access-log',
  'har',
  'jwks',
  'pem',
  'certificate',
  'secret',
  'key-rotation',
  'case-config',
  'other',
];

/** The kinds that hold keys (the key loader reads which format from the bytes themselves). */
export const KEY_KINDS: readonly EvidenceKind[] = ['jwks', 'pem', 'certificate', 'secret'];

/** Case metadata as written by whoever collected the evidence (docs/bundle-format.md). */
export interface CaseMetadata {
  readonly title: string;
  readonly caseNumber?: string;
  readonly collectedBy?: string;
  /** ISO 8601 with an explicit offset, e.g. 2026-11-02T14:03:00+01:00. */
  readonly collectedAt?: string;
  /** IANA zone the collector worked in, e.g. Europe/Berlin. */
  readonly timeZone?: string;
  readonly sourceSystems?: readonly string[];
  readonly notes?: string;
}

/** One file as the manifest declares it. */
export interface ManifestEntry {
  /** Relative path inside the bundle, '/'-separated. */
  readonly path: string;
  readonly kind: EvidenceKind;
  readonly mediaType: string;
  readonly size: number;
  /** Lower-case hex SHA-256 of the file's bytes. */
  readonly sha256: string;
  readonly description?: string;
}

/** manifest.json of a Tokentrail evidence bundle, format version 1. */
export interface Manifest {
  readonly format: 'tokentrail-bundle';
  readonly formatVersion: 1;
  readonly case: CaseMetadata;
  readonly files: readonly ManifestEntry[];
  /** True when Tokentrail made this manifest on import because the evidence came without one. */
  readonly generated?: boolean;
}

/** A problem found in evidence, always with a location a human can go and look at. */
export interface EvidenceProblem {
  /** Stable code the UI and CLI switch on, e.g. `manifest-invalid-field`. */
  readonly code: string;
  /** Which file (path inside the bundle, or the bundle's own name). */
  readonly file: string;
  /** 1-based line where the problem is, when the file is text. */
  readonly line?: number;
  readonly message: string;
}

/** How one file compares with the manifest. */
export type FileVerdict =
  | 'match' // size and SHA-256 as declared
  | 'size-mismatch' // size differs (the hash then differs too)
  | 'hash-mismatch' // same size, different bytes
  | 'missing' // declared, not present
  | 'unlisted' // present, not declared
  | 'generated'; // loose file: the manifest entry was made on import

/** The result for one file: what was declared, what was found. */
export interface FileCheck {
  readonly path: string;
  readonly kind: EvidenceKind;
  readonly mediaType: string;
  readonly verdict: FileVerdict;
  readonly declared?: { readonly size: number; readonly sha256: string };
  readonly actual?: { readonly size: number; readonly sha256: string };
  readonly description?: string;
}

/** A file's verified content, kept unchanged to be stored as evidence. */
export interface EvidenceFileContent {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** Where a bundle came from. */
export interface BundleOrigin {
  readonly type: 'zip' | 'folder' | 'loose-files';
  /** File or folder name as the investigator picked it. */
  readonly name: string;
  /** Size and SHA-256 of the zip itself (zip bundles only). */
  readonly size?: number;
  readonly sha256?: string;
}

/** Everything the investigator must see before trusting a bundle. */
export interface BundleReport {
  readonly origin: BundleOrigin;
  readonly manifest: Manifest;
  /** Verdict over the whole bundle: `verified` only when every declared file matches and none is unlisted. */
  readonly verdict: 'verified' | 'mismatch' | 'generated';
  readonly files: readonly FileCheck[];
  readonly problems: readonly EvidenceProblem[];
  /** The bytes of every file present (declared or not), never changed. Not including manifest.json. */
  readonly contents: readonly EvidenceFileContent[];
  /** The manifest file's own bytes as found (absent when generated). */
  readonly manifestBytes?: Uint8Array;
}

/** A file the importer can read as a stream of chunks: large files never need to sit whole in memory. */
export interface SequentialInput {
  /** Path relative to the bundle root ('/'-separated), or the bare file name for a loose file. */
  readonly path: string;
  readonly size: number;
  chunks(): AsyncIterable<Uint8Array>;
}

/** A file the zip reader can read at any offset (it starts from the central directory at the end). */
export interface RandomAccessInput {
  readonly name: string;
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** What the investigator handed to the importer. */
export type BundleInput =
  | { readonly type: 'zip'; readonly zip: RandomAccessInput }
  | { readonly type: 'folder'; readonly name: string; readonly files: readonly SequentialInput[] }
  | { readonly type: 'loose-files'; readonly files: readonly SequentialInput[] };

/** Limits against hostile archives; the uncompressed total is the one an investigator may raise. */
export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxCompressionRatio: number;
  readonly maxUncompressedBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxCompressionRatio: 100,
  maxUncompressedBytes: 2 * 1024 * 1024 * 1024,
};

/** Progress of a long operation, in bytes read so far out of a known total. */
export interface Progress {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

/** Options shared by every long-running evidence operation. */
export interface OperationOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
}

/** Minimal AbortSignal shape: core has no DOM types, every host's AbortSignal fits this. */
export interface AbortSignal {
  readonly aborted: boolean;
}

/** A value a detector parameter can take (it is stored as JSON, and hashed as canonical JSON). */
export type ParameterValue =
  string | number | boolean | null | readonly ParameterValue[] | { readonly [name: string]: ParameterValue };

/**
 * One detector parameter an investigator changed for a case (custody action `parameters-changed`). `from` and `to`
 * are the investigator's own settings; an absent one means none was set, so case-config.json's value or the
 * engine's default applied.
 */
export interface ParameterChange {
  /** Detector id (docs/detectors.md), or `common` for the parameters every detector shares. */
  readonly detector: string;
  readonly parameter: string;
  readonly from?: ParameterValue;
  readonly to?: ParameterValue;
}

/**
 * What a custody (journal) entry records. Evidence handling: import, import-rejected, reverify, evidence-discarded.
 * The case: case-created, case-deleted, case-renamed, parameters-changed. The investigator's judgement:
 * annotation-created/-edited/-deleted (one item) and bulk-annotation (a filter and the count it matched). What left
 * or entered the case: export (a timeline/findings export), archive-exported, archive-imported, report. Training:
 * exercise-submitted (a trainee's frozen submission, by its digest).
 */
export type CustodyAction =
  | 'import'
  | 'import-rejected'
  | 'reverify'
  | 'evidence-discarded'
  | 'case-created'
  | 'case-deleted'
  | 'case-renamed'
  | 'parameters-changed'
  | 'annotation-created'
  | 'annotation-edited'
  | 'annotation-deleted'
  | 'bulk-annotation'
  | 'export'
  | 'archive-exported'
  | 'archive-imported'
  | 'report'
  | 'exercise-submitted';

/** Every custody action, for filters and validation. */
export const CUSTODY_ACTIONS: readonly CustodyAction[] = [
  'import',
  'import-rejected',
  'reverify',
  'evidence-discarded',
  'case-created',
  'case-deleted',
  'case-renamed',
  'parameters-changed',
  'annotation-created',
  'annotation-edited',
  'annotation-deleted',
  'bulk-annotation',
  'export',
  'archive-exported',
  'archive-imported',
  'report',
  'exercise-submitted',
];

/** One entry of a case's custody record; entries are hash-chained so any later edit is detectable. */
export interface CustodyEntry {
  readonly caseId: string;
  /** 0-based position in this case's chain. */
  readonly seq: number;
  /** UTC epoch milliseconds. */
  readonly at: number;
  readonly investigator: string;
  readonly action: CustodyAction;
  readonly source: string;
  readonly verdict?: BundleReport['verdict'] | 'rejected' | 'intact' | 'altered';
  readonly files: readonly {
    readonly path: string;
    readonly size: number;
    readonly sha256: string;
    readonly verdict: string;
  }[];
  readonly toolVersion: string;
  readonly detail?: string;
  /**
   * SHA-256 (hex) of the canonical JSON of what an investigator action changed (an annotation's before and after, a
   * bulk annotation's filter and targets, an export's bytes…): the journal proves what changed without holding it.
   */
  readonly digest?: string;
  /** The item an action was about (`token:<hash>`, `event:<seq>`, `finding:<key>`, `key:<id>`, `file:<id>`). */
  readonly target?: string;
  /** What a `parameters-changed` entry changed, one parameter each; covered by the entry's hash like every field. */
  readonly parameterChanges?: readonly ParameterChange[];
  /** SHA-256 (hex) of the previous entry's `hash`, or 64 zeros for the first. */
  readonly prevHash: string;
  /** SHA-256 (hex) over the canonical JSON of this entry without `hash`. */
  readonly hash: string;
}
