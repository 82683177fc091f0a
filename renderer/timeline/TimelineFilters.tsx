// The timeline's filters. Pickers (kind, country, source file, app version) list the values the case has,
// with counts; identifiers (subject, token, session, IP) are typed (exact values); text fields apply on
// Enter or when the field is left, so a half-typed value never starts a query.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { parseAnyTime } from '../../core/sources';
import type { EventFacet } from '../db/event-records';
import { facetValues } from './queries';
import { resolveSubject, type ResolvedSubject } from '../../core/timeline';
import { caseIdentities } from '../subjects/queries';
import { useNameOf } from '../subjects/subject-names-context';
import type { TimelineFilter } from './timeline-filter';
import { useApp } from '../shell/app-context';
import { safeText } from '../shell/format';
import { formatInstant, parseZonedInput } from '../shell/format-time';
import { AnnotationFilterFields } from '../annotations/AnnotationFilterFields';

interface TimelineFiltersProps {
  readonly caseId: string;
  readonly filter: TimelineFilter;
  readonly fileNames: ReadonlyMap<string, string>;
  readonly onChange: (filter: TimelineFilter) => void;
}

const PICKED: readonly { facet: EventFacet; label: string }[] = [
  { facet: 'kind', label: 'Kind' },
  { facet: 'country', label: 'Country' },
  { facet: 'file', label: 'Source file' },
  { facet: 'appVersion', label: 'App version' },
];

const TYPED: readonly { facet: EventFacet; label: string }[] = [
  { facet: 'subject', label: 'Subject (id or name)' },
  { facet: 'token', label: 'Token (SHA-256)' },
  { facet: 'session', label: 'Session' },
  { facet: 'ip', label: 'IP' },
];

function FacetPicker({
  caseId,
  facet,
  label,
  value,
  fileNames,
  onPick,
}: {
  caseId: string;
  facet: EventFacet;
  label: string;
  value: string;
  fileNames: ReadonlyMap<string, string>;
  onPick: (value: string) => void;
}) {
  const values = useLiveQuery(() => facetValues(caseId, facet), [caseId, facet]);
  return (
    <label className="field">
      <span>{label}</span>
      <select data-testid={`filter-${facet}`} value={value} onChange={(event) => onPick(event.target.value)}>
        <option value="">any</option>
        {(values ?? []).map((entry) => (
          <option key={entry.value} value={entry.value}>
            {safeText((facet === 'file' ? fileNames.get(entry.value) : undefined) ?? entry.value)} ({entry.count})
          </option>
        ))}
      </select>
    </label>
  );
}

export function TimelineFilters({ caseId, filter, fileNames, onChange }: TimelineFiltersProps) {
  const { timeZone } = useApp();
  const show = (ts: number | undefined) => (ts === undefined ? '' : formatInstant(ts, timeZone));
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [timeError, setTimeError] = useState('');
  const identities = useLiveQuery(() => caseIdentities(caseId), [caseId]);
  const [subjectChoice, setSubjectChoice] = useState<(ResolvedSubject & { typed: string }) | undefined>();
  const nameOf = useNameOf();
  // A filter set from elsewhere (the histogram, Clear, a token's link) replaces what was half-typed here. The form
  // is not remounted for that (a key on it did so once): remounting on the filter a blur just applied destroyed the
  // field Tab was moving to, and focus fell to the page body.
  const filterKey = JSON.stringify(filter);
  const [shownFilter, setShownFilter] = useState(filterKey);
  if (shownFilter !== filterKey) {
    setShownFilter(filterKey);
    setDraft({});
    setTimeError('');
  }
  const text = (key: string, current: string | undefined) => draft[key] ?? current ?? '';
  const setFacet = (facet: EventFacet, value: string) =>
    onChange({ ...filter, facets: { ...filter.facets, [facet]: value.trim() || undefined } });

  const apply = (event?: FormEvent) => {
    event?.preventDefault();
    const time = (key: 'from' | 'to') => {
      const typed = draft[key];
      if (typed === undefined) return filter[key];
      if (!typed.trim()) return undefined;
      return parseZonedInput(typed, timeZone, (value) => parseAnyTime(value));
    };
    const [from, to] = [time('from'), time('to')];
    if ((draft.from?.trim() && from === undefined) || (draft.to?.trim() && to === undefined)) {
      setTimeError(
        `Write times as 2026-11-18 09:30 (read in ${timeZone}) or with an offset, 2026-11-18T09:30:00+01:00.`,
      );
      return;
    }
    setTimeError('');
    const facets = { ...filter.facets };
    for (const { facet } of TYPED) if (draft[facet] !== undefined) facets[facet] = draft[facet]!.trim() || undefined;
    // A subject may be typed as a name the evidence gives it: one subject → filter by its id; several → let the
    // investigator pick (a renamed, shared or borrowed name is itself a lead).
    const resolved = draft.subject !== undefined ? resolveSubject(identities, draft.subject) : undefined;
    setSubjectChoice(
      resolved && resolved.subjects.length > 1 ? { typed: draft.subject!.trim(), ...resolved } : undefined,
    );
    if (resolved) facets.subject = resolved.subjects.length === 1 ? resolved.subjects[0] : undefined;
    setDraft({});
    onChange({
      ...filter,
      from,
      to,
      facets,
      text: draft.text !== undefined ? draft.text.trim() || undefined : filter.text,
    });
  };

  const typed = (key: string, label: string, current: string | undefined) => (
    <label className="field" key={key}>
      <span>{label}</span>
      <input
        data-testid={`filter-${key}`}
        value={text(key, current)}
        onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
        onBlur={() => draft[key] !== undefined && apply()}
      />
    </label>
  );

  return (
    <form className="timeline-filters" data-testid="timeline-filters" onSubmit={apply}>
      {typed('from', 'From', show(filter.from))}
      {typed('to', 'To', show(filter.to))}
      {PICKED.map(({ facet, label }) => (
        <FacetPicker
          key={facet}
          caseId={caseId}
          facet={facet}
          label={label}
          value={filter.facets?.[facet] ?? ''}
          fileNames={fileNames}
          onPick={(value) => setFacet(facet, value)}
        />
      ))}
      {TYPED.map(({ facet, label }) => typed(facet, label, filter.facets?.[facet]))}
      {typed('text', 'Text', filter.text)}
      <div className="field timeline-annotation-field">
        <span>Annotation</span>
        <div className="inline-field timeline-annotation-filter">
          <AnnotationFilterFields
            caseId={caseId}
            filter={filter.annotation}
            onChange={(annotation) => onChange({ ...filter, annotation })}
          />
        </div>
      </div>
      <div className="filter-actions">
        <button type="submit" data-testid="filter-apply">
          Apply
        </button>
        <button
          type="button"
          data-testid="filter-clear"
          onClick={() => {
            setDraft({});
            onChange({});
          }}
        >
          Clear
        </button>
      </div>
      {subjectChoice && (
        <p className="hint" role="status" data-testid="subject-choice">
          “{safeText(subjectChoice.typed)}” names {subjectChoice.subjects.length} subjects
          {subjectChoice.viaClaims && ' (some only through unverified token claims)'}:{' '}
          {subjectChoice.subjects.map((subject) => (
            <button
              key={subject}
              type="button"
              className="link"
              data-testid="subject-choice-option"
              onClick={() => {
                setSubjectChoice(undefined);
                setFacet('subject', subject);
              }}
            >
              {safeText(nameOf(subject))}
            </button>
          ))}
        </p>
      )}
      {timeError && (
        <p className="error" role="alert">
          {timeError}
        </p>
      )}
    </form>
  );
}
