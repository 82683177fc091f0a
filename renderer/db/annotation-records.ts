// The investigator's annotations as stored (schema v7). The history is the truth and is only ever appended to
// (annotationRevisions); annotationStates holds each item's latest state so lists and filters read one row per item,
// and is written in the same transaction as the revision it reflects.
import type { AnnotationRevision, AnnotationState, AnnotationTargetKind, CaseTag } from '../../core/annotations';

/** What an annotation can be filtered by; `note` entries carry '' (the item has a note), not the note's text. */
export type AnnotationFacetName = 'tag' | 'starred' | 'disposition' | 'note';

/**
 * One entry of the multi-entry `facets` index: [caseId, kind, facet, value]. One index answers "events tagged
 * `phishing`", "starred tokens", "findings confirmed" for every kind of item.
 */
export type AnnotationFacetKey = readonly [string, AnnotationTargetKind, AnnotationFacetName, string];

/** An item's annotation as it stands after revision `rev`. Keyed [caseId+target]. */
export interface AnnotationStateRecord {
  readonly caseId: string;
  /** targetKey(): `kind:id`. */
  readonly target: string;
  readonly kind: AnnotationTargetKind;
  readonly id: string;
  /** The latest revision's number, author and time. */
  readonly rev: number;
  readonly at: number;
  readonly investigator: string;
  readonly state: AnnotationState;
  readonly facets: readonly AnnotationFacetKey[];
}

/** One revision, keyed [caseId+target+rev]: core's AnnotationRevision as is. */
export type AnnotationRevisionRecord = AnnotationRevision;

/** A tag of a case's tag set, keyed [caseId+name]. */
export interface CaseTagRecord extends CaseTag {
  readonly caseId: string;
  readonly createdAt: number;
  readonly createdBy: string;
}
