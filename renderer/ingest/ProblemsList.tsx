// The records an ingest could not (fully) read: file:line, the problem code and the reason. The first ones
// are listed; the count is exact (see MAX_STORED_PROBLEMS).
import { useLiveQuery } from 'dexie-react-hooks';
import type { IngestRecord } from '../db/event-records';
import { ingestProblems } from './queries';
import { safeText } from '../shell/format';

const SHOWN = 200;

export function ProblemsList({ ingest }: { readonly ingest: IngestRecord }) {
  const problems = useLiveQuery(() => ingestProblems(ingest.id, SHOWN), [ingest.id, ingest.problems]);
  return (
    <ul className="problems ingest-problems" data-testid="problem-list" tabIndex={0} aria-label="Problems">
      {(problems ?? []).map((problem) => (
        <li key={problem.id} data-testid="problem-row" data-code={problem.code}>
          <span className="mono" data-testid="problem-location">
            {safeText(problem.path)}
            {problem.line !== undefined ? `:${problem.line}` : ''}
            {problem.index !== undefined ? ` entry ${problem.index}` : ''}
          </span>{' '}
          <span className="mono muted">{problem.code}</span> {problem.message}
        </li>
      ))}
      {ingest.problems > SHOWN && <li className="muted">… and {ingest.problems - SHOWN} more in this file.</li>}
    </ul>
  );
}
