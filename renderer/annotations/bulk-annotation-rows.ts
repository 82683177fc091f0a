// The rows one annotation change writes, as a pure function: the item's previous state row and its new state give
// the next revision (appended to annotationRevisions) and the new state row (put in annotationStates, with the facet
// keys its filters read). Nothing is overwritten in place: the revision keeps `before` and `after`.
//
// Interim: the annotations work (#14 §1) brings `annotationWrite` in annotation-write.ts with the same job; until the
// two are merged the bulk annotation uses this minimal one, and the merger keeps one of them.
import {
  EMPTY_ANNOTATION,
  isEmptyAnnotation,
  normalizeAnnotation,
  type AnnotationState,
  type AnnotationTarget,
} from '../../core/annotations';
import { targetKey } from '../../core/annotations';
import type { AnnotationFacetKey, AnnotationRevisionRecord, AnnotationStateRecord } from '../db/annotation-records';

/** The entries of the `facets` index a state stands for: one per tag, and the star, disposition and note if set. */
export function annotationFacets(
  caseId: string,
  kind: AnnotationTarget['kind'],
  state: AnnotationState,
): AnnotationFacetKey[] {
  const facets: AnnotationFacetKey[] = state.tags.map((tag) => [caseId, kind, 'tag', tag]);
  if (state.starred) facets.push([caseId, kind, 'starred', '']);
  if (state.disposition) facets.push([caseId, kind, 'disposition', state.disposition]);
  if (state.note) facets.push([caseId, kind, 'note', '']);
  return facets;
}

/** Who writes a revision, when, and (for a bulk annotation) under which bulk id. */
export interface AnnotationAuthor {
  readonly at: number;
  readonly investigator: string;
  readonly bulkId?: string;
}

/**
 * The revision and state rows that take an item from `previous` (its stored state row, if any) to `next`; undefined
 * when nothing changes. A state that says nothing is a deletion: the state row stays (empty, without facets) so the
 * item's next revision number is still known and revisions are never numbered twice.
 */
export function annotationRows(
  caseId: string,
  target: AnnotationTarget,
  previous: AnnotationStateRecord | undefined,
  next: AnnotationState,
  author: AnnotationAuthor,
): { revision: AnnotationRevisionRecord; state: AnnotationStateRecord } | undefined {
  const before = previous && !isEmptyAnnotation(previous.state) ? normalizeAnnotation(previous.state) : null;
  const after = isEmptyAnnotation(next) ? null : normalizeAnnotation(next);
  if (JSON.stringify(before) === JSON.stringify(after)) return undefined;
  const key = targetKey(target);
  const rev = previous ? previous.rev + 1 : 0;
  const revision: AnnotationRevisionRecord = {
    caseId,
    target: key,
    rev,
    at: author.at,
    investigator: author.investigator,
    change: before === null ? 'created' : after === null ? 'deleted' : 'edited',
    before,
    after,
    ...(author.bulkId ? { bulkId: author.bulkId } : {}),
  };
  const stored = after ?? EMPTY_ANNOTATION;
  const state: AnnotationStateRecord = {
    caseId,
    target: key,
    kind: target.kind,
    id: target.id,
    rev,
    at: author.at,
    investigator: author.investigator,
    state: stored,
    facets: annotationFacets(caseId, target.kind, stored),
  };
  return { revision, state };
}
