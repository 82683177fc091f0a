// The marks of an annotated item in a list row: a star, its tags in their colours, and a note sign (the note in the
// tooltip). Nothing for an item without annotation, so unannotated rows look as they always did.
import type { AnnotationState } from '../../core/annotations';
import type { CaseTagRecord } from '../db/annotation-records';
import { tagColour } from './tag-colour';

interface AnnotationBadgesProps {
  readonly state: AnnotationState | undefined;
  /** The case's tags by name, for their colours. */
  readonly tags?: ReadonlyMap<string, CaseTagRecord>;
}

export function TagBadge({ name, colour }: { readonly name: string; readonly colour: string }) {
  return (
    <span className="badge tag-badge" style={{ background: colour }} data-testid="tag-badge" data-tag={name}>
      {name}
    </span>
  );
}

export function AnnotationBadges({ state, tags }: AnnotationBadgesProps) {
  if (!state) return null;
  return (
    <span className="annotation-badges" data-testid="annotation-badges">
      {state.starred && (
        <span className="star-mark" data-testid="star-badge" title="Starred" aria-label="starred">
          ★
        </span>
      )}
      {state.tags.map((name) => (
        <TagBadge key={name} name={name} colour={tags?.get(name)?.colour ?? tagColour(name)} />
      ))}
      {state.note && (
        <span className="note-mark" data-testid="note-badge" title={state.note} aria-label="has a note">
          ✎
        </span>
      )}
      {state.disposition && (
        <span className="badge badge-neutral" data-testid="disposition-badge" data-disposition={state.disposition}>
          {state.disposition}
        </span>
      )}
      {state.severityOverride && (
        <span
          className={`badge sev-${state.severityOverride.severity}`}
          data-testid="override-badge"
          title={`severity set by the investigator: ${state.severityOverride.reason}`}
        >
          → {state.severityOverride.severity}
        </span>
      )}
    </span>
  );
}
