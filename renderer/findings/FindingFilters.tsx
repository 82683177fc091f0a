// The Findings view's filters: severity toggles (with counts), detector or check, origin, free text, annotation
// (tag, disposition, star, note), how the list is grouped, and how many findings have each disposition.
import type { Severity } from '../../core/token';
import { DISPOSITIONS, type Disposition } from '../../core/annotations';
import { AnnotationFilterFields } from '../annotations/AnnotationFilterFields';
import { SEVERITIES, type FindingFilter } from './finding-filter';

interface FindingFiltersProps {
  readonly caseId: string;
  readonly dispositions: Record<Disposition, number>;
  readonly filter: FindingFilter;
  readonly counts: Record<Severity, number>;
  readonly ids: readonly { id: string; title: string; count: number }[];
  readonly shown: number;
  readonly total: number;
  readonly onChange: (filter: FindingFilter) => void;
}

export function FindingFilters({
  caseId,
  dispositions,
  filter,
  counts,
  ids,
  shown,
  total,
  onChange,
}: FindingFiltersProps) {
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
      <AnnotationFilterFields
        caseId={caseId}
        filter={filter.annotation}
        withDisposition
        onChange={(annotation) => onChange({ ...filter, annotation })}
      />
      <label className="inline-field">
        <span>Group by</span>
        <select
          data-testid="finding-group-by"
          value={filter.groupBy ?? 'severity'}
          onChange={(event) => onChange({ ...filter, groupBy: event.target.value as FindingFilter['groupBy'] })}
        >
          <option value="severity">severity</option>
          <option value="disposition">disposition</option>
        </select>
      </label>
      <span className="disposition-counts small" data-testid="disposition-counts" aria-label="Findings by disposition">
        {DISPOSITIONS.map((disposition) => (
          <span key={disposition} data-testid="disposition-count" data-disposition={disposition}>
            {disposition} <strong>{dispositions[disposition]}</strong>
          </span>
        ))}
      </span>
      <span className="muted small" data-testid="findings-shown">
        {shown === total ? `${total} findings` : `${shown} of ${total} findings`}
      </span>
    </div>
  );
}
