// What one revision changed, field by field, with the value before and after as text: the history in a detail pane
// shows these lines, and the journal entry's short account (change-summary.ts) is made from them.
import { EMPTY_ANNOTATION, type AnnotationState } from '../../core/annotations';

export type AnnotationField = 'starred' | 'tags' | 'note' | 'disposition' | 'severity override';

export interface FieldChange {
  readonly field: AnnotationField;
  readonly before: string;
  readonly after: string;
}

function overrideText(state: AnnotationState): string {
  const override = state.severityOverride;
  return override ? `${override.severity} (${override.reason})` : '';
}

const FIELDS: readonly (readonly [AnnotationField, (state: AnnotationState) => string])[] = [
  ['starred', (state) => (state.starred ? 'yes' : 'no')],
  ['tags', (state) => state.tags.join(', ')],
  ['note', (state) => state.note],
  ['disposition', (state) => state.disposition ?? ''],
  ['severity override', overrideText],
];

/** The fields whose text differs between the two states (null: no annotation), in a fixed order. */
export function revisionChanges(before: AnnotationState | null, after: AnnotationState | null): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, text] of FIELDS) {
    const change = { field, before: text(before ?? EMPTY_ANNOTATION), after: text(after ?? EMPTY_ANNOTATION) };
    if (change.before !== change.after) changes.push(change);
  }
  return changes;
}
