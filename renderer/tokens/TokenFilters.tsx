// Filters of the token list: by signature verdict, by the worst finding's severity and by annotation; and its order.
import {
  SEVERITY_FILTERS,
  VERDICT_FILTERS,
  tokenSorts,
  type SeverityFilter,
  type TokenFilter,
  type TokenSort,
  type VerdictFilter,
} from './token-filter';
import { AnnotationFilterFields } from '../annotations/AnnotationFilterFields';

const SEVERITY_LABEL: Record<SeverityFilter, string> = {
  any: 'any findings',
  critical: 'critical',
  high: 'high or worse',
  medium: 'medium or worse',
  low: 'low or worse',
  info: 'any finding',
  none: 'no finding',
};

interface TokenFiltersProps {
  readonly caseId: string;
  readonly filter: TokenFilter;
  readonly onChange: (filter: TokenFilter) => void;
  readonly sort: TokenSort;
  readonly onSort: (sort: TokenSort) => void;
  readonly shown: number;
  readonly total: number;
  /** An exercise hides the token checks: no filter by verdict or by the checks' findings. */
  readonly checksHidden?: boolean;
}

export function TokenFilters({
  caseId,
  filter,
  onChange,
  sort,
  onSort,
  shown,
  total,
  checksHidden,
}: TokenFiltersProps) {
  return (
    <div className="token-filters">
      {!checksHidden && (
        <>
          <label className="inline-field">
            <span>Verdict</span>
            <select
              data-testid="filter-verdict"
              value={filter.verdict}
              onChange={(event) => onChange({ ...filter, verdict: event.target.value as VerdictFilter })}
            >
              {VERDICT_FILTERS.map((verdict) => (
                <option key={verdict} value={verdict}>
                  {verdict === 'any' ? 'any verdict' : verdict}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field">
            <span>Severity</span>
            <select
              data-testid="filter-severity"
              value={filter.severity}
              onChange={(event) => onChange({ ...filter, severity: event.target.value as SeverityFilter })}
            >
              {SEVERITY_FILTERS.map((severity) => (
                <option key={severity} value={severity}>
                  {SEVERITY_LABEL[severity]}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <label className="inline-field">
        <span>Order</span>
        <select data-testid="token-sort" value={sort} onChange={(event) => onSort(event.target.value as TokenSort)}>
          {tokenSorts(checksHidden === true).map((option) => (
            <option key={option.sort} value={option.sort}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <AnnotationFilterFields
        caseId={caseId}
        filter={filter.annotation}
        onChange={(annotation) => onChange({ ...filter, annotation })}
      />
      <span className="muted small" data-testid="token-filter-count">
        {shown === total ? `${total} tokens` : `${shown} of ${total} tokens`}
      </span>
    </div>
  );
}
