// The annotation part of every list's filter (timeline, tokens, findings): a tag, starred, a disposition, has a
// note. Pure: the lists held in memory test their rows with matchesAnnotation; the timeline, too long for that,
// resolves the filter to item ids through the facets index (queries.ts annotatedIds) with filterFacetKeys.
import type { AnnotationState, AnnotationTargetKind, Disposition } from '../../core/annotations';
import type { AnnotationFacetKey } from '../db/annotation-records';

export interface AnnotationFilter {
  readonly tag?: string;
  readonly starred?: boolean;
  /** Findings only; `open` also keeps findings nobody gave a disposition. */
  readonly disposition?: Disposition;
  readonly hasNote?: boolean;
}

/** True when the filter keeps every item. */
export function isEmptyAnnotationFilter(filter: AnnotationFilter | undefined): boolean {
  return !filter || (!filter.tag && !filter.starred && !filter.disposition && !filter.hasNote);
}

/** The disposition a finding counts under: its own, else `open`. */
export function dispositionOf(state: AnnotationState | undefined): Disposition {
  return state?.disposition ?? 'open';
}

/** Whether an item with this annotation (undefined: none) passes the filter. */
export function matchesAnnotation(state: AnnotationState | undefined, filter: AnnotationFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.tag && !state?.tags.includes(filter.tag)) return false;
  if (filter.starred && !state?.starred) return false;
  if (filter.hasNote && !state?.note) return false;
  return !filter.disposition || dispositionOf(state) === filter.disposition;
}

/**
 * The facet index entries an item must carry to pass the filter. A filter on `open` has none (it keeps items with
 * no annotation at all, which the index cannot list): callers filtering findings by `open` use matchesAnnotation.
 */
export function filterFacetKeys(
  caseId: string,
  kind: AnnotationTargetKind,
  filter: AnnotationFilter,
): AnnotationFacetKey[] {
  const keys: AnnotationFacetKey[] = [];
  if (filter.tag) keys.push([caseId, kind, 'tag', filter.tag]);
  if (filter.starred) keys.push([caseId, kind, 'starred', '']);
  if (filter.disposition && filter.disposition !== 'open') keys.push([caseId, kind, 'disposition', filter.disposition]);
  if (filter.hasNote) keys.push([caseId, kind, 'note', '']);
  return keys;
}

/** A short account of the filter for a filter note ("tag phishing, starred"). */
export function describeAnnotationFilter(filter: AnnotationFilter | undefined): string[] {
  if (!filter) return [];
  const parts: string[] = [];
  if (filter.tag) parts.push(`tag ${filter.tag}`);
  if (filter.starred) parts.push('starred');
  if (filter.disposition) parts.push(`disposition ${filter.disposition}`);
  if (filter.hasNote) parts.push('has a note');
  return parts;
}
