// "3 of 12 findings match the timeline filters: subject alice@… · IP 175.45.176.3 [Clear filters]": the line every
// view that applies the shared timeline filter without showing its form puts above what it narrowed, so nothing
// is ever hidden without saying so and one click shows everything again. Nothing is shown while no filter is set.
import { useLiveQuery } from 'dexie-react-hooks';
import { evidenceFileNames } from '../evidence/queries';
import { isEmptyFilter } from './timeline-filter';
import { describeTimelineFilter } from './filter-summary';
import { useApp } from '../shell/app-context';
import { useCaseFilter } from '../cases/case-filter';
import { plural, safeText } from '../shell/format';
import { formatInstant } from '../shell/format-time';

const safeFileName = (name: string | undefined) => (name === undefined ? undefined : safeText(name));

interface TimelineFilterNoteProps {
  readonly caseId: string;
  /** How many of `total` the filter keeps; undefined while that is being worked out. */
  readonly matched: number | undefined;
  readonly total: number;
  readonly noun: string;
  readonly pluralNoun?: string;
  /** Opens the Timeline, where the filter's form is. */
  readonly onEdit?: () => void;
}

export function TimelineFilterNote({ caseId, matched, total, noun, pluralNoun, onEdit }: TimelineFilterNoteProps) {
  const { timeZone } = useApp();
  const { filter, clear } = useCaseFilter();
  const files = useLiveQuery(() => evidenceFileNames(caseId), [caseId]);
  if (isEmptyFilter(filter)) return null;
  const parts = describeTimelineFilter(filter, {
    time: (ts) => formatInstant(ts, timeZone),
    fileName: (id) => safeFileName(files?.get(id)),
  });
  const narrowed = matched !== undefined && matched < total;
  return (
    <div
      className={narrowed ? 'filter-note narrowed' : 'filter-note'}
      data-testid="timeline-filter-note"
      data-matched={matched ?? ''}
      data-total={total}
      role="status"
    >
      <span data-testid="timeline-filter-count">
        {matched === undefined ? (
          `Checking ${plural(total, noun, pluralNoun)} against the timeline filters…`
        ) : (
          <>
            <strong>
              {matched} of {plural(total, noun, pluralNoun)}
            </strong>{' '}
            {total === 1 ? 'matches' : 'match'} the timeline filters:
          </>
        )}
      </span>
      <span className="filter-parts" data-testid="timeline-filter-summary">
        {parts.map((part) => (
          <span key={part.key} className="filter-part">
            <span className="muted">{part.label}</span> <span className="mono">{part.value}</span>
          </span>
        ))}
      </span>
      <span className="filter-note-actions">
        {onEdit && (
          <button type="button" className="link" data-testid="timeline-filter-edit" onClick={onEdit}>
            Edit in the Timeline
          </button>
        )}
        <button type="button" data-testid="timeline-filter-clear" onClick={clear}>
          Clear filters
        </button>
      </span>
    </div>
  );
}
