// The report dialog's list of findings, one checkbox each: ticked at first as the default rule chooses (confirmed,
// plus open high and critical), so the investigator sees what goes in and can add or leave out any finding.
import { safeText } from '../shell/format';
import type { FindingChoice } from './finding-choices';

interface FindingChoiceListProps {
  readonly choices: readonly FindingChoice[];
  readonly ticked: ReadonlySet<string>;
  readonly onChange: (ticked: ReadonlySet<string>) => void;
}

export function FindingChoiceList({ choices, ticked, onChange }: FindingChoiceListProps) {
  const toggle = (key: string, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(key);
    else next.delete(key);
    onChange(next);
  };
  const reset = () => onChange(new Set(choices.filter((choice) => choice.byDefault).map((choice) => choice.key)));
  return (
    <fieldset className="report-findings" data-testid="report-findings">
      <legend>
        Findings in the report: {ticked.size} of {choices.length}{' '}
        <button type="button" data-testid="report-findings-default" onClick={reset}>
          Default choice
        </button>
      </legend>
      {choices.length === 0 && <p className="muted">This case has no findings.</p>}
      <ul>
        {choices.map((choice) => (
          <li key={choice.key}>
            <label>
              <input
                type="checkbox"
                data-testid="report-finding-choice"
                data-finding-id={choice.id}
                data-finding-key={choice.key}
                checked={ticked.has(choice.key)}
                onChange={(event) => toggle(choice.key, event.target.checked)}
              />{' '}
              <span className={`severity severity-${choice.severity}`}>{choice.severity}</span> {safeText(choice.title)}{' '}
              <span className="muted">({safeText(choice.disposition)})</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
