// The Findings view's filters: severity toggles (with counts), detector or check, origin, and free text.
import type { Severity } from '../../core/token';
import { SEVERITIES, type FindingFilter } from './finding-filter';

interface FindingFiltersProps {
  readonly filter: FindingFilter;
  readonly counts: Record<Severity, number>;
  readonly ids: readonly { id: string; title: string; count: number }[];
  readonly shown: number;
  readonly total: number;
  readonly onChange: (filter: FindingFilter) => void;
}

export function FindingFilters({ filter, counts, ids, shown, total, onChange }: FindingFiltersProps) {
  const toggle = (severity: Severity) =>
    onChange({
      ...filter,
      severities: filter.severities.includes(severity)
        ? filter.severities.filter((item) => item !== severity)
        : [...filter.severities, severity],
    });
  return (
    <div className="finding-filters" data-testid="finding-filters">
      <div className="severity-toggles" role="group" aria-label="Severities">
        {SEVERITIES.map((severity) => (
          <button
            key={severity}
            type="button"
            className={`badge sev-${severity}${filter.severities.length > 0 && !filter.severities.includes(severity) ? ' off' : ''}`}
            aria-pressed={filter.severities.includes(severity)}
            data-testid={`filter-severity-${severity}`}
            disabled={counts[severity] === 0}
            onClick={() => toggle(severity)}
          >
            {severity} {counts[severity]}
          </button>
        ))}
      </div>
      <label className="inline-field">
        <span>Detector or check</span>
        <select
          data-testid="filter-finding-id"
          value={filter.id}
          onChange={(event) => onChange({ ...filter, id: event.target.value })}
        >
          <option value="">any</option>
          {ids.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.title} ({entry.count})
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span>Found by</span>
        <select
          data-testid="filter-finding-origin"
          value={filter.origin}
          onChange={(event) => onChange({ ...filter, origin: event.target.value as FindingFilter['origin'] })}
        >
          <option value="any">any</option>
          <option value="detector">timeline detectors</option>
          <option value="token-check">token checks</option>
        </select>
      </label>
      <label className="inline-field">
        <span>Text</span>
        <input
          data-testid="filter-finding-text"
          value={filter.text}
          placeholder="subject, session, token, words"
          onChange={(event) => onChange({ ...filter, text: event.target.value })}
        />
      </label>
      <span className="muted small" data-testid="findings-shown">
        {shown === total ? `${total} findings` : `${shown} of ${total} findings`}
      </span>
    </div>
  );
}
