// Every detector that could not judge the case: why, what would make it judgeable, and the button that does it.
import { useState } from 'react';
import type { DetectorRun } from '../../core/timeline';
import { notJudgedRemedy, type RemedyAction } from './not-judged-remedy';
import { useRemedyHandler } from './remedy-context';

interface NotJudgedListProps {
  readonly runs: readonly DetectorRun[];
  /** Actions the hosting view carries out itself (the Findings tab opens its own parameters panel). */
  readonly local?: Partial<Record<RemedyAction, () => void>>;
}

export function NotJudgedList({ runs, local = {} }: NotJudgedListProps) {
  const shared = useRemedyHandler();
  const handle =
    shared &&
    ((action: RemedyAction) => {
      const own = local[action];
      if (!own) return shared(action);
      own();
      return Promise.resolve(undefined);
    });
  const [outcome, setOutcome] = useState<{ text: string; error: boolean }>();
  const [busy, setBusy] = useState(false);
  const skipped = runs.filter((run) => run.skipped);
  if (skipped.length === 0) return null;
  return (
    <div className="not-judged" data-testid="not-judged">
      <ul className="plain-list">
        {skipped.map((run) => {
          const remedy = notJudgedRemedy(run.id);
          return (
            <li key={run.id} data-testid="not-judged-item" data-detector={run.id}>
              <strong>{run.id}</strong> not judged: {run.skipped}. <span className="muted">{remedy.text}</span>
              {handle && remedy.action && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="small-button"
                    data-testid="not-judged-action"
                    data-action={remedy.action}
                    disabled={busy}
                    onClick={() => {
                      setBusy(true);
                      handle(remedy.action!)
                        .then(
                          (text) => setOutcome(text ? { text, error: false } : undefined),
                          (error: unknown) =>
                            setOutcome({ text: error instanceof Error ? error.message : String(error), error: true }),
                        )
                        .finally(() => setBusy(false));
                    }}
                  >
                    {remedy.label}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {outcome && (
        <p
          className={outcome.error ? 'error' : 'hint'}
          role={outcome.error ? 'alert' : 'status'}
          data-testid="not-judged-outcome"
        >
          {outcome.text}
        </p>
      )}
    </div>
  );
}
