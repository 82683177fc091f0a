// The investigator's own judgement on items of a case. Annotations never change evidence or derived records: they
// are kept beside them, keyed by the item's stable id, and every change is a new revision (who, when, before, after).

/** What can be annotated. */
export type AnnotationTargetKind = 'token' | 'event' | 'finding' | 'key' | 'file';

export const ANNOTATION_TARGET_KINDS: readonly AnnotationTargetKind[] = ['token', 'event', 'finding', 'key', 'file'];

/**
 * An annotated item by its stable id: a token's SHA-256 (`tokenHash`), an event's case sequence number (decimal), a
 * finding's stable key (core/timeline `Finding.key`, or a token check's finding id), a key's id in the case's key
 * history, an evidence file's id.
 */
export interface AnnotationTarget {
  readonly kind: AnnotationTargetKind;
  readonly id: string;
}

/** What the investigator decided about a finding. */
export type Disposition = 'open' | 'confirmed' | 'false-positive' | 'needs-review';

export const DISPOSITIONS: readonly Disposition[] = ['open', 'confirmed', 'false-positive', 'needs-review'];

/** A finding's severity as the investigator set it, with the reason it must be given. */
export interface SeverityOverride {
  readonly severity: string;
  readonly reason: string;
}

/** A tag of a case: created on the fly, named, coloured (`#rrggbb`). */
export interface CaseTag {
  readonly name: string;
  readonly colour: string;
}

/** The annotation of one item as it stands after its latest revision. */
export interface AnnotationState {
  /** Plain text; `token:<hash>`, `event:<seq>`, `finding:<key>`, `key:<id>`, `file:<id>` in it link to those items. */
  readonly note: string;
  /** Tag names from the case's tag set, sorted, no duplicates. */
  readonly tags: readonly string[];
  readonly starred: boolean;
  /** Findings only. */
  readonly disposition?: Disposition;
  /** Findings only. */
  readonly severityOverride?: SeverityOverride;
}

/** What happened to an annotation in one revision. */
export type AnnotationChange = 'created' | 'edited' | 'deleted';

/**
 * One revision of one item's annotation. Revisions are only ever appended: `rev` counts from 0 per item, `before` is
 * the state the revision replaced (null when created) and `after` the state it set (null when deleted).
 */
export interface AnnotationRevision {
  readonly caseId: string;
  /** {@link targetKey} of the item. */
  readonly target: string;
  readonly rev: number;
  readonly at: number;
  readonly investigator: string;
  readonly change: AnnotationChange;
  readonly before: AnnotationState | null;
  readonly after: AnnotationState | null;
  /** Set on revisions written by one bulk annotation: the id its journal entry names. */
  readonly bulkId?: string;
}
