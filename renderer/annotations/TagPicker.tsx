// The tags of an item: each in its colour with a remove button, and a field to add one — picked from the case's
// tag set, or typed: a name the case does not know becomes a new tag (its colour shown before it is added).
import { forwardRef, useId, useState } from 'react';
import type { CaseTagRecord } from '../db/annotation-records';
import { TagBadge } from './AnnotationBadges';
import { tagColour } from './tag-colour';

interface TagPickerProps {
  readonly tags: readonly string[];
  readonly caseTags: ReadonlyMap<string, CaseTagRecord>;
  readonly onAdd: (name: string) => void;
  readonly onRemove: (name: string) => void;
}

export const TagPicker = forwardRef<HTMLInputElement, TagPickerProps>(function TagPicker(
  { tags, caseTags, onAdd, onRemove },
  ref,
) {
  const [draft, setDraft] = useState('');
  const name = draft.trim();
  const add = () => {
    if (!name) return;
    onAdd(name);
    setDraft('');
  };
  const listId = useId();
  return (
    <div className="tag-picker" data-testid="tag-picker">
      {tags.map((tag) => (
        <span key={tag} className="tag-chip">
          <TagBadge name={tag} colour={caseTags.get(tag)?.colour ?? tagColour(tag)} />
          <button
            type="button"
            className="ghost small"
            data-testid="tag-remove"
            aria-label={`Remove tag ${tag}`}
            onClick={() => onRemove(tag)}
          >
            ×
          </button>
        </span>
      ))}
      <input
        ref={ref}
        data-testid="tag-input"
        list={listId}
        value={draft}
        placeholder="add a tag"
        aria-label="Add a tag"
        maxLength={64}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          add();
        }}
      />
      <datalist id={listId}>
        {[...caseTags.keys()]
          .filter((tag) => !tags.includes(tag))
          .map((tag) => (
            <option key={tag} value={tag} />
          ))}
      </datalist>
      {name && !caseTags.has(name) && (
        <span className="muted small" data-testid="tag-new-hint">
          new tag <span className="tag-swatch" style={{ background: tagColour(name) }} />
        </span>
      )}
      <button type="button" data-testid="tag-add" disabled={!name} onClick={add}>
        Add tag
      </button>
    </div>
  );
});
