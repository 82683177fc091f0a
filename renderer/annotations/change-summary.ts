// A journal entry's short account of one annotation change ("starred; tags +phishing; note edited"): the custody
// log shows it beside the digest, so an investigator reading the chain sees what kind of change each entry was
// without opening the item. The note's text and the override's reason are not repeated: the revision holds them.
import type { AnnotationState } from '../../core/annotations';
import { revisionChanges, type FieldChange } from './revision-changes';

function tagsChange(before: AnnotationState | null, after: AnnotationState): string {
  const old = before?.tags ?? [];
  const added = after.tags.filter((tag) => !old.includes(tag)).map((tag) => `+${tag}`);
  const removed = old.filter((tag) => !after.tags.includes(tag)).map((tag) => `-${tag}`);
  return `tags ${[...added, ...removed].join(' ')}`;
}

function fieldText(change: FieldChange, before: AnnotationState | null, after: AnnotationState): string {
  switch (change.field) {
    case 'starred':
      return after.starred ? 'starred' : 'unstarred';
    case 'tags':
      return tagsChange(before, after);
    case 'note':
      return !change.before ? 'note added' : !change.after ? 'note removed' : 'note edited';
    case 'disposition':
      return `disposition ${after.disposition ?? 'cleared'}`;
    case 'severity override':
      return after.severityOverride
        ? `severity overridden to ${after.severityOverride.severity}`
        : 'severity override removed';
  }
}

/** What changed between two states, or "annotation removed" when the item's annotation was deleted. */
export function describeAnnotationChange(before: AnnotationState | null, after: AnnotationState | null): string {
  if (!after) return 'annotation removed';
  return revisionChanges(before, after)
    .map((change) => fieldText(change, before, after))
    .join('; ');
}
