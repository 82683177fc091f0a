import { canonicalJson } from '../util/canonical-json';
import { sha256HexOfText } from '../evidence/sha256';
import { DISPOSITIONS, type AnnotationState } from './types';

/** An item nobody has annotated. */
export const EMPTY_ANNOTATION: AnnotationState = { note: '', tags: [], starred: false };

/** The state with tags sorted and de-duplicated and empty optional parts left out, so equal states compare equal. */
export function normalizeAnnotation(state: AnnotationState): AnnotationState {
  const tags = [...new Set(state.tags.map((tag) => tag.trim()).filter(Boolean))].sort();
  return {
    note: state.note,
    tags,
    starred: state.starred,
    ...(state.disposition ? { disposition: state.disposition } : {}),
    ...(state.severityOverride ? { severityOverride: state.severityOverride } : {}),
  };
}

/** Whether a state says nothing (no note, tag, star, disposition or override): storing it is a deletion. */
export function isEmptyAnnotation(state: AnnotationState): boolean {
  return !state.note && !state.tags.length && !state.starred && !state.disposition && !state.severityOverride;
}

/** What is wrong with a state an investigator wants to save, or undefined when it may be saved. */
export function annotationProblem(state: AnnotationState, targetIsFinding: boolean): string | undefined {
  if (!targetIsFinding && (state.disposition || state.severityOverride))
    return 'a disposition or a severity override can only be set on a finding';
  if (state.disposition && !DISPOSITIONS.includes(state.disposition))
    return `unknown disposition "${state.disposition}"`;
  if (state.severityOverride && !state.severityOverride.reason.trim()) return 'a severity override needs a reason';
  return undefined;
}

/** SHA-256 of the canonical JSON of a value: what a journal entry records of the change it logs. */
export function changeDigest(value: unknown): string {
  return sha256HexOfText(canonicalJson(value));
}
