// What the investigator decided about a finding: its disposition, and a severity of their own with the reason
// for it (an override without a reason is refused by the store, and the refusal is shown).
import { useState } from 'react';
import { DISPOSITIONS, type AnnotationState, type Disposition } from '../../core/annotations';
import { SEVERITIES } from '../findings/finding-filter';
import { dispositionOf } from './annotation-filter';

interface FindingJudgementProps {
  readonly state: AnnotationState;
  readonly save: (change: (current: AnnotationState) => AnnotationState) => void;
}

export function FindingJudgement({ state, save }: FindingJudgementProps) {
  const [severity, setSeverity] = useState<string>(state.severityOverride?.severity ?? 'low');
  const [reason, setReason] = useState(state.severityOverride?.reason ?? '');
  const override = state.severityOverride;
  return (
    <div className="finding-judgement">
      <label className="inline-field">
        <span>Disposition</span>
        <select
          data-testid="annotation-disposition"
          value={dispositionOf(state)}
          onChange={(event) => {
            const disposition = event.target.value as Disposition;
            save((current) => ({ ...current, disposition }));
          }}
        >
          {DISPOSITIONS.map((disposition) => (
            <option key={disposition} value={disposition}>
              {disposition}
            </option>
          ))}
        </select>
      </label>
      <div className="inline-field override-field">
        <span>Severity override</span>
        <select
          data-testid="annotation-override-severity"
          aria-label="Overriding severity"
          value={severity}
          onChange={(event) => setSeverity(event.target.value)}
        >
          {SEVERITIES.map((item) => (
            <option key={item} value={item}>
              {item}
            </option>
          ))}
        </select>
        <input
          data-testid="annotation-override-reason"
          aria-label="Reason for the override"
          placeholder="reason (required)"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        <button
          type="button"
          data-testid="annotation-override-set"
          onClick={() => save((current) => ({ ...current, severityOverride: { severity, reason } }))}
        >
          {override ? 'Change override' : 'Override'}
        </button>
        {override && (
          <span className="small" data-testid="annotation-override">
            overridden to <strong>{override.severity}</strong>: {override.reason}
          </span>
        )}
        {override && (
          <button
            type="button"
            data-testid="annotation-override-remove"
            onClick={() => save((current) => ({ ...current, severityOverride: undefined }))}
          >
            Remove override
          </button>
        )}
      </div>
    </div>
  );
}
