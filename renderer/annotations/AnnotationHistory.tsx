// An item's annotation history, newest first: who, when, what kind of change, and each changed field before → after.
// Revisions are only ever appended, so this is the whole story of the annotation.
import { useLiveQuery } from 'dexie-react-hooks';
import { useApp } from '../shell/app-context';
import { formatInstant } from '../shell/format-time';
import { annotationHistory } from './queries';
import { revisionChanges } from './revision-changes';

export function AnnotationHistory({ caseId, target }: { readonly caseId: string; readonly target: string }) {
  const { timeZone } = useApp();
  const revisions = useLiveQuery(() => annotationHistory(caseId, target), [caseId, target]);
  if (!revisions || revisions.length === 0) return null;
  return (
    <details className="annotation-history" data-testid="annotation-history">
      <summary>
        History ({revisions.length} revision{revisions.length === 1 ? '' : 's'})
      </summary>
      <ol reversed className="plain-list">
        {[...revisions].reverse().map((revision) => (
          <li
            key={revision.rev}
            data-testid="annotation-revision"
            data-rev={revision.rev}
            data-change={revision.change}
          >
            <div className="small">
              <strong>{revision.change}</strong> by{' '}
              <span data-testid="revision-investigator">{revision.investigator}</span>{' '}
              <span className="mono muted">{formatInstant(revision.at, timeZone)}</span>
              {revision.bulkId && <span className="muted"> · bulk annotation</span>}
            </div>
            <table className="table compact-table">
              <tbody>
                {revisionChanges(revision.before, revision.after).map((change) => (
                  <tr key={change.field} data-testid="revision-change" data-field={change.field}>
                    <th scope="row">{change.field}</th>
                    <td className="revision-before" data-testid="revision-before">
                      {change.before || <span className="muted">—</span>}
                    </td>
                    <td aria-hidden="true">→</td>
                    <td className="revision-after" data-testid="revision-after">
                      {change.after || <span className="muted">—</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </li>
        ))}
      </ol>
    </details>
  );
}
