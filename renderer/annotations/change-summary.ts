// A journal entry's short account of one annotation change ("starred; tags +phishing; note edited"): the custody
// log shows it beside the digest, so an investigator reading the chain sees what kind of change each entry was
// without opening the item. The note's text is not repeated: the revision holds it.
import type { AnnotationState } from '../../core/annotations';
import { EMPTY_ANNOTATION } from '../../core/annotations';

/** What changed between two states, or "annotation removed" when the item's annotation was deleted. */
export function describeAnnotationChange(before: AnnotationState | null, after: AnnotationState | null): string {
  if (!after) return 'annotation removed';
  const old = before ?? EMPTY_ANNOTATION;
  const parts: string[] = [];
  if (old.starred !== after.starred) parts.push(after.starred ? 'starred' : 'unstarred');
  const added = after.tags.filter((tag) => !old.tags.includes(tag));
  const removed = old.tags.filter((tag) => !after.tags.includes(tag));
  if (added.length || removed.length)
    parts.push(`tags ${[...added.map((tag) => `+${tag}`), ...removed.map((tag) => `-${tag}`)].join(' ')}`);
  if (old.note !== after.note) parts.push(!old.note ? 'note added' : !after.note ? 'note removed' : 'note edited');
  if (old.disposition !== after.disposition) parts.push(`disposition ${after.disposition ?? 'cleared'}`);
  const override = after.severityOverride;
  if (JSON.stringify(old.severityOverride) !== JSON.stringify(override))
    parts.push(override ? `severity overridden to ${override.severity}` : 'severity override removed');
  return parts.join('; ');
}
