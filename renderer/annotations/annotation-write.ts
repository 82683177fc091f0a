// The pure part of writing one item's annotation: from the stored state row and the state the investigator wants,
// the revision to append, the state row to put (empty, without facets, when the annotation was deleted), its facet index entries and the journal entry's
// action and digest. The single-item writer (annotation-store.ts) and the bulk writer both build their rows here, so
// an annotation written either way is stored, indexed and journalled the same way.
import {
  annotationProblem,
  changeDigest,
  EMPTY_ANNOTATION,
  isEmptyAnnotation,
  normalizeAnnotation,
  targetKey,
  type AnnotationChange,
  type AnnotationState,
  type AnnotationTarget,
  type AnnotationTargetKind,
} from '../../core/annotations';
import { canonicalJson } from '../../core';
import type { CustodyAction } from '../../core/evidence';
import type { AnnotationFacetKey, AnnotationRevisionRecord, AnnotationStateRecord } from '../db/annotation-records';

/** What one write needs besides the two states. */
export interface AnnotationWriteInput {
  readonly caseId: string;
  readonly target: AnnotationTarget;
  readonly investigator: string;
  /** UTC epoch milliseconds. */
  readonly at: number;
  /** The item's stored state row (an empty one after a deletion), undefined when it was never annotated. */
  readonly previous: AnnotationStateRecord | undefined;
  /**
   * The number of the item's last revision when it has a history but no state row (rows are kept on deletion, so only
   * a store edited by other means holds such an item): numbering continues after it. Ignored when `previous` is given.
   */
  readonly lastRev?: number;
  /** The state the investigator wants; normalised here. */
  readonly next: AnnotationState;
  /** Set by a bulk annotation: the id its journal entry names, recorded on the revision. */
  readonly bulkId?: string;
}

/** The rows one annotation change writes, and what its journal entry records. */
export interface AnnotationWrite {
  readonly change: AnnotationChange;
  /** The revision to append to annotationRevisions. */
  readonly revision: AnnotationRevisionRecord;
  /**
   * The state row to put. When the annotation became empty it holds the empty state and no facets: the row stays so
   * that the item's next revision is numbered after this one without reading its history (a bulk annotation of a
   * million items reads their state rows per batch, never their revisions).
   */
  readonly state: AnnotationStateRecord;
  /** [caseId, target]: the key of the state row. */
  readonly stateKey: [string, string];
  /** The custody action of a single-item write. */
  readonly action: CustodyAction;
  /** changeDigest({ target, rev, before, after }): what the journal entry records of the change. */
  readonly digest: string;
}

const ACTIONS: Record<AnnotationChange, CustodyAction> = {
  created: 'annotation-created',
  edited: 'annotation-edited',
  deleted: 'annotation-deleted',
};

/** The facet index entries of a state: one per tag, and one each for starred, disposition and having a note. */
export function annotationFacets(
  caseId: string,
  kind: AnnotationTargetKind,
  state: AnnotationState,
): AnnotationFacetKey[] {
  const facets: AnnotationFacetKey[] = state.tags.map((tag) => [caseId, kind, 'tag', tag] as const);
  if (state.starred) facets.push([caseId, kind, 'starred', '']);
  if (state.disposition) facets.push([caseId, kind, 'disposition', state.disposition]);
  if (state.note) facets.push([caseId, kind, 'note', '']);
  return facets;
}

/**
 * The rows that change an item's annotation from its stored state to `next`, or undefined when nothing changes (the
 * same state again, or an empty state for an item without annotation). Throws when `next` may not be saved
 * (annotationProblem: a disposition or override on anything but a finding, an override without a reason).
 */
export function annotationWrite(input: AnnotationWriteInput): AnnotationWrite | undefined {
  const { caseId, target, investigator, at, previous } = input;
  const problem = annotationProblem(input.next, target.kind === 'finding');
  if (problem) throw new Error(`${targetKey(target)}: ${problem}`);
  const next = normalizeAnnotation(input.next);
  const before = previous && !isEmptyAnnotation(previous.state) ? previous.state : null;
  const after = isEmptyAnnotation(next) ? null : next;
  if (before === null && after === null) return undefined;
  if (before !== null && after !== null && canonicalJson(before) === canonicalJson(after)) return undefined;
  const change: AnnotationChange = before === null ? 'created' : after === null ? 'deleted' : 'edited';
  const key = targetKey(target);
  const rev = previous ? previous.rev + 1 : input.lastRev === undefined ? 0 : input.lastRev + 1;
  const revision: AnnotationRevisionRecord = {
    caseId,
    target: key,
    rev,
    at,
    investigator,
    change,
    before,
    after,
    ...(input.bulkId ? { bulkId: input.bulkId } : {}),
  };
  const stored = after ?? EMPTY_ANNOTATION;
  const state: AnnotationStateRecord = {
    caseId,
    target: key,
    kind: target.kind,
    id: target.id,
    rev,
    at,
    investigator,
    state: stored,
    facets: annotationFacets(caseId, target.kind, stored),
  };
  const digest = changeDigest({ target: key, rev, before, after });
  return { change, revision, state, stateKey: [caseId, key], action: ACTIONS[change], digest };
}
