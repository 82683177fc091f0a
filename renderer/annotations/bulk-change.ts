// What one bulk annotation does to every item it matches: add or remove a tag, star or unstar. Pure.
import { EMPTY_ANNOTATION, type AnnotationState } from '../../core/annotations';

export type BulkChange =
  | { readonly op: 'add-tag'; readonly tag: string }
  | { readonly op: 'remove-tag'; readonly tag: string }
  | { readonly op: 'star' }
  | { readonly op: 'unstar' };

/** The item's state after the change (the same object when the change does nothing to it). */
export function applyBulkChange(state: AnnotationState | undefined, change: BulkChange): AnnotationState {
  const current = state ?? EMPTY_ANNOTATION;
  switch (change.op) {
    case 'add-tag':
      return current.tags.includes(change.tag) ? current : { ...current, tags: [...current.tags, change.tag].sort() };
    case 'remove-tag':
      return current.tags.includes(change.tag)
        ? { ...current, tags: current.tags.filter((tag) => tag !== change.tag) }
        : current;
    case 'star':
      return current.starred ? current : { ...current, starred: true };
    case 'unstar':
      return current.starred ? { ...current, starred: false } : current;
  }
}

/** The change in words, for progress lines and the journal: `tag "phishing" added`. */
export function describeBulkChange(change: BulkChange): string {
  switch (change.op) {
    case 'add-tag':
      return `tag "${change.tag}" added`;
    case 'remove-tag':
      return `tag "${change.tag}" removed`;
    case 'star':
      return 'starred';
    case 'unstar':
      return 'unstarred';
  }
}
