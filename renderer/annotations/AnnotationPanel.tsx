// The investigator's annotation of one item, in its detail pane: a star, tags (created on the fly), a note whose
// links to other items are clickable, and for a finding its disposition and severity override; below, the history.
// Every change is saved at once as a new revision with its journal entry (annotation-store.ts).
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef, useState } from 'react';
import { EMPTY_ANNOTATION, targetKey, type AnnotationState, type AnnotationTarget } from '../../core/annotations';
import { useApp } from '../shell/app-context';
import { AnnotationHistory } from './AnnotationHistory';
import { useAnnotationCommands } from './annotation-focus';
import { FindingJudgement } from './FindingJudgement';
import { NoteEditor } from './NoteEditor';
import { annotationState, caseTagSet, saveItemAnnotation } from './queries';
import { TagPicker } from './TagPicker';
import './annotations.css';

interface AnnotationPanelProps {
  readonly caseId: string;
  readonly target: AnnotationTarget;
  /** The heading: what is annotated ("Your annotation", "This key"). */
  readonly title?: string;
}

export function AnnotationPanel({ caseId, target, title = 'Annotation' }: AnnotationPanelProps) {
  const { investigator } = useApp();
  const key = targetKey(target);
  // null once read and absent, so the fields start from the stored state, not from an empty one while it loads.
  const record = useLiveQuery(async () => (await annotationState(caseId, key)) ?? null, [caseId, key]);
  const tagRows = useLiveQuery(() => caseTagSet(caseId), [caseId]);
  const caseTags = useMemo(() => new Map((tagRows ?? []).map((tag) => [tag.name, tag])), [tagRows]);
  const state = record?.state ?? EMPTY_ANNOTATION;
  const [error, setError] = useState('');
  const [editingNote, setEditingNote] = useState(false);
  const tagInput = useRef<HTMLInputElement>(null);
  const loaded = record !== undefined;

  const save = (next: (current: AnnotationState) => AnnotationState): Promise<boolean> =>
    saveItemAnnotation({ caseId, target, investigator, next }).then(
      () => {
        setError('');
        return true;
      },
      (failure: unknown) => {
        setError(`Not saved: ${failure instanceof Error ? failure.message : String(failure)}`);
        return false;
      },
    );
  const toggleStar = () => void save((current) => ({ ...current, starred: !current.starred }));
  useAnnotationCommands(key, (command) => {
    if (command === 'star') toggleStar();
    else if (command === 'tag') tagInput.current?.focus();
    else setEditingNote(true);
  });

  return (
    <section className="annotation-panel" data-testid="annotation-panel" data-target={key} aria-label={title}>
      <div className="annotation-head">
        <h3>{title}</h3>
        <button
          type="button"
          className={state.starred ? 'star-toggle on' : 'star-toggle'}
          data-testid="annotation-star"
          aria-pressed={state.starred}
          title="Star (s)"
          onClick={toggleStar}
        >
          {state.starred ? '★ Starred' : '☆ Star'}
        </button>
      </div>
      <TagPicker
        ref={tagInput}
        tags={state.tags}
        caseTags={caseTags}
        onAdd={(name) => void save((current) => ({ ...current, tags: [...current.tags, name] }))}
        onRemove={(name) => void save((current) => ({ ...current, tags: current.tags.filter((tag) => tag !== name) }))}
      />
      <NoteEditor
        caseId={caseId}
        note={state.note}
        editing={editingNote}
        onEditing={setEditingNote}
        onSave={(note) => save((current) => ({ ...current, note }))}
      />
      {target.kind === 'finding' && loaded && (
        <FindingJudgement
          // The override's fields start from the stored override, again whenever it changes.
          key={JSON.stringify(state.severityOverride ?? null)}
          state={state}
          save={(change) => void save(change)}
        />
      )}
      {error && (
        <p className="error" role="alert" data-testid="annotation-error">
          {error}
        </p>
      )}
      {record && (
        <p className="muted small" data-testid="annotation-last">
          Last changed by {record.investigator}
        </p>
      )}
      <AnnotationHistory caseId={caseId} target={key} />
    </section>
  );
}
