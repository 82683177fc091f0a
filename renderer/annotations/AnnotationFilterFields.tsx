// The annotation part of a list's filter bar (timeline, tokens, findings): a tag of the case, starred, has a note,
// and for findings a disposition.
import { useLiveQuery } from 'dexie-react-hooks';
import { DISPOSITIONS, type Disposition } from '../../core/annotations';
import type { AnnotationFilter } from './annotation-filter';
import { caseTagSet } from './queries';
import './annotations.css';

interface AnnotationFilterFieldsProps {
  readonly caseId: string;
  readonly filter: AnnotationFilter | undefined;
  readonly onChange: (filter: AnnotationFilter) => void;
  /** Findings only. */
  readonly withDisposition?: boolean;
}

export function AnnotationFilterFields({
  caseId,
  filter = {},
  onChange,
  withDisposition,
}: AnnotationFilterFieldsProps) {
  const tags = useLiveQuery(() => caseTagSet(caseId), [caseId]);
  const set = (change: AnnotationFilter) => onChange({ ...filter, ...change });
  return (
    <>
      <label className="inline-field">
        <span>Tag</span>
        <select
          data-testid="filter-annotation-tag"
          value={filter.tag ?? ''}
          onChange={(event) => set({ tag: event.target.value || undefined })}
        >
          <option value="">any</option>
          {(tags ?? []).map((tag) => (
            <option key={tag.name} value={tag.name}>
              {tag.name}
            </option>
          ))}
        </select>
      </label>
      {withDisposition && (
        <label className="inline-field">
          <span>Disposition</span>
          <select
            data-testid="filter-annotation-disposition"
            value={filter.disposition ?? ''}
            onChange={(event) => set({ disposition: (event.target.value || undefined) as Disposition | undefined })}
          >
            <option value="">any</option>
            {DISPOSITIONS.map((disposition) => (
              <option key={disposition} value={disposition}>
                {disposition}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="inline-field">
        <input
          type="checkbox"
          data-testid="filter-annotation-starred"
          checked={filter.starred ?? false}
          onChange={(event) => set({ starred: event.target.checked || undefined })}
        />
        <span>starred</span>
      </label>
      <label className="inline-field">
        <input
          type="checkbox"
          data-testid="filter-annotation-note"
          checked={filter.hasNote ?? false}
          onChange={(event) => set({ hasNote: event.target.checked || undefined })}
        />
        <span>has a note</span>
      </label>
    </>
  );
}
