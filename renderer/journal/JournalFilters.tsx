// The journal's filter bar: investigator and action pickers and a time range typed in the investigator's zone (as
// the timeline's From/To are). Times apply on Enter or when the field is left.
import { useState, type FormEvent } from 'react';
import { CUSTODY_ACTIONS, type CustodyAction } from '../../core/evidence';
import { parseAnyTime } from '../../core/sources';
import { useApp } from '../shell/app-context';
import { formatInstant, parseZonedInput } from '../shell/format-time';
import type { JournalFilter } from './journal-filter';

interface JournalFiltersProps {
  readonly filter: JournalFilter;
  readonly investigators: readonly string[];
  readonly onChange: (filter: JournalFilter) => void;
}

export function JournalFilters({ filter, investigators, onChange }: JournalFiltersProps) {
  const { timeZone } = useApp();
  const [draft, setDraft] = useState<{ from?: string; to?: string }>({});
  const [timeError, setTimeError] = useState('');
  const shown = (key: 'from' | 'to') => {
    const value = filter[key];
    return draft[key] ?? (value === undefined ? '' : formatInstant(value, timeZone));
  };

  const apply = (event?: FormEvent) => {
    event?.preventDefault();
    const time = (key: 'from' | 'to') => {
      const typed = draft[key];
      if (typed === undefined) return filter[key];
      return typed.trim() ? parseZonedInput(typed, timeZone, (value) => parseAnyTime(value)) : undefined;
    };
    const [from, to] = [time('from'), time('to')];
    if ((draft.from?.trim() && from === undefined) || (draft.to?.trim() && to === undefined)) {
      setTimeError(
        `Write times as 2026-11-18 09:30 (read in ${timeZone}) or with an offset, 2026-11-18T09:30:00+01:00.`,
      );
      return;
    }
    setTimeError('');
    setDraft({});
    onChange({ ...filter, from, to });
  };

  const timeField = (key: 'from' | 'to', label: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        data-testid={`journal-filter-${key}`}
        value={shown(key)}
        onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
        onBlur={() => draft[key] !== undefined && apply()}
      />
    </label>
  );

  return (
    <form className="timeline-filters" data-testid="journal-filters" onSubmit={apply}>
      <label className="field">
        <span>Investigator</span>
        <select
          data-testid="journal-filter-investigator"
          value={filter.investigator}
          onChange={(event) => onChange({ ...filter, investigator: event.target.value })}
        >
          <option value="">anyone</option>
          {investigators.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Action</span>
        <select
          data-testid="journal-filter-action"
          value={filter.action}
          onChange={(event) => onChange({ ...filter, action: event.target.value as CustodyAction | '' })}
        >
          <option value="">any</option>
          {CUSTODY_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </label>
      {timeField('from', 'From')}
      {timeField('to', 'To')}
      {/* Enter in a time field submits the form; the button keeps that reachable without a pointer. */}
      <button type="submit" data-testid="journal-filter-apply">
        Apply
      </button>
      {timeError && (
        <p className="error small" role="alert" data-testid="journal-filter-error">
          {timeError}
        </p>
      )}
    </form>
  );
}
