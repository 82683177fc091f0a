// The detector parameters of the case, one field per parameter with its default as placeholder and its meaning
// as help, labelled in words with its unit (beside the camelCase name that case-config.json uses). Saving stores
// only the values that differ from the defaults on the case, records each change in the custody log (who, which
// parameter, old → new) and re-runs the detectors.
import { useState } from 'react';
import { caseAnalysisJob, timelineAnalysisJobs } from '../timeline-analysis/timeline-analysis-jobs';
import { checkCaseParameters, PARAMETER_DEFAULTS } from '../../core/timeline';
import {
  changedParameters,
  COMMON_PARAMETER_HELP,
  parameterText,
  parseParameterText,
} from '../timeline-analysis/detector-parameters';
import { detectorById, parameterLabel } from '../../core/timeline';
import { saveParameters } from '../timeline-analysis/queries';
import type { CaseRecord } from '../db/records';
import { describeStorageError } from '../db/storage-errors';
import { useApp } from '../shell/app-context';

type Drafts = Record<string, Record<string, string>>;

function helpOf(id: string, name: string): string {
  if (id === 'common') return COMMON_PARAMETER_HELP[name] ?? '';
  return (detectorById(id)?.parameterHelp as Record<string, string> | undefined)?.[name] ?? '';
}

export function ParametersPanel({
  caseRecord,
  onDone,
}: {
  readonly caseRecord: CaseRecord;
  readonly onDone: () => void;
}) {
  const { investigator } = useApp();
  const saved = caseRecord.detectorParameters ?? {};
  const [drafts, setDrafts] = useState<Drafts>(() => {
    const initial: Drafts = {};
    for (const [id, values] of Object.entries(saved))
      for (const [name, value] of Object.entries(values)) (initial[id] ??= {})[name] = parameterText(value);
    return initial;
  });
  const [problems, setProblems] = useState<string[]>([]);

  const save = async () => {
    const typed: Record<string, Record<string, unknown>> = {};
    for (const [id, values] of Object.entries(drafts)) {
      const defaults = PARAMETER_DEFAULTS.get(id) as Record<string, unknown>;
      for (const [name, text] of Object.entries(values))
        if (text.trim() !== '') (typed[id] ??= {})[name] = parseParameterText(defaults[name], text);
    }
    const checked = checkCaseParameters(typed);
    if (checked.problems.length > 0) {
      setProblems(checked.problems.map((problem) => problem.message));
      return;
    }
    try {
      await saveParameters(
        caseRecord.id,
        changedParameters(checked.parameters as Record<string, Record<string, unknown>>),
        investigator,
      );
    } catch (error) {
      setProblems([describeStorageError(error, 'Saving the parameters')]);
      return;
    }
    timelineAnalysisJobs.start(caseAnalysisJob(caseRecord.id));
    onDone();
  };

  return (
    <form
      className="parameters"
      data-testid="detector-parameters"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p className="muted small">
        Empty fields keep the default (shown greyed). Values set here override the case-config.json of the evidence.
        Lists are comma-separated.
      </p>
      {[...PARAMETER_DEFAULTS.entries()].map(([id, defaults]) => (
        <fieldset key={id} className="parameter-group">
          <legend className="mono">{id}</legend>
          {Object.entries(defaults).map(([name, example]) => (
            <label key={name} className="field" title={helpOf(id, name)}>
              <span data-testid={`parameter-label-${id}-${name}`}>
                {parameterLabel(name)} <code className="muted small">{name}</code>
              </span>
              <input
                data-testid={`parameter-${id}-${name}`}
                placeholder={parameterText(example) || '(none)'}
                value={drafts[id]?.[name] ?? ''}
                onChange={(event) => setDrafts({ ...drafts, [id]: { ...drafts[id], [name]: event.target.value } })}
              />
              <em className="small">{helpOf(id, name)}</em>
            </label>
          ))}
        </fieldset>
      ))}
      {problems.length > 0 && (
        <ul className="problems" role="alert" data-testid="parameter-problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div className="dialog-actions left">
        <button type="submit" className="primary" data-testid="parameters-save">
          Save and re-run
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
